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
        "security/freight_crm_contract_groups.xml",
        "security/ir.model.access.csv",
        "data/freight_customer_grade_data.xml",
        "views/freight_customer_grade_views.xml",
        "views/freight_crm_menus.xml",
        "security/freight_crm_contract_security.xml",
        "data/freight_customer_contract_data.xml",
        "views/freight_customer_contract_views.xml",
        "views/freight_customer_risk_views.xml",
        "views/freight_customer_reward_views.xml",
        "views/freight_customer_share_views.xml",
        "views/freight_customer_kpi_views.xml",
        "views/res_partner_admission_views.xml",
        "views/res_config_settings_views.xml",
        "views/freight_crm_contract_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/freight_customer_contract_demo.xml",
    ],
}
