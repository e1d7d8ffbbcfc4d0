# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_visit_horizon_days = fields.Integer(
        string="Visit Planning Horizon (Days)",
        config_parameter="freight_crm_visits.planning_horizon_days",
        default=14,
    )
    freight_review_day = fields.Integer(
        string="Monthly Review Day",
        config_parameter="freight_crm_visits.review_day",
        default=15,
    )
    freight_receivable_overdue_months = fields.Integer(
        string="Receivables Overdue After (Months)",
        config_parameter="freight_crm_visits.receivable_overdue_months",
        default=3,
    )
    freight_care_lead_days = fields.Integer(
        string="Greeting Lead Time (Days)",
        config_parameter="freight_crm_visits.care_lead_days",
        default=3,
    )
    freight_survey_target = fields.Float(
        string="Satisfaction Target",
        config_parameter="freight_crm_visits.satisfaction_target",
        default=90.0,
    )
    freight_survey_interval_months = fields.Integer(
        string="Satisfaction Survey at Least Every (Months)",
        config_parameter="freight_crm_visits.survey_interval_months",
        default=12,
    )
    freight_visit_manager_id = fields.Many2one(
        related="company_id.freight_visit_manager_id", readonly=False
    )
