# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import FreightGradingCase


@tagged("post_install", "-at_install")
class TestFreightKpiActuals(FreightGradingCase):
    """Filling KPI actuals (R-KPI-2): the generic part of freight_crm, the
    hook the other addons extend, and the monthly cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = new_test_user(
            cls.env, login="fk_service", groups="freight_crm.group_freight_service"
        )
        # Only our customers are signed: the demo ones are left aside.
        cls.env["res.partner"].search(
            [("freight_customer_state", "=", "signed")]
        ).freight_customer_state = "dormant"
        cls.customer = cls._customer("上海东方国际物流有限公司")
        cls.other = cls._customer(
            "宁波港联贸易有限公司", user_id=cls.other_salesperson.id
        )
        cls.prospect = cls._customer(
            "温州鞋业有限公司", freight_customer_state="potential"
        )
        cls.Kpi = cls.env["freight.customer.kpi"]

    def _kpi(self, partner, **vals):
        return self.Kpi.create(
            {
                "partner_id": partner.id,
                "date_start": "2026-09-01",
                "date_end": "2026-09-30",
                **vals,
            }
        )

    def _run_cron(self):
        self.patch(
            self.registry["ir.cron"],
            "_commit_progress",
            lambda *args, **kwargs: float("inf"),
        )
        self.Kpi._cron_freight_monthly_kpis()

    def test_hook_only_collects_for_the_given_periods(self):
        kpi = self._kpi(self.customer, on_time_rate=97.5, intact_rate=99.9)
        actuals = kpi._freight_collect_actuals()
        self.assertLessEqual(set(actuals), set(kpi.ids))

    def test_fill_keeps_figures_no_addon_measures(self):
        kpi = self._kpi(self.customer, on_time_rate=97.5, intact_rate=99.9)
        action = kpi.with_user(self.service).action_freight_fill_actuals()
        self.assertEqual(action["tag"], "display_notification")
        # On-time and intact rates come from operations, entered by hand.
        self.assertEqual(kpi.on_time_rate, 97.5)
        self.assertEqual(kpi.intact_rate, 99.9)

    def test_set_actual_overwrites_or_fills_gaps(self):
        kpis = self._kpi(self.customer) | self._kpi(self.other)
        actuals = {kpis[0].id: {"satisfaction": 70.0}}
        kpis._freight_set_actual(
            actuals, "satisfaction", {self.customer.id: 90.0}, overwrite=False
        )
        self.assertEqual(actuals, {kpis[0].id: {"satisfaction": 70.0}})
        kpis._freight_set_actual(
            actuals, "satisfaction", {self.customer.id: 95.0, self.other.id: 80.0}
        )
        self.assertEqual(
            actuals,
            {kpis[0].id: {"satisfaction": 95.0}, kpis[1].id: {"satisfaction": 80.0}},
        )
        kpis._freight_write_actuals(actuals)
        self.assertEqual(kpis.mapped("satisfaction"), [95.0, 80.0])
        # On-time, intact and document rates nobody measured stay blank and
        # are not below target; a measured 0 is.
        self.assertFalse(kpis[0].on_time_rate)
        self.assertIs(kpis[0].read(["on_time_rate"])[0]["on_time_rate"], False)
        self.assertEqual(kpis[0].shortfall_count, 0)
        kpis[0].on_time_rate = 0
        self.assertEqual(kpis[0].on_time_rate, 0.0)
        self.assertEqual(kpis[0].shortfall_count, 1)

    def test_salesperson_sees_own_and_cannot_fill(self):
        own = self._kpi(self.customer)
        other = self._kpi(self.other)
        Kpi = self.Kpi.with_user(self.salesperson)
        visible = Kpi.search([("id", "in", (own | other).ids)])
        self.assertEqual(visible, own)
        # Salespeople read the KPIs; customer service and managers fill them.
        with self.assertRaisesRegex(AccessError, "not allowed to modify"):
            own.with_user(self.salesperson).action_freight_fill_actuals()
        filled = (own | other).with_user(self.manager).action_freight_fill_actuals()
        self.assertIn("of 2", filled["params"]["message"])

    @freeze_time("2026-10-03")
    def test_cron_creates_last_month_for_signed_customers(self):
        manual = self._kpi(self.customer, satisfaction=91)
        self._run_cron()
        kpis = self.Kpi.search(
            [("partner_id", "in", (self.customer | self.other | self.prospect).ids)]
        )
        self.assertEqual(kpis.partner_id, self.customer | self.other)
        self.assertIn(manual, kpis, "an existing period is kept, not doubled")
        self.assertEqual(len(kpis), 2)
        new = kpis - manual
        self.assertEqual(new.date_start, date(2026, 9, 1))
        self.assertEqual(new.date_end, date(2026, 9, 30))
        self.assertEqual(new.satisfaction_target, 90)
        # A rerun finds nothing left to do.
        self._run_cron()
        self.assertEqual(
            self.Kpi.search_count([("partner_id", "in", kpis.partner_id.ids)]), 2
        )
