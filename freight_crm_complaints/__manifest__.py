# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight CRM Complaints",
    "summary": "Complaint tickets with classes, working-hour deadlines, "
    "escalation, root causes and callbacks",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/freight-crm/freight_crm",
    "author": "freight_crm contributors",
    "license": "LGPL-3",
    "depends": ["freight_crm", "helpdesk_mgmt", "resource"],
    "data": [
        "security/freight_crm_complaints_groups.xml",
        "security/ir.model.access.csv",
        "security/helpdesk_ticket_security.xml",
        "data/mail_activity_type_data.xml",
        "data/freight_complaint_deadline_data.xml",
        "data/freight_complaint_escalation_step_data.xml",
        "data/freight_complaint_root_cause_data.xml",
        "data/helpdesk_ticket_channel_data.xml",
        "data/helpdesk_ticket_stage_data.xml",
        "data/ir_cron_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_templates.xml",
        "views/freight_complaint_deadline_views.xml",
        "views/freight_complaint_escalation_step_views.xml",
        "views/freight_complaint_root_cause_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/freight_complaint_quarter_report_views.xml",
        "report/freight_complaint_quarter_report.xml",
        "views/freight_crm_complaints_menus.xml",
    ],
    "post_init_hook": "post_init_hook",
    "assets": {
        "web.assets_tests": ["freight_crm_complaints/static/tests/tours/**/*"],
    },
    "demo": [
        "demo/res_users_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
    ],
}
