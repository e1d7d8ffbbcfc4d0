# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # --- Admission, contracts, KPIs (issue 4) ---
    freight_due_diligence_days = fields.Integer(
        string="Due Diligence (Working Days)",
        config_parameter="freight_crm.due_diligence_days",
        default=3,
    )
    freight_admission_min_capital = fields.Float(
        string="Minimum Registered Capital (CNY)",
        config_parameter="freight_crm.admission_min_capital",
        default=500000.0,
    )
    freight_contract_approval_days = fields.Integer(
        string="Contract Approval (Working Days)",
        config_parameter="freight_crm.contract_approval_days",
        default=5,
    )
    freight_contract_expiry_warning_days = fields.Integer(
        string="Contract Expiry Warning (Days)",
        config_parameter="freight_crm.contract_expiry_warning_days",
        default=30,
    )
    freight_kpi_on_time_target = fields.Float(
        string="On-time Rate Target (%)",
        config_parameter="freight_crm.kpi_on_time_target",
        default=98.0,
    )
    freight_kpi_intact_target = fields.Float(
        string="Cargo Intact Rate Target (%)",
        config_parameter="freight_crm.kpi_intact_target",
        default=99.5,
    )
    freight_kpi_document_target = fields.Float(
        string="Document Accuracy Target (%)",
        config_parameter="freight_crm.kpi_document_target",
        default=100.0,
    )
    freight_kpi_satisfaction_target = fields.Float(
        string="Quarterly Satisfaction Target",
        config_parameter="freight_crm.kpi_satisfaction_target",
        default=90.0,
    )
    freight_kpi_enquiry_minutes = fields.Float(
        string="Enquiry Response Target (Minutes)",
        config_parameter="freight_crm.kpi_enquiry_minutes",
        default=30.0,
    )
    freight_kpi_exception_hours = fields.Float(
        string="Exception Notice Target (Hours)",
        config_parameter="freight_crm.kpi_exception_hours",
        default=2.0,
    )
