# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight CRM Dashboards",
    "summary": "A home dashboard for each Freight CRM role, on the board app",
    "version": "19.0.1.1.0",
    "category": "Sales",
    "website": "https://github.com/freight-crm/freight_crm",
    "author": "freight_crm contributors",
    "license": "LGPL-3",
    "depends": ["freight_crm", "board"],
    "auto_install": ["freight_crm"],
    "data": [
        "views/freight_crm_board_views.xml",
    ],
    "assets": {
        "web.assets_backend": ["freight_crm_board/static/src/scss/freight_board.scss"],
        "web.assets_tests": ["freight_crm_board/static/tests/tours/**/*"],
    },
    "demo": [
        "demo/res_users_demo.xml",
    ],
}
