# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of helpdesk.ticket per file.
# pylint: disable=consider-merging-classes-inherited
from pytz import timezone, utc

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

PLAN_ACTIVITY = "freight_crm_complaints.mail_activity_type_handling_plan"
# The rulebook sets complex complaints against general ones (一般投诉24小时内
# 解决, 复杂投诉72小时内给出处理方案): important and major complaints.
COMPLEX_CLASSES = ("important", "major")
# Changes that move the plan's deadline, its owner or its need.
PLAN_TRIGGERS = (
    "freight_complaint_class",
    "freight_intake_date",
    "team_id",
    "user_id",
    "stage_id",
    "freight_approval_date",
)


class HelpdeskTicket(models.Model):
    """Handling plan of a complex complaint: its solution approved by a
    leader within the plan hours of the intake; the owner gets a to-do
    with that deadline, done when the solution is approved."""

    _inherit = "helpdesk.ticket"

    freight_is_complex = fields.Boolean(
        string="Complex Complaint",
        compute="_compute_freight_is_complex",
        store=True,
        index=True,
        help="Important and major complaints: a handling plan is due within "
        "the plan hours (复杂投诉72小时内给出处理方案).",
    )
    freight_plan_deadline = fields.Datetime(
        string="Handling Plan Due",
        compute="_compute_freight_plan_deadline",
        store=True,
        index=True,
        copy=False,
        help="Intake time plus the plan hours in working hours of the team's "
        "calendar: the leader-approved solution is due by then.",
    )
    freight_plan_late = fields.Boolean(
        string="Handling Plan Approved Late",
        compute="_compute_freight_plan_late",
        store=True,
        index=True,
    )
    freight_plan_overdue = fields.Boolean(
        string="Handling Plan Overdue",
        compute="_compute_freight_plan_overdue",
        search="_search_freight_plan_overdue",
        help="Approved after its due time, or an open complaint still without "
        "an approved plan past it.",
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy.update(
            dict.fromkeys(
                ("freight_is_complex", "freight_plan_deadline", "freight_plan_late"),
                COMPUTED,
            )
        )
        return policy

    @api.depends("freight_is_complaint", "freight_complaint_class")
    def _compute_freight_is_complex(self):
        for ticket in self:
            ticket.freight_is_complex = (
                ticket.freight_is_complaint
                and ticket.freight_complaint_class in COMPLEX_CLASSES
            )

    @api.depends("freight_is_complex", "freight_intake_date", "team_id")
    def _compute_freight_plan_deadline(self):
        # 复杂投诉72小时内给出处理方案: working hours of the team's
        # calendar, counted like the class deadlines, from the intake (受理).
        hours = freight_setting_value(
            self.env, "freight_crm_complaints.complex_plan_hours"
        )
        self.freight_plan_deadline = False
        planned = self._freight_add_working_hours(
            {
                ticket: hours
                for ticket in self
                if ticket.freight_is_complex and ticket.freight_intake_date
            }
        )
        for ticket, deadline in planned.items():
            ticket.freight_plan_deadline = deadline

    @api.depends("freight_plan_deadline", "freight_approval_date")
    def _compute_freight_plan_late(self):
        for ticket in self:
            deadline, approved = (
                ticket.freight_plan_deadline,
                ticket.freight_approval_date,
            )
            ticket.freight_plan_late = bool(
                deadline and approved and approved > deadline
            )

    @api.depends("freight_plan_late", "freight_plan_deadline", "stage_id.closed")
    def _compute_freight_plan_overdue(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.freight_plan_overdue = ticket.freight_plan_late or bool(
                ticket.freight_plan_deadline
                and not ticket.freight_approval_date
                and not ticket.stage_id.closed
                and ticket.freight_plan_deadline < now
            )

    def _search_freight_plan_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = Domain("freight_plan_late", "=", True) | (
            Domain("freight_plan_deadline", "<", fields.Datetime.now())
            & Domain("freight_approval_date", "=", False)
            & Domain("stage_id.closed", "=", False)
        )
        return domain if (operator == "=") == value else ~domain

    # CRUD ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets.filtered("freight_is_complex")._freight_sync_plan_activity()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if any(name in vals for name in PLAN_TRIGGERS):
            self.filtered("freight_is_complaint")._freight_sync_plan_activity()
        return res

    # Business methods ----------------------------------------------------
    def _freight_plan_owner(self):
        """Who gives the plan: the assignee, else the first owner."""
        self.ensure_one()
        ticket = self.sudo()
        return ticket.user_id or ticket.freight_first_owner_id

    def _freight_sync_plan_activity(self):
        """One open handling-plan to-do per complex complaint awaiting its
        plan, for its owner, due on the plan's deadline (local date of the
        team's calendar); done once the solution is approved, dropped when
        the complaint is no longer complex or is closed."""
        activity_type = self.env.ref(PLAN_ACTIVITY, raise_if_not_found=False)
        if not activity_type:
            return
        for ticket in self.sudo():
            activities = ticket.activity_ids.filtered(
                lambda a, kind=activity_type: a.activity_type_id == kind
            )
            if ticket.freight_approval_date and ticket.freight_plan_deadline:
                activities.action_feedback(
                    feedback=self.env._("The solution was approved.")
                )
                continue
            owner = ticket._freight_plan_owner()
            if not (
                ticket.freight_plan_deadline and owner and not ticket.stage_id.closed
            ):
                activities.unlink()
                continue
            due = ticket._freight_plan_due_date()
            if activities:
                activities.write({"date_deadline": due, "user_id": owner.id})
                continue
            ticket.activity_schedule(
                PLAN_ACTIVITY,
                date_deadline=due,
                summary=ticket.with_context(lang=owner.lang).env._(
                    "Give the handling plan: %s", ticket.name
                ),
                user_id=owner.id,
            )

    def _freight_plan_due_date(self):
        self.ensure_one()
        calendar = self._freight_calendar()
        tz = timezone((calendar.tz if calendar else None) or "UTC")
        return utc.localize(self.freight_plan_deadline).astimezone(tz).date()
