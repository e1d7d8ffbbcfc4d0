# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import MeasuredFloat
from .freight_workflow_guard import COMPUTED, PARENT


class FreightStaffAppraisalLine(models.Model):
    """One indicator of an appraisal: its target, the actual figure and
    the score (0-100) the actual earns. A measured indicator takes its
    actual from the period's records; blank (not 0) while unmeasured, and
    so is its score."""

    _name = "freight.staff.appraisal.line"
    _description = "Staff Appraisal Indicator"
    _inherit = ("freight.workflow.guard",)
    _order = "appraisal_id, sequence, id"

    appraisal_id = fields.Many2one(
        "freight.staff.appraisal", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(related="indicator_id.sequence", store=True)
    indicator_id = fields.Many2one(
        "freight.appraisal.indicator", required=True, ondelete="restrict"
    )
    direction = fields.Selection(related="indicator_id.direction")
    standard = fields.Text(related="indicator_id.standard")
    measure = fields.Selection(related="indicator_id.measure")
    is_measured = fields.Boolean(
        string="Measured",
        compute="_compute_is_measured",
        help="The actual is collected from the period's records; otherwise "
        "the manager enters it.",
    )
    target = fields.Float(digits=(12, 2), required=True)
    actual = MeasuredFloat(digits=(12, 2), help="Blank while not measured.")
    weight = fields.Float(string="Weight (%)", digits=(5, 1), required=True)
    score = MeasuredFloat(
        digits=(5, 1),
        compute="_compute_score",
        store=True,
        help="Blank while the actual is blank.",
    )
    note = fields.Char()

    @api.depends("indicator_id.measure")
    def _compute_is_measured(self):
        for line in self:
            line.is_measured = line.indicator_id.measure not in (False, "manual")

    @api.depends("target", "actual", "indicator_id.direction")
    def _compute_score(self):
        for line in self:
            if line.actual is False:
                line.score = None
            elif line.target <= 0:
                line.score = 0.0
            elif line.indicator_id.direction == "lower":
                line.score = (
                    100.0
                    if line.actual <= line.target
                    else 100.0 * line.target / line.actual
                )
            else:
                line.score = min(100.0 * line.actual / line.target, 100.0)

    @api.model
    def _freight_guard_policy(self):
        return {"score": COMPUTED, "appraisal_id": PARENT}

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.appraisal_id.state == "draft"

    @api.constrains("target", "actual", "weight")
    def _check_figures(self):
        for line in self:
            if line.target <= 0 or (line.actual is not False and line.actual < 0):
                raise ValidationError(
                    self.env._(
                        "%s: the target must be positive and the actual figure "
                        "cannot be negative.",
                        line.indicator_id.name,
                    )
                )
            if not 0 < line.weight <= 100:
                raise ValidationError(
                    self.env._(
                        "%s: the weight lies between 0 and 100 %%.",
                        line.indicator_id.name,
                    )
                )

    def write(self, vals):
        if not self.env.su and any(line.appraisal_id.state != "draft" for line in self):
            raise UserError(
                self.env._("The indicators of a confirmed appraisal stay as confirmed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(line.appraisal_id.state != "draft" for line in self):
            raise UserError(
                self.env._("The indicators of a confirmed appraisal stay as confirmed.")
            )
