# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight CRM Sales Contract Gate",
    "summary": "Refuse confirming sale orders of grade A/B customers "
    "without a signed, valid, long-term contract",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/freight-crm/freight_crm",
    "author": "freight_crm contributors",
    "license": "LGPL-3",
    "depends": ["freight_crm", "sale"],
    "demo": ["demo/res_company_demo.xml"],
    "auto_install": True,
}
