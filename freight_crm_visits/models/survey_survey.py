# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    freight_is_satisfaction = fields.Boolean(
        string="Customer Satisfaction Survey",
        help="Completed answers of this survey set the customer's "
        "satisfaction score (R-SAT-1).",
    )
