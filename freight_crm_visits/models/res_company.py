# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    freight_visit_manager_id = fields.Many2one(
        "res.users",
        string="Department Manager for Visits",
        help="Notified at once of abnormal customer relationships reported on "
        "visits. When empty, every Freight CRM manager is notified.",
    )
