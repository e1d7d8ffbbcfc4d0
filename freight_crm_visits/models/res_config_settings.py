# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .common import setting_default, setting_key


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_visit_horizon_days = fields.Integer(
        string="Visit Planning Horizon (Days)",
        config_parameter=setting_key("planning_horizon_days"),
        default=setting_default("planning_horizon_days"),
    )
    freight_review_day = fields.Integer(
        string="Monthly Review Day",
        config_parameter=setting_key("review_day"),
        default=setting_default("review_day"),
    )
    freight_receivable_overdue_months = fields.Integer(
        string="Receivables Overdue After (Months)",
        config_parameter=setting_key("receivable_overdue_months"),
        default=setting_default("receivable_overdue_months"),
    )
    freight_care_lead_days = fields.Integer(
        string="Greeting Lead Time (Days)",
        config_parameter=setting_key("care_lead_days"),
        default=setting_default("care_lead_days"),
    )
    freight_survey_interval_months = fields.Integer(
        string="Satisfaction Survey at Least Every (Months)",
        config_parameter=setting_key("survey_interval_months"),
        default=setting_default("survey_interval_months"),
    )
    freight_visit_manager_id = fields.Many2one(
        related="company_id.freight_visit_manager_id", readonly=False
    )
