# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from ..models.res_partner_visit_planning import PLANNING_LOCK, PLANNING_XID_SEQUENCE
from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitPlanning(FreightVisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Grade A: monthly face-to-face, so the next visit is due 2026-02-10.
        cls._make_visit(cls.customer, date(2026, 1, 10), state="approved")
        # Grade B: quarterly phone call, due 2026-04-10.
        cls._make_visit(cls.other_customer, date(2026, 1, 10), state="done")

    def _planned(self, partner):
        return self.env["freight.visit"].search(
            [("partner_id", "=", partner.id), ("state", "=", "planned")]
        )

    def test_next_visit_date_from_grade_policy(self):
        self.assertEqual(self.customer.freight_last_visit_date, date(2026, 1, 10))
        self.assertEqual(self.customer.freight_next_visit_date, date(2026, 2, 10))
        self.assertEqual(self.other_customer.freight_next_visit_date, date(2026, 4, 10))

    def test_potential_customer_policy_and_no_plan_when_eliminated(self):
        self.customer.freight_customer_state = "potential"
        self.grade_a.freight_potential_visit_interval_months = 2
        self.assertEqual(self.customer.freight_next_visit_date, date(2026, 3, 10))
        self.customer.freight_customer_state = "eliminated"
        self.assertFalse(self.customer.freight_next_visit_date)

    @freeze_time("2026-01-20")
    def test_not_due(self):
        self.env["res.partner"]._cron_freight_plan_visits()
        self.assertFalse(self._planned(self.customer))
        self.assertFalse(self._planned(self.other_customer))

    @freeze_time("2026-01-28")
    def test_due_within_horizon_creates_visit_and_activity(self):
        self.env["res.partner"]._cron_freight_plan_visits()
        visit = self._planned(self.customer)
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.visit_date, date(2026, 2, 10))
        self.assertEqual(visit.user_id, self.salesperson)
        self.assertEqual(visit.channel, "face_to_face")
        self.assertEqual(visit.grade_id, self.grade_a)
        activity = visit.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("freight_crm_visits.mail_activity_type_visit"),
        )
        self.assertFalse(self._planned(self.other_customer))

    @freeze_time("2026-01-28")
    def test_one_planner_at_a_time(self):
        """A planner started while another one runs (two processes calling
        the cron's method, not only ir.cron's runs) plans nothing: the
        first one plans each customer once."""
        with self.registry.cursor() as other:
            other.execute("SELECT pg_advisory_lock(%s)", [PLANNING_LOCK])
            try:
                self.assertFalse(self.env["res.partner"]._cron_freight_plan_visits())
                self.assertFalse(self._planned(self.customer))
            finally:
                other.execute("SELECT pg_advisory_unlock(%s)", [PLANNING_LOCK])
        self.env["res.partner"]._cron_freight_plan_visits()
        self.assertEqual(len(self._planned(self.customer)), 1)

    @freeze_time("2026-01-28")
    def test_planner_blind_to_the_last_one_plans_nothing(self):
        """A planner that takes the lock but cannot see what the last one
        planned (still committing, or committed after this transaction
        began: a direct caller's long transaction) would plan every
        customer again: it plans nothing."""
        with self.registry.cursor() as other:
            other.execute(
                "SELECT setval(%s, pg_current_xact_id()::text::bigint)",
                [PLANNING_XID_SEQUENCE],
            )
            try:
                self.assertFalse(self.env["res.partner"]._cron_freight_plan_visits())
                self.assertFalse(self._planned(self.customer))
            finally:
                other.rollback()
        # Still blind: the other transaction ended after this one began.
        self.assertFalse(self.env["res.partner"]._cron_freight_plan_visits())
        self.env.cr.execute("SELECT setval(%s, 1, false)", [PLANNING_XID_SEQUENCE])
        self.env["res.partner"]._cron_freight_plan_visits()
        self.assertEqual(len(self._planned(self.customer)), 1)

    @freeze_time("2026-01-28")
    def test_horizon_is_a_setting(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm_visits.planning_horizon_days", "5"
        )
        self.env["res.partner"]._cron_freight_plan_visits()
        self.assertFalse(self._planned(self.customer))

    @freeze_time("2026-01-28")
    def test_already_planned_and_rerun_create_nothing(self):
        self._make_visit(self.customer, date(2026, 2, 5))
        self.env["res.partner"]._cron_freight_plan_visits()
        self.assertEqual(len(self._planned(self.customer)), 1)
        self.env["res.partner"]._cron_freight_plan_visits()
        self.assertEqual(len(self._planned(self.customer)), 1)

    @freeze_time("2026-01-28")
    def test_rerun_creates_no_duplicates(self):
        first = self.env["res.partner"]._cron_freight_plan_visits()
        self.assertIn(self.customer, first.partner_id)
        second = self.env["res.partner"]._cron_freight_plan_visits()
        self.assertFalse(second)
        self.assertEqual(len(self._planned(self.customer)), 1)

    @freeze_time("2026-01-28")
    def test_planning_in_batches(self):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"分批客户{i}",
                    "is_company": True,
                    "freight_grade_id": self.grade_b.id,
                    "freight_customer_state": "signed",
                    "user_id": self.salesperson.id,
                }
                for i in range(5)
            ]
        )
        for partner in partners:
            self._make_visit(partner, date(2025, 10, 1), state="approved")
        visits = self.env["res.partner"]._cron_freight_plan_visits(batch_size=2)
        self.assertEqual(visits.partner_id & partners, partners)
        self.assertFalse(self.env["res.partner"]._cron_freight_plan_visits())

    def test_overdue_flag_and_filter(self):
        with freeze_time("2026-01-28"):
            self.env["res.partner"]._cron_freight_plan_visits()
            visit = self._planned(self.customer)
            self.assertFalse(visit.is_overdue)
        with freeze_time("2026-02-11"):
            visit.invalidate_recordset(["is_overdue"])
            self.assertTrue(visit.is_overdue)
            overdue = self.env["freight.visit"].search([("is_overdue", "=", True)])
            self.assertIn(visit, overdue)
            not_overdue = self.env["freight.visit"].search([("is_overdue", "=", False)])
            self.assertNotIn(visit, not_overdue)
            self.assertIn(
                visit,
                self.env["freight.visit"].search([("is_overdue", "!=", False)]),
            )

    def _count_planning_queries(self, count):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"批量客户{count}-{i}",
                    "is_company": True,
                    "freight_grade_id": self.grade_a.id,
                    "freight_customer_state": "signed",
                    "user_id": self.salesperson.id,
                }
                for i in range(count)
            ]
        )
        self.env["freight.visit"].create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": self.salesperson.id,
                    "visit_date": date(2026, 1, 10),
                    "state": "approved",
                }
                for partner in partners
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        visits = self.env["res.partner"]._cron_freight_plan_visits()
        self.env.flush_all()
        queries = self.env.cr.sql_log_count - before
        self.assertEqual(len(visits), count)
        return queries

    @freeze_time("2026-01-28")
    def test_planning_query_count_does_not_grow(self):
        # Plan everything already due (demo customers, setUpClass) first.
        self.env["res.partner"]._cron_freight_plan_visits()
        five = self._count_planning_queries(5)
        fifty = self._count_planning_queries(50)
        self.assertEqual(fifty, five, f"5 due: {five} queries, 50 due: {fifty}")

    def _prepare_due(self, count):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"到期客户{count}-{i}",
                    "is_company": True,
                    "freight_grade_id": self.grade_a.id,
                    "freight_customer_state": "signed",
                    "user_id": (self.salesperson, self.salesperson2)[i % 2].id,
                }
                for i in range(count)
            ]
        )
        self.env["freight.visit"].create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": partner.user_id.id,
                    "visit_date": date(2026, 1, 10),
                    "state": "approved",
                }
                for partner in partners
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        return partners

    @freeze_time("2026-01-28")
    def test_planning_query_count_flat_in_due_customers(self):
        self.env["res.partner"]._cron_freight_plan_visits()
        self._prepare_due(4)
        before = self.env.cr.sql_log_count
        self.env["res.partner"]._cron_freight_plan_visits()
        self.env.flush_all()
        four = self.env.cr.sql_log_count - before
        partners = self._prepare_due(40)
        with self.assertQueryCount(four):
            visits = self.env["res.partner"]._cron_freight_plan_visits()
        self.assertEqual(visits.partner_id, partners)
        self.assertEqual(len(visits.activity_ids), 40)
        self.assertEqual(
            visits.mapped("message_partner_ids"),
            (self.salesperson | self.salesperson2).partner_id,
        )
