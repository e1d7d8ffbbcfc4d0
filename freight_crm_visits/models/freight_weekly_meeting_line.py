# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.freight_crm.models.freight_workflow_guard import PARENT, WORKFLOW

from .freight_weekly_meeting import VISIT_ACTIVITY


class FreightWeeklyMeetingLine(models.Model):
    """A customer the weekly meeting decided a department manager or above
    visits next week (确定下周需部门经理以上领导拜访的客户)."""

    _name = "freight.weekly.meeting.line"
    _description = "Weekly Meeting Manager Visit"
    _inherit = ("freight.workflow.guard",)
    _order = "visit_date, id"

    meeting_id = fields.Many2one(
        "freight.weekly.meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        domain="[('is_company', '=', True), ('freight_customer_state', '!=', False)]",
    )
    salesperson_id = fields.Many2one(
        "res.users", related="partner_id.user_id", string="Salesperson"
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Visiting Manager",
        required=True,
        domain=[("share", "=", False)],
        help="The department manager or above who visits the customer.",
    )
    visit_date = fields.Date(required=True)
    purpose = fields.Char(string="Purpose of the Visit")
    visit_id = fields.Many2one("freight.visit", readonly=True, copy=False)

    _one_line_per_customer = models.Constraint(
        "UNIQUE(meeting_id, partner_id)",
        "A customer is listed once per weekly meeting.",
    )

    @api.model
    def _freight_guard_policy(self):
        return {"visit_id": WORKFLOW, "meeting_id": PARENT}

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.meeting_id.state == "draft"

    @api.constrains("visit_date", "meeting_id")
    def _check_visit_date(self):
        for line in self:
            monday = line.meeting_id.week_start
            if not monday <= line.visit_date <= monday + timedelta(days=6):
                raise ValidationError(
                    self.env._(
                        "The visit to %(customer)s must be dated in the week "
                        "after the meeting, %(monday)s to %(sunday)s.",
                        customer=line.partner_id.display_name,
                        monday=monday,
                        sunday=monday + timedelta(days=6),
                    )
                )

    @api.constrains("manager_id")
    def _check_manager(self):
        for line in self:
            if not line.manager_id.sudo()._freight_is_manager():
                raise ValidationError(
                    self.env._(
                        "%s is not a Freight CRM manager: the meeting decides the "
                        "visits of a department manager or above.",
                        line.manager_id.name,
                    )
                )

    @api.constrains("partner_id")
    def _check_partner_is_customer(self):
        for line in self:
            partner = line.partner_id.sudo()
            if not partner.is_company or not partner.freight_customer_state:
                raise ValidationError(
                    self.env._(
                        "%s is not a freight customer company.", partner.display_name
                    )
                )

    def write(self, vals):
        if not self.env.su:
            self._freight_check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._freight_check_draft()

    def _freight_check_draft(self):
        if any(line.meeting_id.state != "draft" for line in self):
            raise UserError(
                self.env._(
                    "The manager visits of a confirmed weekly meeting are kept "
                    "as decided."
                )
            )

    def _freight_plan_visit(self):
        """The planned visit of each line: the customer's planned visit of
        that week when there is one (flagged as a manager visit, the manager
        accompanying), else a new one by the manager with the salesperson."""
        Visit = self.env["freight.visit"].sudo()
        for line in self.sudo():
            monday = line.meeting_id.week_start
            visit = Visit.search(
                [
                    ("partner_id", "=", line.partner_id.id),
                    ("state", "=", "planned"),
                    ("visit_date", ">=", monday),
                    ("visit_date", "<=", monday + timedelta(days=6)),
                ],
                order="visit_date",
                limit=1,
            )
            if visit:
                visit.write(
                    {
                        "manager_visit_required": True,
                        "companion_ids": [fields.Command.link(line.manager_id.id)],
                    }
                )
            else:
                salesperson = line.partner_id.user_id
                visit = Visit.create(
                    {
                        "partner_id": line.partner_id.id,
                        "user_id": line.manager_id.id,
                        "visit_date": line.visit_date,
                        "manager_visit_required": True,
                        "planned_content": line.purpose,
                        "companion_ids": [fields.Command.set(salesperson.ids)],
                    }
                )
                visit.activity_schedule(
                    VISIT_ACTIVITY,
                    date_deadline=line.visit_date,
                    user_id=line.manager_id.id,
                )
            line.visit_id = visit
