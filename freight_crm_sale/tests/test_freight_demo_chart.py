# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFreightDemoChart(TransactionCase):
    def test_company_kept_without_its_localization(self):
        """A country whose localization is not installed: nothing changes."""
        module = self.env["ir.module.module"].search([("name", "=", "l10n_mx")])
        self.assertNotEqual(module.state, "installed")
        company = self.env["res.company"].create(
            {"name": "Freight Demo MX", "country_id": self.env.ref("base.mx").id}
        )
        currency, chart = company.currency_id, company.chart_template
        self.assertFalse(
            self.env["res.company"]._freight_demo_load_local_chart(company)
        )
        self.assertEqual(company.currency_id, currency)
        self.assertEqual(company.chart_template, chart)
