# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.freight_crm.models.freight_workflow_guard import PARENT, WORKFLOW
from odoo.addons.freight_crm.tools.roles import MANAGER
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

from ..tools.settings import SETTINGS


class FreightComplaintPenalty(models.Model):
    """A penalty (客户投诉处罚) on the employee responsible for a complaint
    the company's own staff caused (业务人员或销售人员操作有误): a warning,
    appraisal points deducted and a fine, confirmed by a manager other than
    the employee. Confirmed points are deducted in the staff appraisal of
    the period."""

    _name = "freight.complaint.penalty"
    _description = "Complaint Penalty"
    _inherit = ("mail.thread", "freight.workflow.guard")
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("freight_is_complaint", "=", True)],
    )
    partner_id = fields.Many2one(
        related="ticket_id.commercial_partner_id", string="Customer", store=True
    )
    complaint_class = fields.Selection(
        related="ticket_id.freight_complaint_class", string="Complaint Class"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Employee",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
        help="The employee whose error caused the complaint; proposed: its "
        "first owner.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    kind = fields.Selection(
        [
            ("warning", "Warning"),
            ("deduction", "Appraisal Deduction"),
            ("fine", "Fine"),
        ],
        string="Penalty",
        required=True,
        default="deduction",
        tracking=True,
    )
    points = fields.Float(
        string="Points Deducted",
        digits=(5, 1),
        compute="_compute_points",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Appraisal points deducted; proposed from the complaint class (Settings).",
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    amount = fields.Monetary(string="Fine", currency_field="currency_id", tracking=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("ticket_id")
    def _compute_user_id(self):
        for penalty in self:
            ticket = penalty.ticket_id.sudo()
            penalty.user_id = ticket.freight_first_owner_id or ticket.user_id

    @api.depends("ticket_id", "kind")
    def _compute_points(self):
        for penalty in self:
            param = f"freight_crm_complaints.penalty_points_{penalty.complaint_class}"
            if penalty.kind == "warning" or param not in SETTINGS:
                penalty.points = 0.0
                continue
            penalty.points = freight_setting_value(self.env, param)

    @api.depends("ticket_id", "user_id")
    def _compute_display_name(self):
        for penalty in self:
            penalty.display_name = self.env._(
                "%(employee)s – %(complaint)s",
                employee=penalty.user_id.name or "",
                complaint=penalty.ticket_id.sudo().display_name or "",
            )

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "confirmed_by_id": WORKFLOW,
            "ticket_id": PARENT,
        }

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "%s of a complaint penalty is set by its Confirm and Cancel buttons only.",
            label,
        )

    @api.model
    def _freight_guard_parent(self, name, value):
        """The penalty is about the complaint, it does not change it: the
        manager must see the complaint."""
        record_id = value.id if isinstance(value, models.BaseModel) else value
        ticket = self.env["helpdesk.ticket"].browse(record_id)
        if not ticket.sudo().exists():
            raise ValidationError(
                self.env._(
                    "%(field)s: the record does not exist.",
                    field=self._freight_guard_label(name),
                )
            )
        ticket.check_access("read")

    @api.constrains("ticket_id")
    def _check_own_staff_responsible(self):
        for penalty in self:
            ticket = penalty.ticket_id.sudo()
            if not ticket.freight_is_complaint:
                raise ValidationError(
                    self.env._(
                        "%s is not a complaint: penalties follow complaints.",
                        ticket.display_name,
                    )
                )
            if ticket.freight_responsible_type != "department":
                raise ValidationError(
                    self.env._(
                        "The complaint %s was not caused by the company's own "
                        "staff: set its responsible party to Own Department "
                        "before penalising an employee.",
                        ticket.display_name,
                    )
                )

    @api.constrains("points", "amount")
    def _check_figures(self):
        for penalty in self:
            if not 0 <= penalty.points <= 100 or penalty.amount < 0:
                raise ValidationError(
                    self.env._(
                        "A penalty deducts 0 to 100 appraisal points and a fine "
                        "cannot be negative."
                    )
                )

    @api.constrains("user_id")
    def _check_user_is_staff(self):
        for penalty in self:
            if penalty.user_id.share:
                raise ValidationError(
                    self.env._(
                        "%s is not an employee: complaint penalties are given "
                        "to staff.",
                        penalty.user_id.name,
                    )
                )

    def write(self, vals):
        if not self.env.su and self.filtered(lambda p: p.state != "draft"):
            keys = set(vals) - {"message_follower_ids"}
            if keys:
                raise UserError(
                    self.env._("A confirmed or cancelled penalty stays as decided.")
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(penalty.state != "draft" for penalty in self):
            raise UserError(
                self.env._("A confirmed or cancelled penalty is kept on file.")
            )

    def action_confirm(self):
        action = self.env._("Confirm the penalty")
        self._freight_approve(
            action,
            ("draft",),
            ("user_id",),
            "confirmed_by_id",
            state="confirmed",
        )
        for penalty in self:
            penalty.sudo().message_post(
                body=self.env._(
                    "Penalty confirmed: %(points)s appraisal points deducted from "
                    "%(employee)s.",
                    points=penalty.points,
                    employee=penalty.user_id.name,
                ),
                partner_ids=penalty.user_id.partner_id.ids,
            )
        return True

    def action_cancel(self):
        """Withdraw a penalty (a successful appeal, a wrong employee)."""
        action = self.env._("Cancel the penalty")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("draft", "confirmed"), action)
        self.sudo().write({"state": "cancelled"})
        return True
