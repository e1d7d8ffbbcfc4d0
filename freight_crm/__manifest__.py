# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight CRM",
    "summary": "Customer management rulebook of a freight forwarder: "
    "grades, evaluations, admission, contracts, policies",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/freight-crm/freight_crm",
    "author": "freight_crm contributors",
    "license": "LGPL-3",
    "application": True,
    "depends": ["contacts", "mail", "resource"],
    "data": [
        "security/freight_crm_groups.xml",
        "security/ir.model.access.csv",
        "security/freight_customer_evaluation_security.xml",
        "data/freight_customer_grade_data.xml",
        "data/freight_evaluation_criterion_data.xml",
        "data/freight_industry_segment_data.xml",
        "data/freight_customer_evaluation_data.xml",
        "views/freight_customer_grade_views.xml",
        "views/res_config_settings_views.xml",
        "views/freight_customer_evaluation_views.xml",
        "views/freight_evaluation_criterion_views.xml",
        "views/freight_industry_segment_views.xml",
        "views/freight_customer_grade_history_views.xml",
        "wizards/freight_grade_override_wizard_views.xml",
        "views/freight_crm_menus.xml",
        "views/res_partner_views.xml",
        "report/freight_customer_evaluation_report.xml",
        "report/res_partner_report.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/freight_customer_evaluation_demo.xml",
    ],
}
