# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    freight_customer_state = fields.Selection(
        [
            ("potential", "Potential Customer"),
            ("admission", "In Admission"),
            ("signed", "Signed Customer"),
            ("dormant", "Dormant"),
            ("eliminated", "Eliminated"),
        ],
        string="Customer State",
        index=True,
        tracking=True,
        help="Lifecycle of the customer (R-CLS-1).",
    )
    freight_grade_id = fields.Many2one(
        "freight.customer.grade",
        string="Customer Grade",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    freight_score = fields.Float(
        string="Evaluation Score",
        digits=(5, 2),
        tracking=True,
        help="Weighted score of the latest confirmed evaluation (0-100).",
    )
    freight_currency_id = fields.Many2one(
        "res.currency", compute="_compute_freight_currency_id"
    )
    freight_annual_volume = fields.Monetary(
        string="Annual Business Volume",
        currency_field="freight_currency_id",
        help="Business volume of the last twelve months, in company currency.",
    )
    freight_cooperation_start = fields.Date(
        string="Cooperation Since",
        help="Date the first business with this customer was confirmed.",
    )
    freight_registered_capital = fields.Monetary(
        string="Registered Capital",
        currency_field="freight_currency_id",
    )

    @api.depends("company_id")
    def _compute_freight_currency_id(self):
        for partner in self:
            company = partner.company_id or self.env.company
            partner.freight_currency_id = company.currency_id
