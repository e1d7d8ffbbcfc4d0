# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightEvaluationCriterion(models.Model):
    """A criterion of the customer evaluation form (附表1 客户评估表, R-GRD-2).
    The weights of the active criteria must total 100 when an evaluation
    is confirmed."""

    _name = "freight.evaluation.criterion"
    _description = "Customer Evaluation Criterion"
    # No workflow field: the guard refuses NaN and infinite weights.
    _inherit = ("freight.workflow.guard",)
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    weight = fields.Float(
        digits=(5, 2),
        required=True,
        help="Share of this criterion in the total score, in percent. "
        "The weights of all active criteria must total 100.",
    )
    scoring_standard = fields.Text(
        translate=True,
        help="How the evaluation team scores this criterion (0-100).",
    )

    _weight_range = models.Constraint(
        "CHECK(weight >= 0 AND weight <= 100)",
        "A criterion weight must be between 0 and 100.",
    )
