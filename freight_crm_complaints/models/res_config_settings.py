# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_complaint_callback_required = fields.Boolean(
        related="company_id.freight_complaint_callback_required", readonly=False
    )
    freight_complaint_repeat_days = fields.Integer(
        related="company_id.freight_complaint_repeat_days", readonly=False
    )
