# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightContract(FreightContractCase):
    def _new_contract(self, partner=None, user=None, **vals):
        Contract = self.env["freight.customer.contract"]
        if user:
            Contract = Contract.with_user(user)
        return Contract.create(self._contract_vals(partner or self.customer_a, **vals))

    def test_number_from_sequence(self):
        first = self._new_contract()
        second = self._new_contract()
        self.assertTrue(first.name.startswith("HT"))
        self.assertNotEqual(first.name, second.name)

    def test_end_before_start_refused(self):
        with self.assertRaisesRegex(ValidationError, "before the start date"):
            self._new_contract(date_start="2026-06-01", date_end="2026-05-31")
        contract = self._new_contract()
        with self.assertRaisesRegex(ValidationError, "before the start date"):
            contract.date_end = "2025-12-31"

    def test_approval_chain_in_order(self):
        contract = self._new_contract(user=self.sales)
        contract.action_submit()
        self.assertEqual(contract.state, "manager_review")
        self.assertTrue(contract.activity_ids)
        contract.with_user(self.manager).action_manager_approve()
        self.assertEqual(contract.state, "legal_review")
        self.assertEqual(contract.manager_approver_id, self.manager)
        contract.with_user(self.legal).action_legal_approve()
        self.assertEqual(contract.state, "deputy_review")
        contract.with_user(self.deputy).action_deputy_approve()
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.deputy_approver_id, self.deputy)
        review_types = [
            self.env.ref("freight_crm.mail_activity_contract_manager_review"),
            self.env.ref("freight_crm.mail_activity_contract_legal_review"),
            self.env.ref("freight_crm.mail_activity_contract_deputy_review"),
        ]
        self.assertFalse(
            contract.activity_ids.filtered(lambda a: a.activity_type_id in review_types)
        )

    def test_each_step_activity_goes_to_its_group(self):
        contract = self._new_contract()
        contract.action_submit()
        legal_type = self.env.ref("freight_crm.mail_activity_contract_legal_review")
        contract.with_user(self.manager).action_manager_approve()
        legal_activities = contract.activity_ids.filtered(
            lambda a: a.activity_type_id == legal_type
        )
        # One to-do, for one legal reviewer, not one per member of the group.
        self.assertEqual(len(legal_activities), 1)
        self.assertTrue(
            legal_activities.user_id.has_group("freight_crm.group_freight_legal")
        )
        self.assertNotIn(self.sales, legal_activities.user_id)

    def test_approval_out_of_order_refused(self):
        contract = self._new_contract()
        with self.assertRaisesRegex(UserError, "cannot be approved now"):
            contract.action_manager_approve()
        contract.action_submit()
        with self.assertRaisesRegex(UserError, "cannot be approved now"):
            contract.with_user(self.legal).action_legal_approve()
        with self.assertRaisesRegex(UserError, "cannot be approved now"):
            contract.with_user(self.deputy).action_deputy_approve()
        self.assertEqual(contract.state, "manager_review")
        self.assertFalse(contract.legal_approver_id)

    def test_wrong_group_cannot_approve(self):
        contract = self._new_contract(user=self.sales)
        contract.action_submit()
        with self.assertRaisesRegex(AccessError, "can approve"):
            contract.with_user(self.sales).action_manager_approve()
        contract.with_user(self.manager).action_manager_approve()
        with self.assertRaisesRegex(AccessError, "can approve"):
            contract.with_user(self.manager).action_legal_approve()
        self.assertEqual(contract.state, "legal_review")

    def test_sign_needs_document_and_approval(self):
        contract = self._new_contract()
        contract.signed_document = self.document
        with self.assertRaisesRegex(UserError, "whole approval chain"):
            contract.action_sign()
        contract.signed_document = False
        contract.action_submit()
        contract.action_manager_approve()
        contract.action_legal_approve()
        contract.action_deputy_approve()
        with self.assertRaisesRegex(UserError, "attach the signed document"):
            contract.action_sign()
        self.assertEqual(contract.state, "approved")
        contract.signed_document = self.document
        contract.action_sign()
        self.assertEqual(contract.state, "signed")

    @freeze_time("2026-11-20 02:00:00")  # a Friday, before office hours
    def test_approval_deadline_skips_weekend(self):
        contract = self._new_contract()
        contract.action_submit()
        # Friday + Monday..Thursday = 5 working days; Saturday/Sunday skipped.
        self.assertEqual(contract.approval_deadline.date(), date(2026, 11, 26))
        self.assertFalse(contract.approval_overdue)
        activity = contract.activity_ids[:1]
        self.assertEqual(activity.date_deadline, date(2026, 11, 26))

    def test_overdue_flag_and_search(self):
        with freeze_time("2026-11-20 02:00:00"):
            contract = self._new_contract()
            contract.action_submit()
        Contract = self.env["freight.customer.contract"]
        with freeze_time("2026-11-26 09:00:00"):
            contract.invalidate_recordset(["approval_overdue"])
            self.assertFalse(contract.approval_overdue)
        with freeze_time(datetime(2026, 11, 27, 9, 0)):
            contract.invalidate_recordset(["approval_overdue"])
            self.assertTrue(contract.approval_overdue)
            self.assertIn(contract, Contract.search([("approval_overdue", "=", True)]))
            contract.action_manager_approve()
            contract.action_legal_approve()
            contract.action_deputy_approve()
            self.assertFalse(contract.approval_overdue)
            self.assertNotIn(
                contract, Contract.search([("approval_overdue", "=", True)])
            )


