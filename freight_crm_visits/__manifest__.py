# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight CRM Visits",
    "summary": "Visit plans per customer grade, visit records with approval, "
    "monthly review and customer care",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/freight-crm/freight_crm",
    "author": "freight_crm contributors",
    "license": "LGPL-3",
    "depends": ["freight_crm", "freight_crm_board", "survey"],
    "data": [
        "security/ir.model.access.csv",
        "security/freight_visit_security.xml",
        "security/freight_crm_visits_groups.xml",
        "data/mail_activity_type_data.xml",
        "data/freight_customer_grade_data.xml",
        "data/freight_public_holiday_data.xml",
        "data/survey_survey_data.xml",
        "data/ir_cron_data.xml",
        "report/freight_visit_report.xml",
        "views/freight_visit_views.xml",
        "views/freight_visit_review_views.xml",
        "views/freight_public_holiday_views.xml",
        "views/freight_customer_grade_views.xml",
        "views/res_partner_views.xml",
        "views/survey_user_input_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/freight_visit_return_wizard_views.xml",
        "wizards/freight_customer_reassign_wizard_views.xml",
        "views/freight_crm_visits_menus.xml",
        "views/freight_visit_board_views.xml",
        "security/freight_weekly_meeting_security.xml",
        "views/freight_weekly_meeting_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["freight_crm_visits/static/tests/tours/**/*"],
    },
    "demo": [
        "demo/freight_visit_demo.xml",
        "demo/freight_weekly_meeting_demo.xml",
    ],
}
