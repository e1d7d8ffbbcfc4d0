# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFreightCrmVisitsInstall(TransactionCase):
    def test_module_installed_on_top_of_freight_crm(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "freight_crm_visits")]
        )
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.dependencies_id.mapped("name"), ["freight_crm"])
