# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightCustomerGradeHistory(models.Model):
    """One change (or confirmation) of a customer's grade (R-GRD-5)."""

    _name = "freight.customer.grade.history"
    _description = "Customer Grade History"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    old_grade_id = fields.Many2one(
        "freight.customer.grade", string="Previous Grade", ondelete="restrict"
    )
    new_grade_id = fields.Many2one("freight.customer.grade", ondelete="restrict")
    score = fields.Float(digits=(5, 2))
    user_id = fields.Many2one(
        "res.users", string="Changed By", default=lambda self: self.env.user
    )
    source = fields.Selection(
        [
            ("evaluation", "Evaluation"),
            ("rule", "Rule-based Grading"),
            ("override", "Manager Override"),
            ("regrade", "Quarterly Re-grade"),
        ],
        required=True,
    )
    reason = fields.Text()
    evaluation_id = fields.Many2one(
        "freight.customer.evaluation", ondelete="set null", index="btree_not_null"
    )
