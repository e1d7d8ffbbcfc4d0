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
    "depends": ["freight_crm", "helpdesk_mgmt"],
    "data": [
        "security/freight_crm_complaints_groups.xml",
        "views/freight_crm_complaints_menus.xml",
    ],
}
