# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightAppraisalIndicator(models.Model):
    _inherit = "freight.appraisal.indicator"

    measure = fields.Selection(
        selection_add=[
            ("visits_done", "Planned Visits Held (%)"),
            ("reviews_on_time", "Monthly Reviews Submitted on Time (%)"),
        ],
        ondelete={"visits_done": "set default", "reviews_on_time": "set default"},
    )
