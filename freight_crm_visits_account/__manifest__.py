# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight CRM Visits Invoice Figures",
    "summary": "Fill the monthly customer review from posted customer invoices",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/freight-crm/freight_crm",
    "author": "freight_crm contributors",
    "license": "LGPL-3",
    "depends": ["freight_crm_visits", "account"],
    "auto_install": True,
}
