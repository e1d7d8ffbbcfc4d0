# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.freight_crm.models.freight_workflow_guard import (
    COMPUTED,
    WORKFLOW,
)
from odoo.addons.freight_crm.tools.roles import MANAGER, SALESPERSON, SERVICE

from .freight_complaint_deadline import COMPLAINT_CLASSES
from .freight_complaint_root_cause import RESPONSIBLE_TYPES

# Internal roles that handle complaints: only they read the handling record
# (first owner, escalation, analysis, measures, compensation), not the
# customer's portal users nor employees without a Freight CRM role.
COMPLAINT_STAFF = f"{SALESPERSON},{SERVICE}"
# Who may correct the intake time of a complaint after it was recorded.
INTAKE_EDITOR = MANAGER
# A client clock slightly ahead of the server's is not a future intake.
INTAKE_CLOCK_SKEW = timedelta(minutes=5)


class HelpdeskTicket(models.Model):
    """A ticket is a complaint when it is filed with a complaint team.

    This file holds the intake (class, intake time), the handling record
    and the guard policy; the first owner, the portal intake, deadlines,
    escalation, the solution's approval, the close-out and repeat detection
    live in the ``helpdesk_ticket_*.py`` files beside it.
    """

    _name = "helpdesk.ticket"
    _inherit = ("helpdesk.ticket", "freight.workflow.guard")

    # Service KPIs aggregate a customer's complaints over a period.
    _freight_customer_intake_idx = models.Index(
        "(commercial_partner_id, freight_intake_date)"
    )

    # ------------------------------------------------------------------
    # Intake (R-CMP-1, R-CMP-2)
    # ------------------------------------------------------------------
    freight_is_complaint = fields.Boolean(
        string="Complaint",
        related="team_id.freight_is_complaint_team",
        store=True,
        index=True,
        help="The ticket was filed with a team that handles complaints.",
    )
    # Only complaints have a class: General by default, nothing on other
    # tickets (a computed default that follows the team).
    freight_complaint_class = fields.Selection(
        COMPLAINT_CLASSES,
        string="Complaint Class",
        compute="_compute_freight_complaint_class",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="General: attitude, wrong information (24 h). Important: delay, "
        "partial damage (48 h). Major: loss, serious damage, major delay "
        "(emergency plan at once, 72 h).",
    )
    freight_intake_date = fields.Datetime(
        string="Intake Time",
        default=fields.Datetime.now,
        copy=False,
        help="When the complaint was received; deadlines and escalations "
        "count from here. Set at intake; afterwards only a Freight CRM "
        "manager corrects it.",
    )
    freight_shipment_ref = fields.Char(
        string="Shipment / B/L or Order No.",
        tracking=True,
        help="The shipment the complaint is about, as the customer knows it: "
        "bill of lading, booking or order number.",
    )

    # ------------------------------------------------------------------
    # Handling record (R-CMP-5, R-CMP-6)
    # ------------------------------------------------------------------
    freight_root_cause_id = fields.Many2one(
        "freight.complaint.root.cause",
        string="Root Cause",
        index=True,
        tracking=True,
    )
    freight_root_category_id = fields.Many2one(
        "freight.complaint.root.cause",
        string="Cause Category",
        compute="_compute_freight_root_category_id",
        store=True,
    )
    freight_responsible_type = fields.Selection(
        RESPONSIBLE_TYPES,
        string="Responsible Party",
        compute="_compute_freight_responsible_type",
        store=True,
        readonly=False,
    )
    freight_responsible_department = fields.Char(string="Responsible Department")
    freight_responsible_partner_id = fields.Many2one(
        "res.partner",
        string="Responsible Supplier / Agent",
    )
    freight_cause_analysis = fields.Html(
        string="Cause Analysis",
        groups=COMPLAINT_STAFF,
        help="Written cause analysis (书面原因分析).",
    )
    freight_corrective_measures = fields.Html(
        string="Corrective Measures",
        groups=COMPLAINT_STAFF,
        help="Handling and corrective measures.",
    )
    freight_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    freight_compensation_amount = fields.Monetary(
        string="Compensation",
        currency_field="freight_currency_id",
        tracking=True,
        copy=False,
        groups=COMPLAINT_STAFF,
    )
    freight_evidence_ids = fields.Many2many(
        "ir.attachment",
        "helpdesk_ticket_freight_evidence_rel",
        "ticket_id",
        "attachment_id",
        string="Evidence",
        copy=False,
    )

    # ------------------------------------------------------------------
    # Guard policy
    # ------------------------------------------------------------------
    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy.update(
            {
                "freight_is_complaint": COMPUTED,
                "freight_intake_date": INTAKE_EDITOR,
                "freight_first_owner_id": WORKFLOW,
                "freight_root_category_id": COMPUTED,
            }
        )
        return policy

    @api.model
    def _freight_guard_create(self, vals_list):
        """At intake the receiver records when the complaint came in, and
        the first owner is the receiver or the assignee: those are the
        intake's own values, not hand-written workflow fields."""
        checked = []
        for vals in vals_list:
            vals = dict(vals)
            vals.pop("freight_intake_date", None)
            owner = vals.get("freight_first_owner_id")
            if owner and owner == self._freight_intake_owner(vals):
                vals.pop("freight_first_owner_id")
            checked.append(vals)
        return super()._freight_guard_create(checked)

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("freight_is_complaint")
    def _compute_freight_complaint_class(self):
        for ticket in self:
            ticket.freight_complaint_class = ticket.freight_complaint_class or (
                "general" if ticket.freight_is_complaint else False
            )

    @api.depends("freight_root_cause_id")
    def _compute_freight_root_category_id(self):
        for ticket in self:
            cause = ticket.freight_root_cause_id
            ticket.freight_root_category_id = cause and cause._get_category()

    @api.depends("freight_root_cause_id")
    def _compute_freight_responsible_type(self):
        for ticket in self:
            cause = ticket.freight_root_cause_id
            # Keep what the user chose when the cause proposes nothing.
            ticket.freight_responsible_type = (
                cause.responsible_type
                or (cause and cause._get_category().responsible_type)
                or ticket.freight_responsible_type
            )

    @api.constrains("team_id", "freight_complaint_class", "freight_intake_date")
    def _check_freight_complaint_intake(self):
        for ticket in self.filtered("freight_is_complaint"):
            if not ticket.freight_complaint_class:
                raise ValidationError(
                    self.env._(
                        "Complaint %s needs a complaint class: General, "
                        "Important or Major.",
                        ticket.display_name,
                    )
                )
            if not ticket.freight_intake_date:
                raise ValidationError(
                    self.env._(
                        "Complaint %s needs its intake time: deadlines and "
                        "escalations count from it.",
                        ticket.display_name,
                    )
                )

    @api.constrains("freight_compensation_amount")
    def _check_freight_compensation_amount(self):
        for ticket in self.sudo():
            if ticket.freight_compensation_amount < 0:
                raise ValidationError(
                    self.env._(
                        "Complaint %s: the compensation cannot be negative.",
                        ticket.display_name,
                    )
                )

    @api.model
    def default_get(self, fields):
        """A ticket created from the Complaints menu goes to a complaint team."""
        defaults = super().default_get(fields)
        if (
            self.env.context.get("freight_complaint")
            and "team_id" in fields
            and not defaults.get("team_id")
        ):
            team = self.env["helpdesk.ticket.team"]._freight_default_complaint_team()
            if team:
                defaults["team_id"] = team.id
        return defaults

    # ------------------------------------------------------------------
    # CRUD: each concern checks before and reacts after, in its own file
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._freight_check_intake_vals(vals)
        tickets = super().create(vals_list)
        complaints = tickets.filtered("freight_is_complaint")
        complaints._freight_set_first_owner(self.env.user)
        return tickets

    def write(self, vals):
        self._freight_check_intake_vals(vals)
        self._freight_check_team_change(vals)
        self._freight_check_first_owner(vals)
        res = super().write(vals)
        self._freight_first_owner_after_write(vals)
        return res

    @api.model
    def _freight_check_intake_vals(self, vals):
        """An intake time lies in the past (or now) and is never empty."""
        if "freight_intake_date" not in vals:
            return
        value = vals["freight_intake_date"]
        if not value:
            if self.filtered("freight_is_complaint"):
                raise ValidationError(
                    self.env._(
                        "The intake time of a complaint cannot be emptied: "
                        "deadlines and escalations count from it."
                    )
                )
            return
        self._freight_guard_date(self._fields["freight_intake_date"], value)
        intake = fields.Datetime.to_datetime(value)
        if intake > fields.Datetime.now() + INTAKE_CLOCK_SKEW:
            raise ValidationError(
                self.env._(
                    "The intake time %s lies in the future: enter when the "
                    "complaint was actually received.",
                    intake,
                )
            )

    def _freight_check_team_change(self, vals):
        """A complaint leaves the complaint teams only by a leader's
        decision: otherwise moving it would stop its deadline and ladder."""
        if "team_id" not in vals or self.env.su:
            return
        team = self.env["helpdesk.ticket.team"].browse(vals["team_id"] or [])
        if team.sudo().freight_is_complaint_team:
            return
        leaving = self.filtered("freight_is_complaint")
        if leaving and not self.env.user._freight_is_complaint_leader():
            raise UserError(
                self.env._(
                    "Complaint %s stays with a complaint team: only a "
                    "customer-service supervisor or manager moves it to a "
                    "team that does not handle complaints.",
                    leaving[0].display_name,
                )
            )
