# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.freight_crm.models.freight_workflow_guard import WORKFLOW


class FreightVisitReview(models.Model):
    """When the salesperson submitted the review: the appraisal counts the
    reviews submitted on time."""

    _inherit = "freight.visit.review"

    submitted_date = fields.Date(
        readonly=True,
        copy=False,
        help="Day the salesperson submitted the review; cleared when it is "
        "sent back to fill.",
    )

    @api.model
    def _freight_guard_policy(self):
        return {**super()._freight_guard_policy(), "submitted_date": WORKFLOW}

    def action_submit(self):
        res = super().action_submit()
        self.sudo().write({"submitted_date": fields.Date.context_today(self)})
        return res

    def action_reset_draft(self):
        res = super().action_reset_draft()
        self.sudo().write({"submitted_date": False})
        return res
