# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

ROLES = [("sales", "Salesperson"), ("service", "Customer Service")]


class FreightAppraisalIndicator(models.Model):
    """An indicator of the customer management appraisal system (客户管理
    考核指标体系): what is measured, the standard (target) and its weight
    for salespeople or customer service."""

    _name = "freight.appraisal.indicator"
    _description = "Appraisal Indicator"
    _order = "role, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    role = fields.Selection(
        [*ROLES, ("both", "Both")],
        required=True,
        default="both",
        help="Whose appraisal the indicator belongs to.",
    )
    standard = fields.Text(
        string="Appraisal Standard", translate=True, help="How the figure is measured."
    )
    direction = fields.Selection(
        [("higher", "Higher Is Better"), ("lower", "Lower Is Better")],
        required=True,
        default="higher",
    )
    measure = fields.Selection(
        [
            ("manual", "Entered by Hand"),
            ("customers_signed", "New Customers Signed"),
            ("evaluations_on_time", "Evaluations Confirmed on Time (%)"),
            ("key_account_plans_on_time", "Key-account Plans Submitted on Time (%)"),
            ("training_hours", "Training Hours Confirmed"),
            ("customer_satisfaction", "Customers' Satisfaction KPI (Points)"),
            ("document_accuracy", "Customers' Document Accuracy KPI (%)"),
            ("on_time_delivery", "Customers' On-time Delivery KPI (%)"),
        ],
        string="Measured From",
        required=True,
        default="manual",
        help="Where the appraisal takes the actual figure from. Entered by "
        "hand: the manager types it. Any other source: collected from the "
        "period's records; the line stays blank when the period has nothing "
        "to measure.",
    )
    target = fields.Float(string="Default Target", digits=(12, 2), required=True)
    weight = fields.Float(string="Weight (%)", digits=(5, 1), required=True)

    @api.constrains("target", "weight")
    def _check_figures(self):
        for indicator in self:
            if indicator.target <= 0:
                raise ValidationError(
                    self.env._("The target of %s must be positive.", indicator.name)
                )
            if not 0 < indicator.weight <= 100:
                raise ValidationError(
                    self.env._(
                        "The weight of %s lies between 0 and 100 %%.", indicator.name
                    )
                )
