# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightAppraisalIndicator(models.Model):
    _inherit = "freight.appraisal.indicator"

    measure = fields.Selection(
        selection_add=[
            ("complaints_on_time", "Complaints Resolved on Time (%)"),
            ("complaints_escalated", "Complaints Escalated (%)"),
            ("callbacks_done", "Closed Complaints Called Back (%)"),
        ],
        ondelete={
            "complaints_on_time": "set default",
            "complaints_escalated": "set default",
            "callbacks_done": "set default",
        },
    )
