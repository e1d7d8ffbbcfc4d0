# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightReviewMixin(models.AbstractModel):
    """What a record submitted for a manager's review keeps: who submitted
    it, when, and the manager asked to review it. Written by the workflow
    guard's ``_freight_submit_for_review``, cleared by
    ``_freight_withdraw_review``; the model lists the three fields as
    ``WORKFLOW`` in its guard policy."""

    _name = "freight.review.mixin"
    _description = "Freight CRM Review Mixin"

    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submitted_date = fields.Datetime(readonly=True, copy=False)
    reviewer_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        help="Freight CRM manager asked to review and approve what was submitted.",
    )