@tagged("post_install", "-at_install")
class TestFreightContractGate(FreightContractCase):
    def _mark_signed(self, partner):
        # Admission is a gate of its own (tested apart): pass it here.
        partner.freight_admission_passed = True
        partner.with_user(self.sales).write({"freight_customer_state": "signed"})

    def test_grade_a_and_b_blocked_without_contract(self):
        for partner in (self.customer_a, self.customer_b):
            with self.assertRaisesRegex(UserError, "no signed contract"):
                self._mark_signed(partner)
            self.assertEqual(partner.freight_customer_state, "admission")

    def test_error_names_customer(self):
        with self.assertRaisesRegex(UserError, "杭州顺达电子商务有限公司"):
            self._mark_signed(self.customer_a)

    def test_grade_a_and_b_pass_with_valid_contract(self):
        for partner in (self.customer_a, self.customer_b):
            self._signed_contract(partner)
            self._mark_signed(partner)
            self.assertEqual(partner.freight_customer_state, "signed")
            self.assertTrue(partner.freight_has_valid_contract)

    def test_short_term_contract_is_not_enough(self):
        self._signed_contract(self.customer_a, is_long_term=False)
        with self.assertRaisesRegex(UserError, "not a long-term agreement"):
            self._mark_signed(self.customer_a)

    def test_unsigned_contract_is_not_enough(self):
        contract = self.env["freight.customer.contract"].create(
            self._contract_vals(self.customer_a)
        )
        contract.action_submit()
        with self.assertRaisesRegex(UserError, "no signed contract"):
            self._mark_signed(self.customer_a)

    def test_grade_c_warned_not_blocked(self):
        messages_before = len(self.customer_c.message_ids)
        self._mark_signed(self.customer_c)
        self.assertEqual(self.customer_c.freight_customer_state, "signed")
        self.assertGreater(len(self.customer_c.message_ids), messages_before)
        self.assertFalse(self.customer_c.freight_has_valid_contract)
        self.assertTrue(self.customer_c.freight_contract_warning)

    def test_cannot_create_a_signed_grade_a_customer(self):
        # Grades are set by managers (or evaluations); the gate holds for them.
        Partner = self.env["res.partner"].with_user(self.manager)
        with self.assertRaises(UserError) as caught:
            Partner.create(
                {
                    "name": "绍兴新创纺织有限公司",
                    "is_company": True,
                    "freight_grade_id": self.grade_a.id,
                    "freight_customer_state": "signed",
                }
            )
        self.assertIn("no signed contract", str(caught.exception))
        self.assertFalse(Partner.search([("name", "=", "绍兴新创纺织有限公司")]))
        grade_c = Partner.create(
            {
                "name": "绍兴小件快运商行",
                "is_company": True,
                "freight_grade_id": self.grade_c.id,
                "freight_customer_state": "signed",
                "freight_admission_passed": True,
            }
        )
        self.assertEqual(grade_c.freight_customer_state, "signed")

    def test_grade_set_in_same_write_counts(self):
        with self.assertRaisesRegex(UserError, "grade A"):
            self.customer_c.with_user(self.manager).write(
                {
                    "freight_customer_state": "signed",
                    "freight_grade_id": self.grade_a.id,
                }
            )

    def test_expired_contract_no_longer_satisfies_gate(self):
        with freeze_time("2026-06-01"):
            contract = self._signed_contract(
                self.customer_a, date_start="2026-01-01", date_end="2026-06-30"
            )
            self.assertTrue(self.customer_a.freight_has_valid_contract)
        with freeze_time("2026-07-01"):
            expired, _warned = self.env[
                "freight.customer.contract"
            ]._cron_freight_contract_expiry()
            self.assertEqual(contract.state, "expired")
            self.assertIn(contract, expired)
            self.customer_a.invalidate_recordset(["freight_has_valid_contract"])
            self.assertFalse(self.customer_a.freight_has_valid_contract)
            with self.assertRaisesRegex(UserError, "expired"):
                self._mark_signed(self.customer_a)

    def test_expiry_warning_30_days_before(self):
        contract = self._signed_contract(
            self.customer_a, date_start="2026-01-01", date_end="2026-12-31"
        )
        expiry_type = self.env.ref("freight_crm.mail_activity_contract_expiry")
        Contract = self.env["freight.customer.contract"]
        with freeze_time("2026-11-30"):
            Contract._cron_freight_contract_expiry()
            self.assertFalse(contract.expiry_warned)
        with freeze_time("2026-12-01"):
            Contract._cron_freight_contract_expiry()
            self.assertTrue(contract.expiry_warned)
            warning = contract.activity_ids.filtered(
                lambda a: a.activity_type_id == expiry_type
            )
            self.assertEqual(warning.user_id, self.sales)
            # A second run does not warn twice.
            Contract._cron_freight_contract_expiry()
            self.assertEqual(
                len(
                    contract.activity_ids.filtered(
                        lambda a: a.activity_type_id == expiry_type
                    )
                ),
                1,
            )
            self.assertEqual(contract.state, "signed")

    def _gate_queries(self, partners):
        partners.invalidate_recordset()
        before = self.env.cr.sql_log_count
        partners._freight_contract_gate_missing()
        return self.env.cr.sql_log_count - before

    def test_gate_query_count_does_not_grow(self):
        many = self.env["res.partner"].create(
            [
                {"name": f"客户 {i}", "is_company": True, "user_id": self.sales.id}
                for i in range(30)
            ]
        )
        self._signed_contract(many[0])
        self.env.flush_all()
        self._gate_queries(self.customer_c)  # warm the caches
        one = self._gate_queries(self.customer_c)
        self.assertLessEqual(one, 4)
        self.assertEqual(self._gate_queries(many), one)


