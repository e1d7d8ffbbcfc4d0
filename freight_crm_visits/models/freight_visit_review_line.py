# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.freight_crm.models.freight_workflow_guard import (
    COMPUTED,
    PARENT,
    WORKFLOW,
)
from odoo.addons.freight_crm.tools.roles import MANAGER


class FreightVisitReviewLine(models.Model):
    _name = "freight.visit.review.line"
    _description = "Monthly Customer Review Line"
    _inherit = "freight.workflow.guard"
    _order = "review_id, partner_id"

    review_id = fields.Many2one(
        "freight.visit.review", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(related="review_id.user_id", store=True)
    state = fields.Selection(related="review_id.state")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True
    )
    currency_id = fields.Many2one(related="review_id.currency_id")
    last_month_volume = fields.Monetary(
        string="Last Month's Volume", currency_field="currency_id"
    )
    receivable_overdue = fields.Monetary(
        string="Receivables Older than 3 Months", currency_field="currency_id"
    )
    receivable_this_month = fields.Monetary(
        string="This Month's Receivables", currency_field="currency_id"
    )
    manager_mark = fields.Selection(
        [
            ("ok", "Normal"),
            ("attention", "Needs Attention"),
            ("problem", "Problem"),
        ],
        string="Manager's Mark",
    )
    manager_note = fields.Char(string="Manager's Note")

    @api.model
    def _freight_guard_policy(self):
        """A line stays in its review (never moved into a colleague's) and
        on its customer; only managers mark it."""
        return {
            **super()._freight_guard_policy(),
            "review_id": PARENT,
            "partner_id": MANAGER,
            "manager_mark": MANAGER,
            "manager_note": MANAGER,
            "user_id": COMPUTED,
            "state": WORKFLOW,
        }

    def write(self, vals):
        self._check_review_open()
        return super().write(vals)

    def _check_review_open(self):
        """Salespeople change the figures only while the review is to fill."""
        if self.env.su or self.env.user._freight_is_manager():
            return
        if any(line.review_id.state != "draft" for line in self):
            raise UserError(
                self.env._(
                    "This review was submitted: ask your manager to send it back "
                    "before changing its figures."
                )
            )

    @api.constrains("last_month_volume", "receivable_overdue", "receivable_this_month")
    def _check_amounts(self):
        for line in self:
            if (
                min(
                    line.last_month_volume,
                    line.receivable_overdue,
                    line.receivable_this_month,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The figures of %s cannot be negative: enter the volume "
                        "and receivables as positive amounts.",
                        line.partner_id.display_name,
                    )
                )
