# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.freight_crm.tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_visit_horizon_days = freight_setting_field(
        "freight_crm_visits.planning_horizon_days",
        string="Visit Planning Horizon (Days)",
    )
    freight_review_day = freight_setting_field(
        "freight_crm_visits.review_day",
        string="Monthly Review Day",
    )
    freight_receivable_overdue_months = freight_setting_field(
        "freight_crm_visits.receivable_overdue_months",
        string="Receivables Overdue After (Months)",
    )
    freight_care_lead_days = freight_setting_field(
        "freight_crm_visits.care_lead_days",
        string="Greeting Lead Time (Days)",
    )
    freight_survey_interval_months = freight_setting_field(
        "freight_crm_visits.survey_interval_months",
        string="Satisfaction Survey at Least Every (Months)",
    )
    freight_visit_manager_id = fields.Many2one(
        related="company_id.freight_visit_manager_id", readonly=False
    )