@tagged("post_install", "-at_install")
class TestFreightRisk(FreightContractCase):
    def test_high_risk_blocks_new_contract_until_cleared(self):
        risk = (
            self.env["freight.customer.risk"]
            .with_user(self.sales)
            .create(
                {
                    "name": "拖欠运费超过90天",
                    "partner_id": self.customer_a.id,
                    "risk_type": "credit",
                    "level": "high",
                    "response": "reduce",
                }
            )
        )
        self.assertTrue(self.customer_a.freight_risk_blocked)
        self.assertIn(
            self.customer_a,
            self.env["res.partner"].search([("freight_risk_blocked", "=", True)]),
        )
        with self.assertRaisesRegex(UserError, "open high risk"):
            self.env["freight.customer.contract"].with_user(self.sales).create(
                self._contract_vals(self.customer_a)
            )
        with self.assertRaisesRegex(AccessError, "manager"):
            risk.with_user(self.sales).action_clear()
        with self.assertRaisesRegex(AccessError, "manager"):
            risk.with_user(self.sales).write({"state": "cleared"})
        risk.with_user(self.manager).action_clear()
        self.assertEqual(risk.cleared_by_id, self.manager)
        self.customer_a.invalidate_recordset(["freight_risk_blocked"])
        self.assertFalse(self.customer_a.freight_risk_blocked)
        contract = (
            self.env["freight.customer.contract"]
            .with_user(self.sales)
            .create(self._contract_vals(self.customer_a))
        )
        self.assertTrue(contract)

    def test_high_risk_blocks_submission_of_draft(self):
        contract = self.env["freight.customer.contract"].create(
            self._contract_vals(self.customer_b)
        )
        self.env["freight.customer.risk"].create(
            {
                "name": "涉诉",
                "partner_id": self.customer_b.id,
                "risk_type": "legal",
                "level": "high",
            }
        )
        with self.assertRaisesRegex(UserError, "open high risk"):
            contract.action_submit()
        self.assertEqual(contract.state, "draft")

    def test_medium_risk_does_not_block(self):
        self.env["freight.customer.risk"].create(
            {
                "name": "市场需求波动",
                "partner_id": self.customer_c.id,
                "risk_type": "market",
                "level": "medium",
            }
        )
        self.assertFalse(self.customer_c.freight_risk_blocked)
        self.assertTrue(
            self.env["freight.customer.contract"].create(
                self._contract_vals(self.customer_c)
            )
        )


