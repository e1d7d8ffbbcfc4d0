# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from .freight_inspection import MANAGER, RECTIFY_ACTIVITY
from .freight_workflow_guard import PARENT, WORKFLOW

VERIFY_ACTIVITY = "freight_crm.mail_activity_inspection_verification"


class FreightInspectionFinding(models.Model):
    """A problem or risk an inspection found, and its rectification (整改):
    an owner and a deadline, rectified by the owner, verified by a manager
    other than the owner."""

    _name = "freight.inspection.finding"
    _description = "Inspection Finding"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "deadline, id"

    inspection_id = fields.Many2one(
        "freight.inspection",
        required=True,
        index=True,
        ondelete="cascade",
    )
    inspection_date = fields.Date(related="inspection_id.date", string="Inspected On")
    department = fields.Selection(related="inspection_id.department", store=True)
    name = fields.Char(string="Problem Found", required=True, tracking=True)
    risk_level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        string="Risk",
        required=True,
        default="medium",
        tracking=True,
    )
    requirement = fields.Text(
        string="Rectification Required",
        help="What must be corrected, and the measure preventing the risk again.",
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Rectification Owner",
        required=True,
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
    )
    deadline = fields.Date(
        string="Rectification Deadline", required=True, tracking=True
    )
    state = fields.Selection(
        [("open", "To Rectify"), ("rectified", "Rectified"), ("verified", "Verified")],
        default="open",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    rectification_note = fields.Text(
        string="Rectification Done", help="What the owner corrected, and how."
    )
    rectified_date = fields.Date(readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verified_date = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Not rectified and its deadline has passed.",
    )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for finding in self:
            finding.is_overdue = bool(
                finding.state == "open"
                and finding.deadline
                and finding.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = Domain("state", "=", "open") & Domain(
            "deadline", "<", fields.Date.context_today(self)
        )
        return overdue if (True in value) == (operator == "in") else ~overdue

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "rectified_date": WORKFLOW,
            "verified_by_id": WORKFLOW,
            "verified_date": WORKFLOW,
            "inspection_id": PARENT,
            "name": MANAGER,
            "risk_level": MANAGER,
            "requirement": MANAGER,
            "owner_id": MANAGER,
            "deadline": MANAGER,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "open"

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "%s of a finding is set by its Rectified, Verify and Reopen buttons only.",
            label,
        )

    @api.constrains("deadline", "inspection_id")
    def _check_deadline(self):
        for finding in self:
            if finding.deadline < finding.inspection_id.date:
                raise ValidationError(
                    self.env._(
                        "The rectification deadline of %(finding)s is before the "
                        "inspection date %(date)s.",
                        finding=finding.name,
                        date=finding.inspection_id.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        findings = super().create(vals_list)
        findings.filtered(
            lambda f: f.state == "open" and f.inspection_id.state == "done"
        )._freight_notify_owner()
        return findings

    def write(self, vals):
        if not self.env.su and "rectification_note" in vals:
            settled = self.filtered(lambda f: f.state == "verified")
            if any(
                not self._freight_guard_same(
                    "rectification_note",
                    vals["rectification_note"],
                    f.rectification_note,
                )
                for f in settled
            ):
                raise UserError(
                    self.env._(
                        "The rectification of a verified finding is kept as verified."
                    )
                )
        return super().write(vals)

    def _freight_notify_owner(self):
        for finding in self:
            finding.sudo().with_context(lang=finding.owner_id.lang).activity_schedule(
                RECTIFY_ACTIVITY,
                date_deadline=finding.deadline,
                user_id=finding.owner_id.id,
                note=finding.with_context(lang=finding.owner_id.lang).env._(
                    "Rectify %(finding)s found by the inspection %(inspection)s "
                    "before %(deadline)s.",
                    finding=finding.name,
                    inspection=finding.inspection_id.name,
                    deadline=finding.deadline,
                ),
            )

    # Workflow: open -> rectified -> verified (or back to open)
    def action_rectify(self):
        """The owner (or a manager) reports the rectification done."""
        self.check_access("write")
        action = self.env._("Report the rectification")
        self._freight_check_states(("open",), action)
        for finding in self:
            if finding.inspection_id.state == "planned":
                raise UserError(
                    self.env._(
                        "%(action)s: the inspection of %(finding)s is not done yet.",
                        action=action,
                        finding=finding.name,
                    )
                )
            if not (finding.rectification_note or "").strip():
                raise UserError(
                    self.env._(
                        "%(action)s: describe the rectification of %(finding)s first.",
                        action=action,
                        finding=finding.name,
                    )
                )
        self.sudo().activity_feedback([RECTIFY_ACTIVITY])
        self.sudo().write(
            {"state": "rectified", "rectified_date": fields.Date.context_today(self)}
        )
        for finding in self:
            inspector = finding.inspection_id.inspector_id
            finding.sudo().with_context(lang=inspector.lang).activity_schedule(
                VERIFY_ACTIVITY,
                user_id=finding.inspection_id.inspector_id.id,
                note=finding.with_context(
                    lang=finding.inspection_id.inspector_id.lang
                ).env._(
                    "%(owner)s reports %(finding)s rectified: verify it.",
                    owner=finding.owner_id.name,
                    finding=finding.name,
                ),
            )
        return True

    def action_verify(self):
        """A manager other than the owner verifies the rectification."""
        action = self.env._("Verify the rectification")
        return self._freight_approve(
            action,
            ("rectified",),
            ("owner_id",),
            "verified_by_id",
            "verified_date",
            [VERIFY_ACTIVITY],
            state="verified",
        )

    def action_reopen(self):
        """The rectification is not accepted: back to its owner."""
        action = self.env._("Reopen the finding")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("rectified",), action)
        self.sudo().activity_unlink([VERIFY_ACTIVITY])
        self.sudo().write({"state": "open", "rectified_date": False})
        self._freight_notify_owner()
        return True
