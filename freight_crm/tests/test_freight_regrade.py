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

    def _run(self, quarter=date(2026, 10, 1)):
        return self.env["freight.regrade.run"].search([("quarter", "=", quarter)])

    def _snapshot(self):
        return {
            partner.id: (
                partner.freight_grade_id.code,
                len(partner.freight_grade_history_ids),
                len(partner.message_ids),
                partner.write_date,
            )
            for partner in self.customers
        }

    def test_regrade_signed_customers(self):
        self._run_cron()
        self.assertEqual(
            [p.freight_grade_id.code for p in self.customers], list("ABC" * 3) + ["A"]
        )
        self.assertFalse(self.potential.freight_grade_id)
        # Four batches, then the closing commit of the finished run.
        self.assertEqual(self.commits, [3, 3, 3, 1, 0])
        partner = self.customers[0]
        self.assertEqual(partner.freight_grade_history_ids.source, "regrade")
        self.assertEqual(partner.freight_grade_history_ids.new_grade_id, self.grade_a)
        self.assertIn("Quarterly Re-grade", partner.message_ids[0].body)
        # The note belongs to the customer file, as if posted through the ORM.
        self.assertTrue(partner.message_ids[0].freight_confidential)
        self.assertEqual(partner.freight_credit_limit, self.grade_a.credit_limit)
        run = self._run()
        self.assertRecordValues(
            run,
            [
                {
                    "state": "done",
                    "last_partner_id": self.customers[-1].id,
                    "processed_count": 10,
                    "changed_count": 10,
                }
            ],
        )

    def test_one_digest_per_account_manager(self):
        """The account manager gets one to-do per run listing every customer
        whose grade changed, not one per customer."""
        self._run_cron()
        self.assertFalse(self.customers.activity_ids)
        digest = self._run().activity_ids
        self.assertEqual(len(digest), 1)
        self.assertEqual(digest.user_id, self.salesperson)
        self.assertIn("10", digest.summary)
        for partner in self.customers:
            self.assertIn(f'data-oe-id="{partner.id}"', digest.note)
        # The to-do opens for its salesperson.
        self.assertEqual(
            self._run().with_user(self.salesperson).activity_ids.user_id,
            self.salesperson,
        )

    def test_unchanged_customers_are_not_written(self):
        self._run_cron()
        before = self._snapshot()
        # Next quarter, same volumes: every grade stays.
        with freeze_time("2027-01-02"):
            self._run_cron()
        self.assertEqual(self._snapshot(), before)
        run = self._run(date(2027, 1, 1))
        self.assertRecordValues(
            run, [{"state": "done", "processed_count": 10, "changed_count": 0}]
        )
        self.assertFalse(run.activity_ids)

    def test_override_of_the_quarter_is_kept(self):
        partner = self.customers[2]
        partner._freight_override_grade(self.grade_a, "Strategic customer")
        self._run_cron()
        self.assertEqual(partner.freight_grade_id, self.grade_a)
        self.assertEqual(self._run().processed_count, 9)

    def test_twice_in_a_quarter_changes_nothing(self):
        self._run_cron()
        # Volumes change within the quarter: still no second re-grade.
        self.customers.sudo().write({"freight_annual_volume": 0})
        before = self._snapshot()
        with freeze_time("2026-12-31"):
            self._run_cron()
        self.assertEqual(self.commits, [])
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(len(self._run().activity_ids), 1)
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
        # The crash loses the second batch, cursor included, as a rollback
        # would.
        cr.clear()
        cr.execute(f"ROLLBACK TO SAVEPOINT regrade_commit_{state['savepoint']}")
        self.env.invalidate_all(flush=False)
        run = self._run()
        self.assertEqual(run.state, "running")
        self.assertEqual(run.last_partner_id, self.customers[2].id)
        self.assertEqual(
            self.customers.freight_grade_history_ids.partner_id, self.customers[:3]
        )
        self.assertFalse(run.activity_ids)

        self.patch(
            self.registry["res.partner"], "_freight_regrade_batch", original_batch
        )
        self._run_cron()
        self.assertEqual(self.commits, [3, 3, 1, 0])
        self.assertEqual(
            [p.freight_grade_id.code for p in self.customers], list("ABC" * 3) + ["A"]
        )
        for partner in self.customers:
            self.assertEqual(len(partner.freight_grade_history_ids), 1)
            self.assertEqual(
                len(partner.message_ids.filtered(lambda m: "Re-grade" in m.body)), 1
            )
        self.assertRecordValues(
            run, [{"state": "done", "processed_count": 10, "changed_count": 10}]
        )
        self.assertEqual(len(run.activity_ids), 1)
        for partner in self.customers:
            self.assertIn(f'data-oe-id="{partner.id}"', run.activity_ids.note)

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

    def _batch_queries(self, size, expected):
        """Queries of one re-grade batch of ``size`` customers, all of
        which change grade."""
        partners = self._customer_batch(size)
        Partner = self.env["res.partner"]
        quarter = date(2026, 10, 1)
        run = self.env["freight.regrade.run"]._freight_run_for(quarter)
        grades = self.env["freight.customer.grade"]._freight_active_grades()
        grader = Partner._freight_regrade_grader(
            grades, Partner._freight_grading_params(), date.today()
        )
        plan = dict(Partner._freight_regrade_plan(quarter, grades), grader=grader)
        rows = Partner._freight_regrade_rows(quarter, partners[0].id - 1, size)
        self.assertEqual([row[0] for row in rows], partners.ids)
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        with self.assertQueryCount(expected):
            Partner._freight_regrade_batch(rows, plan, run)
        self.assertEqual(len(partners.freight_grade_history_ids), size)
        return self.env.cr.sql_log_count - start

    def test_query_count_does_not_grow_with_batch_size(self):
        self._batch_queries(3, 40)  # warm the ORM caches (subtypes, defaults)
        self.assertEqual(self._batch_queries(6, 40), self._batch_queries(60, 40))

    def _cron_queries(self, size, expected):
        """Queries of a whole run over ``size`` new customers in one batch,
        the customers of earlier runs set aside."""
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.regrade_batch_size", str(size)
        )
        self.env["freight.regrade.run"].search([]).unlink()
        self.env["res.partner"].search(
            [("freight_customer_state", "=", "signed")]
        ).sudo().write({"freight_customer_state": "dormant"})
        self._customer_batch(size)
        self.patch(self.registry["ir.cron"], "_commit_progress", self._fake_commit)
        # Tracking of the set-up writes is logged before commit: now.
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        with self.assertQueryCount(expected):
            self.env["res.partner"]._cron_freight_regrade()
        return self.env.cr.sql_log_count - start

    def test_whole_run_query_count_flat_in_batch_size(self):
        """One run over one batch of 5 or of 50 customers: the same number
        of queries (read, grade, write, history, chatter, digest)."""
        self._cron_queries(3, 100)  # warm the ORM caches
        self.assertEqual(self._cron_queries(5, 80), self._cron_queries(50, 80))