@tagged("post_install", "-at_install")
class TestFreightContractTampering(FreightContractCase):
    """What the buttons guard cannot be bypassed with a plain write (RPC)."""

    def test_state_and_approvals_not_writable(self):
        contract = (
            self.env["freight.customer.contract"]
            .with_user(self.sales)
            .create(self._contract_vals(self.customer_a))
        )
        for vals in (
            {"state": "signed"},
            {"manager_approver_id": self.sales.id},
            {"expiry_warned": True},
        ):
            with self.assertRaisesRegex(AccessError, "buttons"):
                contract.write(vals)
        self.assertEqual(contract.state, "draft")

    def test_terms_frozen_after_submission(self):
        contract = (
            self.env["freight.customer.contract"]
            .with_user(self.sales)
            .create(self._contract_vals(self.customer_a))
        )
        contract.date_end = "2028-12-31"
        contract.action_submit()
        with self.assertRaisesRegex(UserError, "terms can no longer change"):
            contract.date_end = "2030-12-31"
        self.assertEqual(str(contract.date_end), "2028-12-31")

    def test_signed_contract_cannot_be_extended(self):
        contract = self._signed_contract(self.customer_a).with_user(self.sales)
        with self.assertRaisesRegex(UserError, "terms can no longer change"):
            contract.write({"date_end": "2099-12-31"})
        other = base64.b64encode(b"%PDF-1.4 another contract")
        with self.assertRaisesRegex(UserError, "cannot be replaced"):
            contract.write({"signed_document": other})
        # The form sending the document it shows is no replacement.
        contract.write({"signed_document": self.document})

    def test_salesperson_cannot_downgrade_high_risk(self):
        risk = (
            self.env["freight.customer.risk"]
            .with_user(self.sales)
            .create(
                {"name": "重大诉讼", "partner_id": self.customer_a.id, "level": "high"}
            )
        )
        with self.assertRaisesRegex(AccessError, "manager"):
            risk.level = "low"
        risk.with_user(self.sales).description = "补充说明"
        self.assertTrue(self.customer_a.freight_risk_blocked)

    def test_expiry_cron_batches(self):
        contracts = self.env["freight.customer.contract"]
        for _i in range(3):
            contracts |= self._signed_contract(
                self.customer_a, date_start="2026-01-01", date_end="2026-12-31"
            )
        with freeze_time("2026-12-15"):
            _expired, warned = self.env[
                "freight.customer.contract"
            ]._cron_freight_contract_expiry()
        self.assertEqual(warned & contracts, contracts)
        self.assertTrue(all(contracts.mapped("expiry_warned")))
        self.assertEqual(
            len(contracts.activity_ids.filtered(lambda a: a.user_id == self.sales)),
            3,
        )

    def _cron_queries(self, count):
        partners = self.env["res.partner"].create(
            [
                {"name": f"批量客户 {i}", "is_company": True, "user_id": self.sales.id}
                for i in range(count)
            ]
        )
        self.env["freight.customer.contract"].create(
            [
                dict(
                    self._contract_vals(partner, date_end=end),
                    state="signed",
                )
                for partner in partners
                for end in ("2026-12-20", "2026-12-01")
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with freeze_time("2026-12-10"):
            before = self.env.cr.sql_log_count
            expired, warned = self.env[
                "freight.customer.contract"
            ]._cron_freight_contract_expiry()
            self.env.flush_all()
            self.assertEqual(len(warned & partners.freight_contract_ids), count)
            queries = self.env.cr.sql_log_count - before
        self.assertEqual(len(expired & partners.freight_contract_ids), count)
        return queries

    def test_expiry_cron_query_count_does_not_grow(self):
        self._cron_queries(1)  # warm the caches (registry, parameters, ...)
        self.assertEqual(self._cron_queries(3), self._cron_queries(12))
