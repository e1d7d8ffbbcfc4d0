# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contracts, risks, sharing requests, KPIs and grades held at the server,
as the restricted users: moved parents, high risks holding pending
approvals, four eyes, empty dates and out-of-range numbers."""

import math

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightContractGuard(FreightContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager2 = new_test_user(
            cls.env, login="fc4_manager2", groups="freight_crm.group_freight_manager"
        )
        cls.Contract = cls.env["freight.customer.contract"]
        cls.Risk = cls.env["freight.customer.risk"]

    def _contract(self, partner=None, user=None):
        Contract = self.Contract.with_user(user) if user else self.Contract
        return Contract.create(self._contract_vals(partner or self.customer_a))

    def _high_risk(self, partner, user=None):
        Risk = self.Risk.with_user(user) if user else self.Risk
        return Risk.create({"name": "涉诉", "partner_id": partner.id, "level": "high"})

    # High risk holds every pending step -----------------------------------
    def test_high_risk_holds_every_pending_step_and_signing(self):
        in_review = self._contract(user=self.sales)
        in_review.with_user(self.sales).action_submit()
        at_legal = self._contract(user=self.sales)
        at_legal.with_user(self.sales).action_submit()
        at_legal.with_user(self.manager).action_manager_approve()
        approved = self._contract(user=self.sales)
        approved.with_user(self.sales).action_submit()
        approved.with_user(self.manager).action_manager_approve()
        approved.with_user(self.legal).action_legal_approve()
        approved.with_user(self.deputy).action_deputy_approve()
        approved.signed_document = self.document
        risk = self._high_risk(self.customer_a, user=self.sales)
        self.assertIn("open high risk", in_review.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "open high risk"):
            in_review.with_user(self.manager).action_manager_approve()
        with self.assertRaisesRegex(UserError, "open high risk"):
            at_legal.with_user(self.legal).action_legal_approve()
        with self.assertRaisesRegex(UserError, "open high risk"):
            approved.with_user(self.sales).action_sign()
        self.assertEqual(in_review.state, "manager_review")
        self.assertEqual(at_legal.state, "legal_review")
        self.assertEqual(approved.state, "approved")
        risk.with_user(self.manager).action_clear()
        in_review.with_user(self.manager).action_manager_approve()
        approved.with_user(self.sales).action_sign()
        self.assertEqual(approved.state, "signed")

    def test_risk_raised_to_high_holds_contracts(self):
        contract = self._contract(user=self.sales)
        contract.with_user(self.sales).action_submit()
        risk = self.Risk.with_user(self.sales).create(
            {"name": "回款变慢", "partner_id": self.customer_a.id, "level": "medium"}
        )
        contract.with_user(self.manager).action_manager_approve()
        risk.with_user(self.sales).level = "high"
        with self.assertRaisesRegex(UserError, "open high risk"):
            contract.with_user(self.legal).action_legal_approve()

    def test_moving_a_risk_neither_lifts_nor_plants_a_block(self):
        risk = self._high_risk(self.customer_a, user=self.sales)
        for user in (self.sales, self.manager):
            with self.assertRaisesRegex(UserError, "cannot be changed any more"):
                risk.with_user(user).partner_id = self.customer_b
        self.assertTrue(self.customer_a.freight_risk_blocked)
        self.assertFalse(self.customer_b.freight_risk_blocked)
        low = self.Risk.with_user(self.sales).create(
            {"name": "市场波动", "partner_id": self.customer_a.id, "level": "low"}
        )
        with self.assertRaises(AccessError):
            low.with_user(self.sales).write(
                {"partner_id": self.other_customer.id, "level": "high"}
            )
        self.assertFalse(self.other_customer.freight_risk_blocked)
        cleared = self._high_risk(self.customer_c)
        cleared.with_user(self.manager).action_clear()
        with self.assertRaises(UserError):
            cleared.with_user(self.manager).partner_id = self.customer_b

    def test_only_managers_clear_and_reopen(self):
        risk = self._high_risk(self.customer_a, user=self.sales)
        for vals in ({"state": "cleared"}, {"cleared_by_id": self.manager.id}):
            with self.assertRaisesRegex(AccessError, "manager"):
                risk.with_user(self.manager).write(vals)
        with self.assertRaisesRegex(AccessError, "manager"):
            risk.with_user(self.sales).action_clear()
        self.assertIs(risk.with_user(self.manager).action_clear(), True)
        with self.assertRaisesRegex(UserError, "not possible"):
            risk.with_user(self.manager).action_clear()
        with self.assertRaisesRegex(AccessError, "manager"):
            risk.with_user(self.sales).action_reopen()
        self.assertIs(risk.with_user(self.manager).action_reopen(), True)
        self.assertTrue(self.customer_a.freight_risk_blocked)

    # Parent and workflow fields of the contract ----------------------------
    def test_contract_cannot_move_after_draft(self):
        contract = self._contract(user=self.sales)
        contract.with_user(self.sales).action_submit()
        for user in (self.sales, self.manager):
            with self.assertRaisesRegex(UserError, "cannot be changed any more"):
                contract.with_user(user).partner_id = self.customer_b
        self.assertEqual(contract.partner_id, self.customer_a)

    def test_contract_cannot_move_to_a_colleagues_customer(self):
        contract = self._contract(user=self.sales)
        with self.assertRaises(AccessError):
            contract.with_user(self.sales).partner_id = self.other_customer
        self.assertEqual(contract.partner_id, self.customer_a)

    def test_contract_number_is_the_sequences(self):
        with self.assertRaisesRegex(AccessError, "Contract Number"):
            self.Contract.with_user(self.sales).create(
                self._contract_vals(self.customer_a, name="HT-FORGED")
            )
        contract = self._contract(user=self.sales)
        with self.assertRaisesRegex(AccessError, "Contract Number"):
            contract.with_user(self.sales).name = "HT-FORGED"
        contract.with_user(self.sales).write({"name": contract.name})

    def test_duplicate_number_message_discloses_nothing(self):
        message = self.Contract._table_objects[
            "freight_customer_contract_name_company_uniq"
        ].get_error_message(self.Contract)
        self.assertIn("already used", message)
        colleague = self._contract(self.other_customer)
        self.assertNotIn(colleague.name, message)

    def test_context_default_state_is_no_way_round(self):
        Contract = self.Contract.with_user(self.sales).with_context(
            default_state="signed"
        )
        with self.assertRaisesRegex(AccessError, "starts as a draft"):
            Contract.create(self._contract_vals(self.customer_c))

    # Four eyes ------------------------------------------------------------
    def test_nobody_approves_a_step_they_submitted(self):
        contract = self._contract(user=self.manager)
        contract.with_user(self.manager).action_submit()
        with self.assertRaisesRegex(UserError, "your own work"):
            contract.with_user(self.manager).action_manager_approve()
        self.assertEqual(contract.state, "manager_review")
        contract.with_user(self.manager2).action_manager_approve()
        self.assertEqual(contract.manager_approver_id, self.manager2)

    def test_actions_check_roles_and_access(self):
        contract = self._contract(user=self.sales)
        contract.with_user(self.sales).action_submit()
        with self.assertRaises(AccessError):
            contract.with_user(self.sales).action_refuse()
        with self.assertRaises(AccessError):
            contract.with_user(self.sales2).action_cancel()
        self.assertEqual(contract.state, "manager_review")
        self.assertIs(contract.with_user(self.manager).action_refuse(), True)
        self.assertEqual(contract.state, "draft")

    def test_actions_on_several_contracts(self):
        contracts = self._contract(user=self.sales) | self._contract(user=self.sales)
        self.assertIs(contracts.with_user(self.sales).action_submit(), True)
        self.assertIs(contracts.with_user(self.manager).action_manager_approve(), True)
        self.assertIs(contracts.with_user(self.sales).action_cancel(), True)
        self.assertIs(contracts.with_user(self.sales).action_draft(), True)
        self.assertEqual(set(contracts.mapped("state")), {"draft"})

    # The web form's own payload ------------------------------------------
    def test_form_new_contract_as_salesperson(self):
        with Form(self.Contract.with_user(self.sales)) as form:
            form.partner_id = self.customer_a
            form.service_scope = "海运拼箱"
            form.date_start = "2026-01-01"
            form.date_end = "2026-12-31"
            form.is_long_term = True
        contract = form.record
        self.assertEqual(contract.state, "draft")
        self.assertTrue(contract.name.startswith("HT"))
        contract.with_user(self.sales).action_submit()
        self.assertEqual(contract.submitted_by_id, self.sales)

    def test_form_from_the_customers_contracts(self):
        action = self.customer_a.with_user(self.sales).action_freight_view_contracts()
        Contract = self.Contract.with_user(self.sales).with_context(**action["context"])
        with Form(Contract) as form:
            self.assertEqual(form.partner_id, self.customer_a)
            form.service_scope = "空运"
            form.date_start = "2026-02-01"
        self.assertEqual(form.record.partner_id, self.customer_a)
        self.assertEqual(form.record.state, "draft")

    # Sharing requests ------------------------------------------------------
    def _share_vals(self, **vals):
        return dict(
            {
                "partner_id": self.customer_a.id,
                "reason": "客户交接",
                "date_expiry": "2099-01-01",
            },
            **vals,
        )

    def test_share_expiry_required_cleanly(self):
        Share = self.env["freight.customer.share"].with_user(self.sales2)
        with self.assertRaisesRegex(ValidationError, "Expires On"):
            Share.create(self._share_vals(date_expiry=False))
        vals = self._share_vals()
        del vals["date_expiry"]
        with self.assertRaisesRegex(ValidationError, "Expires On"):
            Share.create(vals)
        share = Share.create(self._share_vals())
        with self.assertRaisesRegex(ValidationError, "Expires On"):
            share.date_expiry = False
        with self.assertRaisesRegex(ValidationError, "year"):
            share.date_expiry = "9999-12-31"

    def test_nobody_approves_their_own_sharing_request(self):
        share = (
            self.env["freight.customer.share"]
            .with_user(self.manager)
            .create(self._share_vals(user_id=self.manager.id))
        )
        with self.assertRaisesRegex(UserError, "your own work"):
            share.with_user(self.manager).action_approve()
        self.assertIs(share.with_user(self.manager2).action_approve(), True)
        with self.assertRaisesRegex(UserError, "not possible"):
            share.with_user(self.manager2).action_approve()
        # An approved sharing can be ended early.
        self.assertIs(share.with_user(self.manager2).action_refuse(), True)
        self.assertEqual(share.state, "refused")
        with self.assertRaisesRegex(UserError, "not possible"):
            share.with_user(self.manager2).action_refuse()

    def test_salesperson_cannot_refuse_a_request(self):
        share = (
            self.env["freight.customer.share"]
            .with_user(self.sales2)
            .create(self._share_vals())
        )
        with self.assertRaisesRegex(AccessError, "manager"):
            share.with_user(self.sales).action_refuse()
        self.assertEqual(share.state, "requested")

    # KPIs and grades -------------------------------------------------------
    def test_kpi_period_dates_required_cleanly(self):
        Kpi = self.env["freight.customer.kpi"].with_user(self.service)
        vals = {
            "partner_id": self.customer_a.id,
            "date_start": "2026-07-01",
            "date_end": "2026-07-31",
        }
        for name in ("date_start", "date_end"):
            with self.assertRaisesRegex(ValidationError, "start and an end date"):
                Kpi.create(dict(vals, **{name: False}))
        kpi = Kpi.create(vals)
        with self.assertRaisesRegex(ValidationError, "start and an end date"):
            kpi.date_start = False
        with self.assertRaisesRegex(UserError, "workflow"):
            kpi.write({"shortfall_count": 5, "below_target": True})

    def test_grade_numbers_bounded(self):
        grade = self.grade_b.with_user(self.manager)
        for vals in (
            {"visit_interval_months": 2147483647},
            {"visit_interval_months": 0},
            {"payment_term_days": -1},
            {"complaint_deadline_factor": 0},
            {"complaint_deadline_factor": 1000},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                grade.write(vals)
        for value in (math.nan, math.inf, "nan"):
            with (
                self.subTest(value=value),
                self.assertRaisesRegex(ValidationError, "finite|deadline factor"),
            ):
                grade.write({"complaint_deadline_factor": value})
        with self.assertRaisesRegex(ValidationError, "between 1 and 120"):
            self.env["freight.customer.grade"].with_user(self.manager).create(
                {"code": "D", "name": "D级", "visit_interval_months": 2147483648}
            )
        grade.write({"visit_interval_months": 120, "complaint_deadline_factor": 0.5})
        self.assertEqual(self.grade_b.visit_interval_months, 120)

    def test_criterion_weight_must_be_finite(self):
        criterion = self.env.ref("freight_crm.criterion_company_scale")
        with self.assertRaisesRegex(ValidationError, "finite"):
            criterion.with_user(self.manager).write({"weight": math.nan})

    def test_bad_numbers_and_choices_refused_cleanly(self):
        risk = self.Risk.with_user(self.sales).create(
            {"name": "市场波动", "partner_id": self.customer_c.id, "level": "low"}
        )
        with self.assertRaisesRegex(ValidationError, "allowed values"):
            risk.write({"level": "extreme"})
        with self.assertRaisesRegex(ValidationError, "allowed values"):
            self.Risk.with_user(self.sales).create(
                {"name": "x", "partner_id": self.customer_c.id, "risk_type": "war"}
            )
        with self.assertRaisesRegex(ValidationError, "whole number"):
            self.grade_c.with_user(self.manager).write({"sequence": 2**40})
        with self.assertRaisesRegex(ValidationError, "finite"):
            self.env["freight.customer.kpi"].with_user(self.service).create(
                {
                    "partner_id": self.customer_a.id,
                    "date_start": "2026-07-01",
                    "date_end": "2026-07-31",
                    "on_time_rate": "abc",
                }
            )
