# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.roles import MANAGER
from ..tools.settings_table import freight_setting_value
from .freight_workflow_guard import WORKFLOW

DUE_ACTIVITY = "freight_crm.mail_activity_inspection_due"
RECTIFY_ACTIVITY = "freight_crm.mail_activity_inspection_rectification"
INTERVAL_PARAM = "freight_crm.inspection_interval_months"
DEPARTMENTS = [
    ("operations", "Operations Centre"),
    ("marketing", "Marketing Centre"),
    ("service", "Customer Service Department"),
    ("finance", "Finance Department"),
    ("business", "Business Units"),
    ("all", "Whole Company"),
]


class FreightInspection(models.Model):
    """A supervision inspection of the customer management work (客户管理
    监督检查): who inspected which department, how, what was found, and
    the rectification of every finding (监督检查结果整改)."""

    _name = "freight.inspection"
    _description = "Customer Management Inspection"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    inspector_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    department = fields.Selection(
        DEPARTMENTS, string="Department Inspected", required=True, default="all"
    )
    method = fields.Selection(
        [
            ("onsite", "On-site Check"),
            ("documents", "Document Review"),
            ("system", "System Records Check"),
            ("interviews", "Customer Callbacks"),
        ],
        required=True,
        default="documents",
    )
    scope = fields.Text(help="What was checked: customer files, contracts, visits...")
    conclusion = fields.Text(help="The inspector's assessment of the work checked.")
    finding_ids = fields.One2many("freight.inspection.finding", "inspection_id")
    finding_count = fields.Integer(compute="_compute_finding_counts")
    open_finding_count = fields.Integer(
        string="Findings to Rectify", compute="_compute_finding_counts"
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("closed", "Closed")],
        default="planned",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    done_date = fields.Date(readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("finding_ids.state")
    def _compute_finding_counts(self):
        for inspection in self:
            findings = inspection.finding_ids
            inspection.finding_count = len(findings)
            inspection.open_finding_count = len(
                findings.filtered(lambda f: f.state != "verified")
            )

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "done_date": WORKFLOW,
            "closed_by_id": WORKFLOW,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state != "closed"

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "%s of an inspection is set by its Done and Close buttons only.",
            label,
        )

    @api.constrains("date", "finding_ids")
    def _check_finding_deadlines(self):
        self.finding_ids._check_deadline()

    def write(self, vals):
        if not self.env.su and "date" in vals:
            held = self.filtered(lambda i: i.state != "planned")
            if held and any(
                not self._freight_guard_same("date", vals["date"], i.date) for i in held
            ):
                raise UserError(
                    self.env._("The date of an inspection held cannot be changed.")
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        if any(inspection.state != "planned" for inspection in self):
            raise UserError(
                self.env._("An inspection held is kept on file and cannot be deleted.")
            )

    # Workflow: planned -> done -> closed
    def action_done(self):
        """The inspection was held: every finding's rectification owner gets
        an activity due on its deadline."""
        action = self.env._("Mark the inspection as done")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("planned",), action)
        today = fields.Date.context_today(self)
        for inspection in self:
            if inspection.date > today:
                raise UserError(
                    self.env._(
                        "%(action)s: %(inspection)s is dated in the future.",
                        action=action,
                        inspection=inspection.display_name,
                    )
                )
            if not (inspection.conclusion or "").strip():
                raise UserError(
                    self.env._(
                        "%(action)s: write the conclusion of %(inspection)s first.",
                        action=action,
                        inspection=inspection.display_name,
                    )
                )
        self.activity_feedback([DUE_ACTIVITY])
        self.sudo().write({"state": "done", "done_date": today})
        self.finding_ids._freight_notify_owner()
        return True

    def action_close(self):
        """Close the inspection once every finding was verified."""
        action = self.env._("Close the inspection")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("done",), action)
        pending = self.filtered("open_finding_count")
        if pending:
            raise UserError(
                self.env._(
                    "%(action)s: %(count)s findings of %(inspection)s are not "
                    "verified yet.",
                    action=action,
                    count=pending[0].open_finding_count,
                    inspection=pending[0].display_name,
                )
            )
        self.sudo().write({"state": "closed", "closed_by_id": self.env.user.id})
        return True

    # Inspection frequency
    @api.model
    def _freight_interval_months(self):
        return freight_setting_value(self.env, INTERVAL_PARAM)

    @api.model
    def _freight_next_due(self):
        """When the next inspection is due: the interval after the last one
        held, today when none was ever held."""
        last = self.sudo().search(
            [("state", "!=", "planned")], order="date desc", limit=1
        )
        today = fields.Date.context_today(self)
        if not last:
            return today
        return last.date + relativedelta(months=self._freight_interval_months())

    @api.model
    def _cron_freight_plan_inspection(self):
        """Daily: once the next inspection is due and none is planned, plan
        one and give its inspector (the last inspector while still a
        manager, else the longest-standing manager) an activity."""
        due = self._freight_next_due()
        if due > fields.Date.context_today(self):
            return self.browse()
        Inspection = self.sudo()
        if Inspection.search_count([("state", "=", "planned")], limit=1):
            return self.browse()
        managers = self._freight_group_members(MANAGER)
        if not managers:
            return self.browse()
        last = Inspection.search(
            [("state", "!=", "planned")], order="date desc", limit=1
        )
        inspector = last.inspector_id if last.inspector_id in managers else managers[0]
        inspection = Inspection.with_context(lang=inspector.lang).create(
            {
                "name": inspector.with_context(lang=inspector.lang).env._(
                    "Customer management inspection"
                ),
                "date": due,
                "inspector_id": inspector.id,
            }
        )
        inspection.activity_schedule(
            DUE_ACTIVITY,
            date_deadline=due,
            user_id=inspector.id,
            note=inspection.with_context(lang=inspector.lang).env._(
                "The periodic inspection of the customer management work is "
                "due: inspect, record the findings and their rectification."
            ),
        )
        return inspection
