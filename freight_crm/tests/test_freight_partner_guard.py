# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED, WORKFLOW

from .common import FreightContractCase

REFUSED = (AccessError, UserError, ValidationError)


@tagged("post_install", "-at_install")
class TestFreightPartnerPolicy(FreightContractCase):
    """Every guarded field of res.partner x every role x create and write,
    generated from the policy table itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles = {
            "salesperson": cls.sales,
            "other salesperson": cls.sales2,
            "service": cls.service,
            "manager": cls.manager,
        }
        cls.policy = cls.env["res.partner"]._freight_guard_policy()

    def _changed_value(self, name, record=None):
        """A value of ``name`` different from the default (and from the
        record's current value)."""
        field = self.env["res.partner"]._fields[name]
        current = record[name] if record is not None else False
        if field.type == "many2one":
            if field.comodel_name == "res.users":
                return self.manager.id
            grades = self.grade_a | self.grade_b | self.grade_c
            if current:
                grades -= current
            return grades[:1].id
        if field.type == "boolean":
            return not current
        if field.type == "date":
            return "2026-03-02"
        if field.type == "datetime":
            return "2026-03-02 10:00:00"
        return 42.0

    def _assert_refused(self, method, vals):
        try:
            with self.env.cr.savepoint():
                method(vals)
        except REFUSED:
            return
        self.fail(f"{vals} was not refused")

    def _allowed(self, rule, user):
        if rule in (WORKFLOW, COMPUTED):
            return False
        return user.has_group(rule)

    def _can(self, records, operation):
        try:
            records.check_access(operation)
        except AccessError:
            return False
        return True

    def test_policy_covers_the_workflow_fields(self):
        for name in (
            "freight_grade_id",
            "freight_score",
            "freight_admission_passed",
            "freight_admission_exception_user_id",
            "freight_anonymised",
            "freight_due_diligence_deadline",
            "freight_is_key_account",
        ):
            self.assertIn(name, self.policy)

    def test_create_per_field_and_role(self):
        for name, rule in self.policy.items():
            for role, user in self.roles.items():
                Partner = self.env["res.partner"].with_user(user)
                if not Partner.has_access("create"):
                    continue
                base = {"name": f"新客户 {name} {role}", "is_company": True}
                default = Partner.default_get([name]).get(name, False)
                # A field the role cannot see is never sent by its form.
                if Partner._has_field_access(Partner._fields[name], "write"):
                    with self.subTest(field=name, role=role, value="default"):
                        Partner.create(dict(base, **{name: default}))
                with self.subTest(field=name, role=role, value="changed"):
                    vals = dict(base, **{name: self._changed_value(name)})
                    if self._allowed(rule, user):
                        Partner.create(vals)
                    else:
                        self._assert_refused(Partner.create, vals)

    def test_write_per_field_and_role(self):
        for name, rule in self.policy.items():
            for role, user in self.roles.items():
                customer = self.customer_c.with_user(user)
                if not self._can(customer, "write"):
                    continue
                if customer._has_field_access(customer._fields[name], "write"):
                    with self.subTest(field=name, role=role, value="unchanged"):
                        customer.write({name: self.customer_c[name]})
                with self.subTest(field=name, role=role, value="changed"):
                    vals = {name: self._changed_value(name, self.customer_c)}
                    if self._allowed(rule, user):
                        customer.write(vals)
                    else:
                        self._assert_refused(customer.write, vals)


@tagged("post_install", "-at_install")
class TestFreightPartnerBypasses(FreightContractCase):
    """Each way around the rulebook found on res.partner, as the restricted
    user."""

    def _admit(self, partner):
        partner.freight_admission_passed = True

    def test_salesperson_creates_company_and_contact_in_the_form(self):
        Partner = self.env["res.partner"].with_user(self.sales)
        form = Form(Partner)
        form.company_type = "company"
        form.name = "义乌博远进出口有限公司"
        company = form.save()
        self.assertTrue(company.is_company)
        form = Form(Partner)
        form.company_type = "person"
        form.name = "周采购"
        form.parent_id = company
        contact = form.save()
        self.assertEqual(contact.commercial_partner_id, company)

    def test_web_form_payload_with_invisible_defaults_saves(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.sales)
            .create(
                {
                    "name": "宁波甬达物流有限公司",
                    "is_company": True,
                    "freight_admission_passed": False,
                    "freight_grade_id": False,
                    "freight_score": 0.0,
                    "freight_anonymised": False,
                    "freight_onboarding_stage": "qualification",
                    "freight_customer_state": "potential",
                }
            )
        )
        self.assertEqual(partner.user_id, self.env["res.users"])

    def test_created_signed_needs_admission(self):
        for user in (self.sales, self.manager):
            with self.assertRaisesRegex(UserError, "not passed admission"):
                self.env["res.partner"].with_user(user).create(
                    {
                        "name": "直接签约客户",
                        "is_company": True,
                        "freight_customer_state": "signed",
                    }
                )
        self.assertFalse(
            self.env["res.partner"].search([("name", "=", "直接签约客户")])
        )

    def test_written_signed_needs_admission_or_exception(self):
        customer = self.customer_c.with_user(self.sales)
        with self.assertRaisesRegex(UserError, "not passed admission"):
            customer.freight_customer_state = "signed"
        self.assertEqual(self.customer_c.freight_customer_state, "admission")
        customer.freight_admission_exception_reason = "集团客户，总经理批准"
        self.customer_c.with_user(
            self.manager
        ).action_freight_record_admission_exception()
        customer.freight_customer_state = "signed"
        self.assertEqual(self.customer_c.freight_customer_state, "signed")

    def test_contract_gate_not_bypassed_through_another_parent(self):
        self._signed_contract(self.customer_c)
        self._admit(self.customer_a)
        customer = self.customer_a.with_user(self.sales)
        customer.write({"is_company": False, "parent_id": self.customer_c.id})
        # Grade A under a company with a valid contract: signing passes.
        customer.freight_customer_state = "signed"
        with self.assertRaisesRegex(UserError, "no signed contract"):
            customer.write({"is_company": True, "parent_id": False})
        self.assertEqual(self.customer_a.parent_id, self.customer_c)
        self.assertEqual(self.customer_a.freight_customer_state, "signed")

    def test_admission_gate_not_bypassed_through_another_parent(self):
        self._admit(self.customer_c)
        self._signed_contract(self.customer_b)
        contact = self.env["res.partner"].create(
            {
                "name": "刘经理",
                "parent_id": self.customer_c.id,
                "user_id": self.sales.id,
            }
        )
        contact.with_user(self.sales).freight_customer_state = "signed"
        with self.assertRaisesRegex(UserError, "not passed admission"):
            contact.with_user(self.sales).write(
                {"is_company": True, "parent_id": False}
            )

    def test_takeover_refused_whatever_the_order(self):
        customer = self.other_customer.with_user(self.sales)
        for vals in (
            {"freight_customer_state": False},
            {"user_id": self.sales.id},
            {"user_id": self.sales.id, "freight_customer_state": False},
            {"freight_customer_state": "potential"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                customer.write(vals)
        self.assertEqual(self.other_customer.user_id, self.sales2)
        self.assertEqual(self.other_customer.freight_customer_state, "admission")
        # A colleague's customer is invisible: not even unchanged values are
        # written; a manager reassigns.
        with self.assertRaises(AccessError):
            customer.write({"user_id": self.sales2.id})
        self.other_customer.with_user(self.manager).user_id = self.sales
        self.assertEqual(self.other_customer.user_id, self.sales)

    def test_pass_admission_twice_keeps_the_stage(self):
        prospect = self.customer_c.with_user(self.sales)
        prospect.write(
            {
                "freight_registered_capital": 800000,
                "freight_adm_licence_ok": True,
                "freight_adm_no_violation": True,
                "freight_adm_needs_match": True,
                "freight_adm_accepts_credit": True,
            }
        )
        self.assertIs(prospect.action_freight_pass_admission(), True)
        prospect.freight_onboarding_stage = "negotiation"
        admitted_on = prospect.freight_admission_date
        self.assertIs(prospect.action_freight_pass_admission(), True)
        self.assertEqual(prospect.freight_onboarding_stage, "negotiation")
        self.assertEqual(prospect.freight_admission_date, admitted_on)

    def test_exception_reason_locked_after_grant(self):
        customer = self.customer_c.with_user(self.sales)
        customer.freight_admission_exception_reason = "母公司担保"
        self.customer_c.with_user(
            self.manager
        ).action_freight_record_admission_exception()
        with self.assertRaisesRegex(AccessError, "Exception Reason"):
            customer.freight_admission_exception_reason = "随便写"
        customer.write({"freight_admission_exception_reason": "母公司担保"})
        self.customer_c.with_user(
            self.manager
        ).freight_admission_exception_reason = "母公司担保，总经理批准"

    def test_manager_plain_grade_write_takes_the_grading_flow(self):
        customer = self.customer_c.with_user(self.manager)
        messages = len(self.customer_c.message_ids)
        customer.freight_grade_id = self.grade_a
        history = self.customer_c.freight_grade_history_ids[:1]
        self.assertEqual(history.source, "override")
        self.assertEqual(history.old_grade_id, self.grade_c)
        self.assertEqual(history.new_grade_id, self.grade_a)
        self.assertEqual(history.user_id, self.manager)
        self.assertEqual(
            self.customer_c.sudo().freight_credit_limit, self.grade_a.credit_limit
        )
        self.assertGreater(len(self.customer_c.message_ids), messages)
        self.assertTrue(self.customer_c.freight_regrade_quarter)

    def test_manager_plain_score_write_grades_by_thresholds(self):
        self.customer_a.with_user(self.manager).freight_score = 59
        self.assertEqual(self.customer_a.freight_score, 59)
        self.assertEqual(self.customer_a.freight_grade_id, self.grade_c)
        self.assertEqual(
            self.customer_a.freight_grade_history_ids[:1].new_grade_id, self.grade_c
        )
        for score in (130, -1, float("nan"), float("inf"), "abc"):
            with self.subTest(score=score), self.assertRaises(ValidationError):
                self.customer_a.with_user(self.manager).write({"freight_score": score})
        self.assertEqual(self.customer_a.freight_score, 59)

    def test_manager_create_with_grade_keeps_history(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.manager)
            .create({"name": "嘉兴新客户", "freight_grade_id": self.grade_b.id})
        )
        self.assertEqual(partner.freight_grade_id, self.grade_b)
        self.assertEqual(partner.freight_grade_history_ids.source, "override")

    def test_actions_on_zero_and_several_records(self):
        Partner = self.env["res.partner"].with_user(self.manager)
        two = (self.customer_a | self.customer_b).with_user(self.manager)
        for method in (
            "action_freight_open_evaluations",
            "action_freight_override_grade",
            "action_freight_view_contracts",
        ):
            for records in (Partner, two):
                with (
                    self.subTest(method=method, count=len(records)),
                    self.assertRaisesRegex(UserError, "one customer at a time"),
                ):
                    getattr(records, method)()
            self.assertIsInstance(getattr(two[:1], method)(), dict)
        for method in (
            "action_freight_start_admission",
            "action_freight_pass_admission",
            "action_freight_record_admission_exception",
            "action_freight_apply_rule_grade",
            "action_freight_anonymise",
        ):
            with self.subTest(method=method):
                self.assertIs(getattr(Partner, method)(), True)
        self.assertIs(two.action_freight_start_admission(), True)
        self.assertIs(two.action_freight_apply_rule_grade(), True)

    def test_start_admission_refused_for_a_signed_customer(self):
        self._signed_contract(self.customer_c)
        self._admit(self.customer_c)
        self.customer_c.freight_customer_state = "signed"
        with self.assertRaisesRegex(UserError, "Start Admission"):
            self.customer_c.with_user(self.sales).action_freight_start_admission()
        self.assertEqual(self.customer_c.freight_customer_state, "signed")

    def test_reward_prefill_read_as_the_reader(self):
        self.env["freight.customer.reward"].create(
            {"partner_id": self.customer_a.id, "kind": "penalty", "reason": "欠款"}
        )
        self.assertEqual(self.customer_a._freight_reward_credit_score(), 65.0)
        self.assertIsNone(
            self.customer_a.with_user(self.internal)._freight_reward_credit_score()
        )
        self.assertIsNone(
            self.customer_a.with_user(self.sales2)._freight_reward_credit_score()
        )

    def test_reward_points_are_settings(self):
        self.env["freight.customer.reward"].create(
            {"partner_id": self.customer_a.id, "kind": "reward", "reason": "按时付款"}
        )
        self.env["ir.config_parameter"].set_param("freight_crm.reward_base_score", 50)
        self.env["ir.config_parameter"].set_param("freight_crm.reward_points", 10)
        self.assertEqual(self.customer_a._freight_reward_credit_score(), 60.0)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.freight_penalty_points, 15.0)

    def test_figures_beyond_any_rulebook_figure_refused(self):
        """A finite amount too large to round to a currency is refused with
        a clear error, not a server crash."""
        partner = self.customer_a.with_user(self.sales)
        for value in (1e308, -1e16):
            with self.assertRaisesRegex(ValidationError, "too large"):
                partner.write({"freight_annual_revenue": value})
        partner.write({"freight_annual_revenue": 3.5e9})
        self.assertEqual(partner.freight_annual_revenue, 3.5e9)
