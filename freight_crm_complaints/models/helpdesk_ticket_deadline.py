# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value


# One concern per file, as Odoo core does for the models it extends.
class HelpdeskTicket(models.Model):
    """Working-hour resolution deadline of a complaint (R-CMP-3)."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    freight_deadline = fields.Datetime(
        string="Resolution Deadline",
        compute="_compute_freight_deadline",
        store=True,
        index=True,
        copy=False,
        tracking=True,
        help="Intake time plus the class deadline in working hours of the "
        "team's calendar (else the company's), shortened by the customer "
        "grade's complaint deadline factor.",
    )
    freight_is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_freight_deadline_state",
        search="_search_freight_is_overdue",
    )
    freight_is_due_soon = fields.Boolean(
        string="Due Soon",
        compute="_compute_freight_deadline_state",
        search="_search_freight_is_due_soon",
    )
    freight_deadline_hours = fields.Float(
        string="Deadline (Working Hours)",
        compute="_compute_freight_working_hours",
        help="Working hours the complaint's class and customer grade give to "
        "resolve it, counted on the team's calendar.",
    )
    freight_hours_left = fields.Float(
        string="Working Hours Left",
        compute="_compute_freight_working_hours",
        help="Working hours from now to the deadline on the team's calendar; "
        "negative once overdue.",
    )
    freight_grade_id = fields.Many2one(
        "freight.customer.grade",
        string="Customer Grade",
        compute="_compute_freight_grade_id",
        store=True,
        help="Grade of the customer when the complaint was received.",
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy.update({"freight_deadline": COMPUTED, "freight_grade_id": COMPUTED})
        return policy

    # Calendars are read, not depended on: editing a calendar must not rewrite
    # the deadlines of every past complaint.
    @api.depends(
        "freight_is_complaint",
        "freight_complaint_class",
        "freight_intake_date",
        "team_id",
        "commercial_partner_id",
    )
    def _compute_freight_deadline(self):
        rules = self.env["freight.complaint.deadline"]._get_rules_by_class()
        hours_by_ticket = {}
        for ticket in self:
            rule = rules.get(ticket.freight_complaint_class)
            ticket.freight_deadline = False
            if ticket.freight_is_complaint and rule and ticket.freight_intake_date:
                hours_by_ticket[ticket] = (
                    rule.hours * ticket._freight_grade_deadline_factor()
                )
        for ticket, deadline in self._freight_add_working_hours(
            hours_by_ticket
        ).items():
            ticket.freight_deadline = deadline

    @api.depends("freight_deadline", "freight_complaint_class", "stage_id.closed")
    def _compute_freight_working_hours(self):
        """Deadline hours and hours left; the hours left of a page of
        complaints counted on each calendar read once."""
        rules = self.env["freight.complaint.deadline"]._get_rules_by_class()
        now = fields.Datetime.now()
        periods = defaultdict(list)
        for ticket in self:
            rule = rules.get(ticket.freight_complaint_class)
            ticket.freight_deadline_hours = (
                rule.hours * ticket._freight_grade_deadline_factor()
                if ticket.freight_is_complaint and rule
                else 0.0
            )
            ticket.freight_hours_left = 0.0
            deadline = ticket.freight_deadline
            if deadline and not ticket.stage_id.closed:
                periods[ticket._freight_calendar()].append(
                    (ticket, min(now, deadline), max(now, deadline))
                )
        for calendar, items in periods.items():
            hours = (
                calendar._freight_work_hours_batch(
                    [(start, end) for _ticket, start, end in items]
                )
                if calendar
                else [(end - start).total_seconds() / 3600 for _t, start, end in items]
            )
            for (ticket, start, _end), left in zip(items, hours, strict=True):
                ticket.freight_hours_left = left if start == now else -left

    def _freight_calendar(self):
        """The team's working calendar, else the company's."""
        self.ensure_one()
        return (
            self.team_id.sudo().freight_resource_calendar_id
            or self.company_id.sudo().resource_calendar_id
        )

    def _freight_grade_deadline_factor(self):
        """The customer grade's factor: it may tighten the rulebook deadline,
        never loosen it. The grade is read as superuser (the complaint's
        handler need not see the customer file); a factor that is not a
        positive finite number counts as 1."""
        self.ensure_one()
        grade = self.commercial_partner_id.sudo().freight_grade_id
        factor = grade.complaint_deadline_factor
        if not factor or not math.isfinite(factor) or factor <= 0:
            return 1.0
        return min(factor, 1.0)

    @api.model
    def _freight_due_soon(self):
        """How close a deadline is shown as "due soon"."""
        hours = freight_setting_value(self.env, "freight_crm_complaints.due_soon_hours")
        return timedelta(hours=hours)

    @api.depends("freight_deadline", "stage_id.closed")
    def _compute_freight_deadline_state(self):
        now = fields.Datetime.now()
        soon = now + self._freight_due_soon()
        for ticket in self:
            deadline = ticket.freight_deadline
            is_open = deadline and not ticket.stage_id.closed
            ticket.freight_is_overdue = is_open and deadline < now
            ticket.freight_is_due_soon = is_open and now <= deadline < soon

    def _search_freight_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = Domain("freight_deadline", "<", fields.Datetime.now()) & Domain(
            "stage_id.closed", "=", False
        )
        return domain if (operator == "=") == value else ~domain

    def _search_freight_is_due_soon(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        now = fields.Datetime.now()
        domain = (
            Domain("freight_deadline", ">=", now)
            & Domain("freight_deadline", "<", now + self._freight_due_soon())
            & Domain("stage_id.closed", "=", False)
        )
        return domain if (operator == "=") == value else ~domain

    @api.depends("commercial_partner_id", "freight_is_complaint")
    def _compute_freight_grade_id(self):
        for ticket in self:
            ticket.freight_grade_id = (
                ticket.freight_is_complaint
                and ticket.commercial_partner_id.sudo().freight_grade_id
            )

    @api.constrains("freight_deadline", "freight_intake_date")
    def _check_freight_deadline(self):
        for ticket in self:
            if (
                ticket.freight_deadline
                and ticket.freight_intake_date
                and ticket.freight_deadline <= ticket.freight_intake_date
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint %(ticket)s: the deadline %(deadline)s must be "
                        "after the intake time %(intake)s.",
                        ticket=ticket.display_name,
                        deadline=ticket.freight_deadline,
                        intake=ticket.freight_intake_date,
                    )
                )

    @api.model
    def _freight_add_working_hours(self, hours_by_ticket):
        """``{ticket: hours}`` to ``{ticket: intake plus hours working hours
        of its team's calendar}``, each calendar read once for the batch."""
        by_calendar = defaultdict(list)
        for ticket, hours in hours_by_ticket.items():
            by_calendar[ticket._freight_calendar()].append((ticket, hours))
        planned = {}
        for calendar, items in by_calendar.items():
            starts_hours = [
                (ticket.freight_intake_date, hours) for ticket, hours in items
            ]
            ends = (
                calendar._freight_plan_hours_batch(starts_hours)
                if calendar
                else [False] * len(items)
            )
            for (start, hours), (ticket, _hours), end in zip(
                starts_hours, items, ends, strict=True
            ):
                planned[ticket] = end or start + timedelta(hours=hours)
        return planned
