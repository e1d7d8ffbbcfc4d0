# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class FreightGradeOverrideWizard(models.TransientModel):
    """A manager sets a customer's grade by hand, with a mandatory reason
    kept in the grade history (R-GRD-5)."""

    _name = "freight.grade.override.wizard"
    _description = "Override Customer Grade"

    partner_id = fields.Many2one("res.partner", string="Customer", required=True)
    current_grade_id = fields.Many2one(
        related="partner_id.freight_grade_id", string="Current Grade"
    )
    grade_id = fields.Many2one(
        "freight.customer.grade", string="New Grade", required=True
    )
    reason = fields.Text(help="Mandatory: kept in the grade history.")

    def action_apply(self):
        if len(self) != 1:
            raise UserError(self.env._("Apply one grade override at a time."))
        if not self.env.user._freight_is_manager():
            raise UserError(
                self.env._("Only a Freight CRM manager can override a grade.")
            )
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(
                self.env._(
                    "Give the reason for overriding the grade of %s.",
                    self.partner_id.display_name,
                )
            )
        self.partner_id._freight_override_grade(self.grade_id, reason)
        return {"type": "ir.actions.act_window_close"}
