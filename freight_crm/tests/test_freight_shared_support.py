# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.freight_crm.tools.cron_batch import (
    freight_cron_batches,
    freight_keyset_batches,
)


@tagged("post_install", "-at_install")
class TestFreightSharedSupport(TransactionCase):
    """The role helpers of res.users, the cron batching loop and the
    customer ledger mixin."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, login="fss_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="fss_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="fss_manager", groups="freight_crm.group_freight_manager"
        )
        cls.legal = new_test_user(
            cls.env, login="fss_legal", groups="freight_crm.group_freight_legal"
        )
        cls.employee = new_test_user(
            cls.env, login="fss_employee", groups="base.group_user"
        )
        cls.partners = cls.env["res.partner"].create(
            [{"name": f"批次客户{i}", "is_company": True} for i in range(5)]
        )

    def test_role_helpers(self):
        def roles(user):
            user = user.with_user(user)
            return (
                user._freight_is_salesperson(),
                user._freight_is_service(),
                user._freight_is_manager(),
                user._freight_is_legal(),
                user._freight_has_role(),
            )

        self.assertEqual(roles(self.salesperson), (True, False, False, False, True))
        self.assertEqual(roles(self.service), (False, True, False, False, True))
        # Managers imply both salesperson and customer service.
        self.assertEqual(roles(self.manager), (True, True, True, False, True))
        self.assertEqual(roles(self.legal), (False, False, False, True, True))
        self.assertEqual(roles(self.employee), (False, False, False, False, False))

    def _fake_progress(self, time_left):
        calls = []

        def commit_progress(_self, processed=0, *, remaining=None, deactivate=False):
            calls.append((processed, remaining))
            return time_left.pop(0) if time_left else float("inf")

        self.patch(self.registry["ir.cron"], "_commit_progress", commit_progress)
        return calls

    def test_keyset_batches_outside_a_cron_commit_nothing(self):
        calls = self._fake_progress([])
        seen = []
        done = freight_keyset_batches(
            self.env["res.partner"],
            [("id", "in", self.partners.ids)],
            lambda batch: seen.append(batch.ids),
            batch_size=2,
        )
        self.assertTrue(done)
        self.assertEqual(
            seen, [self.partners[:2].ids, self.partners[2:4].ids, self.partners[4:].ids]
        )
        self.assertEqual(calls, [])

    def test_cron_run_reports_progress_and_stops_when_time_is_up(self):
        calls = self._fake_progress([60.0, 0.0])
        seen = []
        Partner = self.env["res.partner"].with_context(ir_cron_progress_id=1)
        done = freight_keyset_batches(
            Partner,
            [("id", "in", self.partners.ids)],
            seen.append,
            batch_size=2,
            remaining=len(self.partners),
        )
        self.assertFalse(done)
        self.assertEqual(len(seen), 2)
        self.assertEqual(calls, [(2, 3), (2, 1)])

    def test_finished_run_commits_its_end(self):
        calls = self._fake_progress([])
        finished = []
        ids = self.partners.ids
        done = freight_cron_batches(
            self.env,
            lambda last_id: [(i,) for i in ids if i > last_id][:3],
            lambda rows: None,
            remaining=lambda: 7,
            always_commit=True,
            on_done=lambda: finished.append(True),
        )
        self.assertTrue(done)
        self.assertEqual(finished, [True])
        self.assertEqual(calls, [(3, 7), (2, 7), (0, 0)])

    def test_ledger_mixin_customer_link(self):
        partner = self.env["res.partner"].create({"name": "普通联系人"})
        self.assertEqual(
            self.env["freight.key.account.watch"]._fields["partner_id"].string,
            "Key Account",
        )
        with self.assertRaisesRegex(ValidationError, "not a freight customer company"):
            self.env["freight.key.account.watch"].create(
                {"partner_id": partner.id, "title": "关注", "note": "新闻"}
            )

    def test_guard_blank_measured_figure_is_not_zero(self):
        """A blank measured figure means "not measured": 0 over a blank,
        and a blank over 0, are changes; a plain float keeps 0 == blank."""
        kpi = self.env["freight.customer.kpi"]
        same = kpi._freight_guard_same
        for blank in (False, None):
            self.assertFalse(same("on_time_rate", 0, blank))
            self.assertFalse(same("on_time_rate", blank, 0.0))
            self.assertTrue(same("on_time_rate", blank, False))
        self.assertTrue(same("on_time_rate", 0, 0.0))
        self.assertTrue(same("on_time_rate", 95.0, 95))
        self.assertFalse(same("on_time_rate", 95.0, False))
        self.assertTrue(same("on_time_target", 0, False))
