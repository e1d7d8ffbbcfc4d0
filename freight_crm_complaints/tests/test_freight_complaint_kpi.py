# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import FreightComplaintCase, shanghai


@tagged("post_install", "-at_install")
class TestFreightComplaintKpi(FreightComplaintCase):
    """Service KPIs filled from complaints: count, on-time resolution and
    callback satisfaction of the complaints received in the period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.second_customer = cls.env["res.partner"].create(
            {"name": "无锡太湖机械有限公司", "is_company": True}
        )
        cls.Kpi = cls.env["freight.customer.kpi"]

    def _close(self, ticket, when, satisfaction):
        ticket.freight_callback_ids = [
            Command.create({"result": "accepted", "satisfaction": satisfaction})
        ]
        with freeze_time(when):
            ticket.stage_id = self.stage_done

    def _kpis(self, partners, **vals):
        return self.Kpi.create(
            [
                {
                    "partner_id": partner.id,
                    "date_start": "2026-07-01",
                    "date_end": "2026-09-30",
                    **vals,
                }
                for partner in partners
            ]
        )

    def _fill(self, kpis, user=None):
        return kpis.with_user(user or self.service).action_freight_fill_actuals()

    def test_fill_two_customers_from_period_complaints(self):
        contact = self.env["res.partner"].create(
            {"name": "李娜", "parent_id": self.customer.id}
        )
        on_time = self._complaint(
            shanghai(2026, 7, 6, 9, 0),
            partner_id=contact.id,
            freight_root_cause_id=self.cause_price.id,
        )
        late = self._complaint(
            shanghai(2026, 8, 10, 9, 0),
            "important",
            freight_root_cause_id=self.cause_documents.id,
        )
        before = self._complaint(
            shanghai(2026, 6, 30, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        after = self._complaint(shanghai(2026, 10, 1, 9, 0))
        self._close(on_time, shanghai(2026, 7, 7, 9, 0), 80)
        self._close(late, shanghai(2026, 8, 31, 9, 0), 60)
        self._close(before, shanghai(2026, 7, 1, 9, 0), 10)
        after.freight_callback_ids = [Command.create({"satisfaction": 5})]
        # Received in the period, still open, never called back.
        self._complaint(shanghai(2026, 9, 30, 9, 0), partner_id=self.second_customer.id)
        kpi, second_kpi = self._kpis(self.customer | self.second_customer)
        second_kpi.write({"satisfaction": 88, "freight_complaint_on_time_rate": 75})

        self._fill(kpi | second_kpi)

        self.assertEqual(kpi.freight_complaint_count, 2)
        self.assertEqual(kpi.freight_complaint_on_time_rate, 50)
        self.assertEqual(kpi.satisfaction, 70)
        self.assertEqual(second_kpi.freight_complaint_count, 1)
        # Nothing closed, nobody called back: the entered figures stay.
        self.assertEqual(second_kpi.freight_complaint_on_time_rate, 75)
        self.assertEqual(second_kpi.satisfaction, 88)

    def test_no_complaint_counts_zero(self):
        kpi = self._kpis(self.second_customer, freight_complaint_count=4)
        self._fill(kpi)
        self.assertEqual(kpi.freight_complaint_count, 0)

    def test_salesperson_sees_own_customers_and_cannot_fill(self):
        kpi, other_kpi = self._kpis(self.customer | self.other_customer)
        Kpi = self.Kpi.with_user(self.salesperson)
        self.assertEqual(Kpi.search([("id", "in", (kpi | other_kpi).ids)]), kpi)
        with self.assertRaises(AccessError):
            self._fill(kpi, self.salesperson)
        self.assertEqual(kpi.freight_complaint_count, 0)

    def _customers_with_complaints(self, count):
        partners = self.env["res.partner"].create(
            [{"name": f"常州客户{i}有限公司", "is_company": True} for i in range(count)]
        )
        for partner in partners:
            ticket = self._complaint(shanghai(2026, 8, 3, 9, 0), partner_id=partner.id)
            self._close(ticket, shanghai(2026, 8, 4, 9, 0), 90)
        return self._kpis(partners)

    def _fill_queries(self, kpis):
        """Queries of filling ``kpis``, reset so that the fill writes."""
        kpis.write({"satisfaction": 0, "freight_complaint_count": 0})
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self._fill(kpis)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_customers(self):
        small = self._customers_with_complaints(2)
        large = self._customers_with_complaints(10)
        # Warm the caches (access rules, settings) once, after all creations.
        self._fill_queries(small | large)
        small_count = self._fill_queries(small)
        large_count = self._fill_queries(large)
        self.assertEqual(large.mapped("freight_complaint_count"), [1] * 10)
        self.assertEqual(large.mapped("satisfaction"), [90] * 10)
        self.assertEqual(large_count, small_count)
