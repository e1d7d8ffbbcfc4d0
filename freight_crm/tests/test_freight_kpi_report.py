# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightKpiReport(TransactionCase):
    """Actual beside target; what nobody measured is blank, not 0."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env,
            login="kpi_report_sales",
            groups="freight_crm.group_freight_salesperson",
        )
        cls.manager = new_test_user(
            cls.env,
            login="kpi_report_manager",
            groups="freight_crm.group_freight_manager",
        )
        Partner = cls.env["res.partner"]
        cls.own = Partner.create(
            {
                "name": "宁波海联进出口有限公司",
                "is_company": True,
                "user_id": cls.salesperson.id,
            }
        )
        cls.other = Partner.create({"name": "厦门鹭港贸易有限公司", "is_company": True})
        Kpi = cls.env["freight.customer.kpi"]
        period = {"date_start": "2026-10-01", "date_end": "2026-10-31"}
        cls.own_kpi = Kpi.create(
            dict(period, partner_id=cls.own.id, on_time_rate=96.0, satisfaction=88.0)
        )
        cls.other_kpi = Kpi.create(
            dict(period, partner_id=cls.other.id, on_time_rate=100.0)
        )

    def _figures(self, user):
        rows = (
            self.env["freight.kpi.report"]
            .with_user(user)
            ._read_group(
                [("kpi_id", "in", (self.own_kpi | self.other_kpi).ids)],
                ["indicator", "kind"],
                ["value:avg", "__count"],
            )
        )
        return {
            (indicator, kind): (value, count) for indicator, kind, value, count in rows
        }

    def test_actual_beside_target_unmeasured_left_out(self):
        figures = self._figures(self.manager)
        self.assertEqual(figures[("on_time_rate", "actual")], (98.0, 2))
        self.assertEqual(figures[("on_time_rate", "target")], (98.0, 2))
        # One customer's satisfaction was measured: the other is no 0.
        self.assertEqual(figures[("satisfaction", "actual")], (88.0, 1))
        self.assertNotIn(("intact_rate", "actual"), figures)
        self.assertFalse(self.other_kpi.satisfaction)
        self.assertEqual(self.other_kpi.shortfall_count, 0)
        self.assertEqual(self.own_kpi.shortfall_count, 2)
        groups = self.env["freight.customer.kpi"]._read_group(
            [("id", "in", (self.own_kpi | self.other_kpi).ids)],
            [],
            ["satisfaction:avg"],
        )
        self.assertEqual(groups, [(88.0,)])

    def test_salesperson_sees_own_customers_only(self):
        figures = self._figures(self.salesperson)
        self.assertEqual(figures[("on_time_rate", "actual")], (96.0, 1))
        partners = (
            self.env["freight.kpi.report"]
            .with_user(self.salesperson)
            .search([])
            .partner_id
        )
        self.assertEqual(partners, self.own)
