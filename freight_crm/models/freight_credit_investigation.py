# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class FreightCreditInvestigation(models.Model):
    """A credit investigation of a key account (大客户资信调查): what was
    checked, the result and the credit line it argues for. The approved
    credit line itself stays in the customer file, set by a manager."""

    _name = "freight.credit.investigation"
    _description = "Key Account Credit Investigation"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "freight.workflow.guard",
        "freight.customer.ledger.mixin",
    )
    _order = "date desc, id desc"
    _rec_names_search = ("partner_id",)

    partner_id = fields.Many2one(string="Key Account")
    user_id = fields.Many2one(
        "res.users",
        string="Investigator",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    result = fields.Selection(
        [("good", "Good Credit"), ("fair", "Fair Credit"), ("poor", "Poor Credit")],
        required=True,
        tracking=True,
    )
    sources = fields.Text(
        string="Sources Checked",
        help="Business registry, banks, courts, trade references, financial "
        "statements.",
    )
    findings = fields.Text(required=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    credit_limit_proposal = fields.Monetary(
        string="Proposed Credit Line", currency_field="currency_id", tracking=True
    )
    payment_term_proposal = fields.Integer(string="Proposed Payment Term (Days)")

    _proposal_positive = models.Constraint(
        "CHECK(credit_limit_proposal >= 0 AND payment_term_proposal >= 0)",
        "The proposed credit line and payment term cannot be negative.",
    )

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for investigation in self:
            parts = (investigation.partner_id.display_name, str(investigation.date))
            investigation.display_name = " ".join(
                part for part in parts if part and part != "False"
            )

    def _freight_ledger_not_customer_message(self, partner):
        return self.env._(
            "%s is not a freight customer company: credit "
            "investigations are made for key accounts.",
            partner.display_name,
        )
