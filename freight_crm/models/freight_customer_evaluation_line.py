# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_workflow_guard import COMPUTED, PARENT


class FreightCustomerEvaluationLine(models.Model):
    """One criterion of an evaluation: weight, score 0-100 (fractional
    scores allowed, e.g. 85.5), weighted score and comment."""

    _name = "freight.customer.evaluation.line"
    _description = "Customer Evaluation Line"
    _inherit = ("freight.workflow.guard",)
    _order = "sequence, id"

    evaluation_id = fields.Many2one(
        "freight.customer.evaluation", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(related="evaluation_id.partner_id", store=True)
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    criterion_id = fields.Many2one(
        "freight.evaluation.criterion", required=True, ondelete="restrict"
    )
    scoring_standard = fields.Text(related="criterion_id.scoring_standard")
    weight = fields.Float(
        digits=(5, 2),
        compute="_compute_weight",
        store=True,
        readonly=False,
        precompute=True,
        help="Copied from the criterion; kept as it was when evaluated.",
    )
    score = fields.Float(digits=(5, 2), help="Score from 0 to 100.")
    weighted_score = fields.Float(
        digits=(7, 4), compute="_compute_weighted_score", store=True
    )
    comment = fields.Char()

    @api.depends("criterion_id")
    def _compute_weight(self):
        for line in self:
            line.weight = line.criterion_id.weight

    @api.depends("weight", "score")
    def _compute_weighted_score(self):
        for line in self:
            line.weighted_score = line.weight * line.score / 100.0

    @api.model
    def _freight_guard_policy(self):
        return {"weighted_score": COMPUTED, "evaluation_id": PARENT}

    def _freight_guard_is_open(self):
        """A line belongs to its evaluation for good once that one left
        draft."""
        self.ensure_one()
        return self.evaluation_id.state in (False, "draft")

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = self.env["freight.customer.evaluation"].browse(
            [vals["evaluation_id"] for vals in vals_list if vals.get("evaluation_id")]
        )
        evaluations._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        # Values sent back unchanged (the web client does) change nothing.
        changing = self.filtered(
            lambda line: any(
                name not in line._fields
                or not line._freight_guard_same(name, value, line[name])
                for name, value in vals.items()
            )
        )
        evaluations = changing.evaluation_id
        if vals.get("evaluation_id") and changing:
            evaluations |= evaluations.browse(vals["evaluation_id"])
        evaluations._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        self.evaluation_id._check_draft()

    @api.constrains("score", "weight")
    def _check_score_weight(self):
        for line in self:
            if not 0 <= line.score <= 100:
                raise ValidationError(
                    self.env._(
                        "The score of criterion %(criterion)s must be between "
                        "0 and 100 (got %(score)s).",
                        criterion=line.criterion_id.name,
                        score=line.score,
                    )
                )
            if not 0 <= line.weight <= 100:
                raise ValidationError(
                    self.env._(
                        "The weight of criterion %(criterion)s must be between "
                        "0 and 100 (got %(weight)s).",
                        criterion=line.criterion_id.name,
                        weight=line.weight,
                    )
                )
