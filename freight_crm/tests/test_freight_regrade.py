# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import FreightGradingCase


class SimulatedCrash(Exception):
    pass


@tagged("post_install", "-at_install")
@freeze_time("2026-10-05")
class TestFreightRegrade(FreightGradingCase):
    """Quarterly re-grade (R-GRD-6). Tests cannot commit, so the cron's
    ``_commit_progress`` is replaced: by a no-op, or by a savepoint that
    stands for the commit when a crash is simulated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Rule-based grading: grades follow volume, no evaluation needed.
        cls.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.rule_grading", "True"
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.regrade_batch_size", "3"
        )
        # Only our customers are signed: the demo ones are left aside.
        cls.env["res.partner"].search(
            [("freight_customer_state", "=", "signed")]
        ).freight_customer_state = "dormant"
        volumes = [6000000, 2000000, 100000] * 3 + [7000000]
        cls.customers = cls.env["res.partner"].concat(
            *(
                cls._customer(f"季度客户{i}", freight_annual_volume=volume)
                for i, volume in enumerate(volumes)
            )
        )
        cls.potential = cls._customer(
            "潜在客户", freight_customer_state="potential", freight_annual_volume=9e6
        )
        cls.commits = []

    def _fake_commit(self, processed=0, *, remaining=None, deactivate=False):
        self.commits.append(processed)
        return float("inf")

    def _run_cron(self):
        self.commits = []
        self.patch(self.registry["ir.cron"], "_commit_progress", self._fake_commit)
        self.env["res.partner"]._cron_freight_regrade()

    def _snapshot(self):
        return {
            partner.id: (
                partner.freight_grade_id.code,
                partner.freight_regrade_quarter,
                len(partner.freight_grade_history_ids),
                len(partner.activity_ids),
            )
            for partner in self.customers
        }

    def test_regrade_signed_customers(self):
        self._run_cron()
        self.assertEqual(
            [p.freight_grade_id.code for p in self.customers], list("ABC" * 3) + ["A"]
        )
        self.assertEqual(
            set(self.customers.mapped("freight_regrade_quarter")), {date(2026, 10, 1)}
        )
        self.assertFalse(self.potential.freight_grade_id)
        self.assertEqual(self.commits, [3, 3, 3, 1])
        partner = self.customers[0]
        self.assertEqual(partner.freight_grade_history_ids.source, "regrade")
        self.assertEqual(partner.activity_ids.user_id, self.salesperson)
        self.assertIn("Quarterly Re-grade", partner.message_ids[0].body)

    def test_twice_in_a_quarter_changes_nothing(self):
        self._run_cron()
        before = self._snapshot()
        messages = self.env["mail.message"].search_count(
            [("model", "=", "res.partner"), ("res_id", "in", self.customers.ids)]
        )
        # Volumes change within the quarter: still no second re-grade.
        self.customers.freight_annual_volume = 0
        with freeze_time("2026-12-31"):
            self._run_cron()
        self.assertEqual(self.commits, [])
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(
            self.env["mail.message"].search_count(
                [("model", "=", "res.partner"), ("res_id", "in", self.customers.ids)]
            ),
            messages,
        )
        # Next quarter: re-graded again.
        with freeze_time("2027-01-02"):
            self._run_cron()
        self.assertEqual({p.freight_grade_id.code for p in self.customers}, {"C"})

    def test_crash_mid_batch_then_rerun(self):
        cr = self.env.cr
        # Named by hand: frozen time gives cr.savepoint() identical uuid1s.
        state = {"savepoint": 0, "batches": 0}
        cr.execute("SAVEPOINT regrade_commit_0")
        partner_class = self.registry["res.partner"]
        original_batch = partner_class._freight_regrade_batch

        def committing(_self, processed=0, *, remaining=None, deactivate=False):
            # Stands for the commit: what is done so far survives the crash.
            self.env.flush_all()
            state["savepoint"] += 1
            cr.execute(f"SAVEPOINT regrade_commit_{state['savepoint']}")
            return float("inf")

        def crashing_batch(partners, *args):
            state["batches"] += 1
            original_batch(partners, *args)
            if state["batches"] == 2:
                raise SimulatedCrash()

        self.patch(self.registry["ir.cron"], "_commit_progress", committing)
        self.patch(
            self.registry["res.partner"], "_freight_regrade_batch", crashing_batch
        )
        # Not assertRaises: Odoo's rolls back to its own savepoint, and
        # with it the "committed" first batch.
        crashed = False
        try:
            self.env["res.partner"]._cron_freight_regrade()
        except SimulatedCrash:
            crashed = True
        self.assertTrue(crashed)
        # The crash loses the second batch, as a rollback would.
        cr.clear()
        cr.execute(f"ROLLBACK TO SAVEPOINT regrade_commit_{state['savepoint']}")
        self.env.invalidate_all(flush=False)
        done = self.customers.filtered("freight_regrade_quarter")
        self.assertEqual(done, self.customers[:3])
        self.assertFalse(self.customers[3:].freight_grade_history_ids)

        self.patch(
            self.registry["res.partner"], "_freight_regrade_batch", original_batch
        )
        self._run_cron()
        self.assertEqual(self.commits, [3, 3, 1])
        self.assertEqual(
            [p.freight_grade_id.code for p in self.customers], list("ABC" * 3) + ["A"]
        )
        for partner in self.customers:
            self.assertEqual(len(partner.freight_grade_history_ids), 1)
            self.assertEqual(len(partner.activity_ids), 1)

    def test_evaluation_mode_uses_latest_score(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.rule_grading", "False"
        )
        partner = self.customers[2]
        self._evaluation(partner, 90).action_confirm()
        self.assertEqual(partner.freight_grade_id, self.grade_a)
        # Thresholds raised by the company: the quarter re-grades to B.
        self.grade_a.score_threshold = 92
        self._run_cron()
        self.assertEqual(partner.freight_grade_id, self.grade_b)
        # Never evaluated: grade left as it was.
        self.assertFalse(self.customers[0].freight_grade_id)

    def _batch_queries(self, size):
        partners = self._customer_batch(size)
        grades = self.env["freight.customer.grade"].search([])
        params = self.env["res.partner"]._freight_grading_params()
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        partners._freight_regrade_batch(date(2026, 10, 1), grades, params, date.today())
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def _customer_batch(self, size):
        return self.env["res.partner"].create(
            [
                {
                    "name": f"批量客户{size}-{i}",
                    "is_company": True,
                    "freight_customer_state": "signed",
                    "user_id": self.salesperson.id,
                    "freight_annual_volume": [6e6, 2e6, 1e5][i % 3],
                }
                for i in range(size)
            ]
        )

    def test_query_count_does_not_grow_with_batch_size(self):
        self._batch_queries(3)  # warm the ORM caches (subtypes, defaults)
        small = self._batch_queries(6)
        large = self._batch_queries(60)
        self.assertEqual(small, large)
