# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_workflow_guard import PARENT


class FreightCustomerReward(models.Model):
    """Rewards and penalties ledger of a customer (R-REW-1). Penalties for
    arrears or breach lower the credit standing of the next evaluation, see
    res.partner._freight_reward_credit_score()."""

    _name = "freight.customer.reward"
    _description = "Customer Reward or Penalty"
    _inherit = ("freight.customer.ledger.mixin", "freight.workflow.guard")
    _order = "date desc, id desc"
    _rec_names_search = ("partner_id",)

    user_id = fields.Many2one(
        related="partner_id.user_id", string="Account Manager", store=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [("reward", "Reward"), ("penalty", "Penalty")],
        required=True,
        default="penalty",
    )
    reason_type = fields.Selection(
        [
            ("outstanding", "Outstanding Cooperation"),
            ("arrears", "Payment in Arrears"),
            ("breach", "Breach of Contract"),
            ("unreasonable", "Unreasonable Demands"),
            ("other", "Other"),
        ],
        required=True,
        default="arrears",
    )
    reason = fields.Text(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(currency_field="currency_id")

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for reward in self:
            parts = (reward.partner_id.display_name, str(reward.date or ""))
            reward.display_name = " ".join(part for part in parts if part)

    @api.model
    def _freight_guard_policy(self):
        return {"partner_id": PARENT}

    @api.constrains("amount")
    def _check_amount(self):
        for entry in self:
            if entry.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The amount of a reward or penalty cannot be negative "
                        "(%s): choose the kind instead.",
                        entry.amount,
                    )
                )
