# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.roles import MANAGER
from .freight_workflow_guard import PARENT, WORKFLOW

CHURN_ACTIVITY = "freight_crm.mail_activity_customer_churn"


class FreightCustomerChurn(models.Model):
    """A churn case of a key account (大客户流失管理): the warning signs,
    the reason, the recovery actions, and how it ended. Opened by the daily
    churn detection or by hand; one open case per customer."""

    _name = "freight.customer.churn"
    _description = "Key Account Churn Case"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "freight.workflow.guard",
        "freight.customer.ledger.mixin",
    )
    _order = "detected_on desc, id desc"
    _rec_names_search = ("partner_id",)

    partner_id = fields.Many2one(string="Key Account")
    user_id = fields.Many2one(
        "res.users",
        string="Account Manager",
        related="partner_id.freight_owner_id",
        store=True,
        index=True,
    )
    detected_on = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    detected_by = fields.Selection(
        [("cron", "Churn Detection"), ("manual", "By Hand")],
        default="manual",
        required=True,
        readonly=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("recovered", "Recovered"), ("lost", "Lost")],
        default="open",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    warning_signs = fields.Text(
        help="What showed the customer is leaving: falling volume, fewer "
        "orders, complaints, a new forwarder, silence.",
    )
    reason = fields.Text(help="Why the customer is leaving, once known.", tracking=True)
    recovery_actions = fields.Text(
        help="What was done to win the customer back, and when.",
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    volume_peak = fields.Monetary(
        string="Reference Volume",
        currency_field="currency_id",
        readonly=True,
        help="Highest annual business volume seen before the drop.",
    )
    volume_at_detection = fields.Monetary(
        currency_field="currency_id",
        readonly=True,
        help="Annual business volume when the case was opened.",
    )
    volume_drop = fields.Float(
        string="Volume Drop (%)",
        digits=(5, 1),
        readonly=True,
        aggregator="avg",
    )
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    closed_date = fields.Date(readonly=True, copy=False)

    _one_open_case = models.UniqueIndex(
        "(partner_id) WHERE state = 'open'",
        "The customer already has an open churn case.",
    )

    @api.depends("partner_id", "detected_on")
    def _compute_display_name(self):
        for case in self:
            parts = (case.partner_id.display_name, str(case.detected_on or ""))
            case.display_name = " ".join(part for part in parts if part)

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "detected_by": WORKFLOW,
            "volume_peak": WORKFLOW,
            "volume_at_detection": WORKFLOW,
            "volume_drop": WORKFLOW,
            "closed_by_id": WORKFLOW,
            "closed_date": WORKFLOW,
            "partner_id": PARENT,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "open"

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "%s of a churn case is set by the churn detection and the "
            "Recovered and Lost buttons only.",
            label,
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_one_open_case(vals_list)
        return super().create(vals_list)

    @api.model
    def _check_one_open_case(self, vals_list):
        """One open case per customer: the recovery work goes on in it (the
        unique index holds the rule against concurrent transactions)."""
        partner_ids = [
            vals.get("partner_id")
            for vals in vals_list
            if vals.get("state", "open") == "open" and vals.get("partner_id")
        ]
        already = (
            self.sudo()
            .search([("partner_id", "in", partner_ids), ("state", "=", "open")])
            .partner_id
        )
        if already or len(partner_ids) != len(set(partner_ids)):
            customer = already[:1] or self.env["res.partner"].browse(partner_ids[0])
            raise ValidationError(
                self.env._(
                    "%s already has an open churn case: record the new warning "
                    "signs in it.",
                    customer.sudo().display_name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        if any(case.state != "open" for case in self):
            raise UserError(
                self.env._("A closed churn case is kept on file and cannot be deleted.")
            )

    def action_recover(self):
        """The customer came back: the volume seen now becomes the new
        reference, so only a new drop opens a new case."""
        self.check_access("write")
        self._freight_check_states(("open",), self.env._("Mark as recovered"))
        dormant = self.partner_id.sudo().filtered(
            lambda p: p.freight_customer_state == "dormant"
        )
        if dormant:
            raise UserError(
                self.env._(
                    "%s is still dormant: reactivate the customer before "
                    "closing its churn case as recovered.",
                    dormant[0].display_name,
                )
            )
        self._freight_close("recovered")
        for partner in self.partner_id.sudo():
            partner.freight_volume_peak = partner.freight_annual_volume
        return True

    def action_lose(self):
        """Management decides the customer is lost."""
        action = self.env._("Mark as lost")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("open",), action)
        self._freight_close("lost")
        return True

    def _freight_close(self, state):
        self.activity_feedback([CHURN_ACTIVITY])
        self.sudo().write(
            {
                "state": state,
                "closed_by_id": self.env.user.id,
                "closed_date": fields.Date.context_today(self),
            }
        )

    def _freight_notify_owner(self):
        for case in self.filtered("user_id"):
            case.activity_schedule(
                CHURN_ACTIVITY,
                user_id=case.user_id.id,
                note=case.with_context(lang=case.user_id.lang).env._(
                    "%(customer)s shows churn warning signs: find the reason "
                    "and plan the recovery actions.",
                    customer=case.partner_id.display_name,
                ),
            )
