# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightContractExpiring(FreightContractCase):
    def test_ending_soon_follows_the_expiry_warning_setting(self):
        contract = self._signed_contract(
            self.customer_a, date_start="2026-01-01", date_end="2026-12-31"
        )
        Contract = self.env["freight.customer.contract"].with_user(self.legal)
        Params = self.env["ir.config_parameter"]
        self.assertEqual(Contract._freight_expiry_warning_days(), 30)
        with freeze_time("2026-11-30"):
            self.assertNotIn(contract, Contract.search([("expiring_soon", "=", True)]))
            self.assertIn(contract, Contract.search([("expiring_soon", "=", False)]))
            contract.invalidate_recordset(["expiring_soon"])
            self.assertFalse(contract.with_user(self.legal).expiring_soon)
        with freeze_time("2026-12-01"):
            self.assertIn(contract, Contract.search([("expiring_soon", "=", True)]))
            contract.invalidate_recordset(["expiring_soon"])
            self.assertTrue(contract.with_user(self.legal).expiring_soon)
            # The daily warning counts the same period.
            _expired, warned = Contract.sudo()._cron_freight_contract_expiry()
            self.assertIn(contract, warned)
        Params.set_param("freight_crm.contract_expiry_warning_days", 90)
        with freeze_time("2026-10-02"):
            self.assertEqual(Contract._freight_expiry_warning_days(), 90)
            self.assertIn(contract, Contract.search([("expiring_soon", "=", True)]))
        with freeze_time("2026-10-01"):
            self.assertNotIn(contract, Contract.search([("expiring_soon", "=", True)]))

    def test_only_signed_contracts_with_an_end_are_ending_soon(self):
        with freeze_time("2026-12-20"):
            open_ended = self._signed_contract(
                self.customer_a, date_start="2026-01-01", date_end=False
            )
            draft = self.env["freight.customer.contract"].create(
                self._contract_vals(
                    self.customer_b, date_start="2026-01-01", date_end="2026-12-31"
                )
            )
            found = self.env["freight.customer.contract"].search(
                [("expiring_soon", "=", True)]
            )
            self.assertNotIn(open_ended, found)
            self.assertNotIn(draft, found)
