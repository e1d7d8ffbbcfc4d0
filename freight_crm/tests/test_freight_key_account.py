# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

PLAN_REVIEW = "freight_crm.mail_activity_key_account_plan_review"
PLAN_DUE = "freight_crm.mail_activity_key_account_plan_due"


@tagged("post_install", "-at_install")
class TestFreightKeyAccount(TransactionCase):
    """Key-account management as the roles that own it: plans approved by
    four eyes, record rules per customer, the churn detection."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = new_test_user(
            cls.env, login="ka_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.sales2 = new_test_user(
            cls.env, login="ka_sales2", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="ka_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="ka_manager", groups="freight_crm.group_freight_manager"
        )
        cls.manager2 = new_test_user(
            cls.env, login="ka_manager2", groups="freight_crm.group_freight_manager"
        )
        cls.env["ir.config_parameter"].set_param(
            "freight_crm.allow_self_approval", False
        )
        cls.customer = cls._customer("宁波远洋进出口有限公司", cls.sales)
        cls.customer2 = cls._customer("青岛海达国际贸易有限公司", cls.sales2)
        cls.Plan = cls.env["freight.key.account.plan"]

    @classmethod
    def _customer(cls, name, user, **values):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "freight_customer_state": "signed",
                "user_id": user.id,
                "freight_contribution_value": 2000000,
                "freight_annual_volume": 10000000,
                **values,
            }
        )

    def _plan(self, user, partner, **values):
        return (
            self.Plan.with_user(user)
            .create(
                {
                    "partner_id": partner.id,
                    "period_start": "2027-01-01",
                    "period_end": "2027-06-30",
                    "objectives": "承接华东出口整柜业务的50%。",
                    **values,
                }
            )
            .with_user(user)
        )

    # Record rules --------------------------------------------------------
    def test_salesperson_sees_own_customers_plans_only(self):
        mine = self._plan(self.sales, self.customer)
        theirs = self._plan(self.sales2, self.customer2)
        Plan = self.Plan.with_user(self.sales)
        self.assertEqual(Plan.search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.sales).read(["objectives"])
        with self.assertRaises(AccessError):
            self._plan(self.sales, self.customer2)

    def test_service_reads_all_but_writes_nothing(self):
        plan = self._plan(self.sales, self.customer)
        as_service = plan.with_user(self.service)
        self.assertEqual(as_service.objectives, plan.objectives)
        with self.assertRaises(AccessError):
            as_service.write({"progress_note": "客服补充"})
        with self.assertRaises(AccessError):
            self._plan(self.service, self.customer2)

    def test_other_records_follow_the_same_rules(self):
        values = {
            "freight.key.account.watch": {
                "title": "新厂投产",
                "note": "客户青岛新厂投产。",
            },
            "freight.credit.investigation": {
                "result": "good",
                "findings": "无涉诉记录。",
            },
            "freight.customer.churn": {"warning_signs": "订舱量下降。"},
        }
        for model, vals in values.items():
            with self.subTest(model=model):
                record = (
                    self.env[model]
                    .with_user(self.sales2)
                    .create(dict(vals, partner_id=self.customer2.id))
                )
                self.assertFalse(self.env[model].with_user(self.sales).search([]))
                with self.assertRaises(AccessError):
                    record.with_user(self.sales).read(["partner_id"])
                self.assertEqual(
                    self.env[model]
                    .with_user(self.manager)
                    .search([("id", "=", record.id)]),
                    record,
                )

    # Workflow ------------------------------------------------------------
    def test_submit_approve_file(self):
        plan = self._plan(self.sales, self.customer)
        plan.action_submit()
        self.assertEqual(plan.state, "submitted")
        activity = plan.sudo().activity_ids
        self.assertEqual(activity.activity_type_id, self.env.ref(PLAN_REVIEW))
        self.assertTrue(activity.user_id.has_group("freight_crm.group_freight_manager"))
        with self.assertRaises(AccessError):
            plan.action_approve()
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            plan.write({"objectives": "改写已提交的计划"})
        plan.with_user(self.manager).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.manager)
        self.assertFalse(plan.sudo().activity_ids)
        plan.with_user(self.manager).action_file()
        self.assertEqual(plan.state, "filed")
        self.assertTrue(plan.filed_date)

    def test_four_eyes(self):
        own = self._customer("厦门鹭岛供应链有限公司", self.manager)
        plan = self._plan(self.manager, own)
        plan.action_submit()
        self.assertNotEqual(plan.reviewer_id, self.manager)
        with self.assertRaisesRegex(UserError, "cannot approve your own work"):
            plan.action_approve()
        plan.with_user(self.manager2).action_approve()
        self.assertEqual(plan.state, "approved")

    def test_back_to_draft_by_submitter(self):
        plan = self._plan(self.sales, self.customer)
        plan.action_submit()
        plan.action_draft()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.sudo().activity_ids)

    def test_forged_workflow_values_refused(self):
        with self.assertRaisesRegex(UserError, "Submit, Approve and File"):
            self._plan(self.sales, self.customer, state="approved")
        plan = self._plan(self.sales, self.customer)
        for vals in (
            {"state": "filed"},
            {"approved_by_id": self.manager.id},
            {"filed_date": "2027-01-05"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                plan.write(vals)
        with self.assertRaises(AccessError):
            plan.write({"user_id": self.sales2.id})
        # The form sends unchanged values back: never refused.
        plan.write({"state": "draft", "user_id": self.sales.id})
        self.assertEqual(plan.state, "draft")

    def test_plan_needs_objectives_and_half_year(self):
        with self.assertRaisesRegex(ValidationError, "1 January or 1 July"):
            self._plan(self.sales, self.customer, period_start="2027-02-01")
        with self.assertRaisesRegex(ValidationError, "ends on"):
            self._plan(self.sales, self.customer, period_end="2027-12-31")
        plan = self._plan(
            self.sales,
            self.customer,
            period_start="2027-07-01",
            period_end="2027-12-31",
            objectives=False,
        )
        with self.assertRaisesRegex(UserError, "development objectives"):
            plan.action_submit()

    def test_plan_reminder_before_half_year(self):
        self.env["ir.config_parameter"].set_param(
            "freight_crm.key_account_plan_reminder_days", 30
        )
        self._plan(self.sales2, self.customer2)
        with freeze_time("2026-11-20"):
            self.assertFalse(self.Plan._cron_freight_plan_reminder())
        with freeze_time("2026-12-05"):
            reminded = self.Plan._cron_freight_plan_reminder()
            self.assertIn(self.customer, reminded)
            self.assertNotIn(self.customer2, reminded)
            activity = self.customer.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref(PLAN_DUE)
            )
            self.assertEqual(activity.user_id, self.sales)
            self.assertEqual(activity.date_deadline, date(2027, 1, 1))
            self.assertNotIn(self.customer, self.Plan._cron_freight_plan_reminder())

    # Churn ---------------------------------------------------------------
    def test_churn_detected_exactly_once(self):
        Partner = self.env["res.partner"]
        Churn = self.env["freight.customer.churn"]
        self.env["ir.config_parameter"].set_param(
            "freight_crm.churn_volume_drop_percent", 30
        )
        self.env["ir.config_parameter"].set_param("freight_crm.churn_batch_size", 1)
        Partner._cron_freight_detect_churn()
        self.assertFalse(Churn.search([("partner_id", "=", self.customer.id)]))
        self.assertEqual(self.customer.freight_volume_peak, 10000000)
        self.customer.freight_annual_volume = 7500000
        self.assertNotIn(self.customer, Partner._cron_freight_detect_churn().partner_id)
        self.customer.freight_annual_volume = 6000000
        cases = Partner._cron_freight_detect_churn()
        case = cases.filtered(lambda c: c.partner_id == self.customer)
        self.assertEqual(len(case), 1)
        self.assertEqual(case.volume_drop, 40.0)
        self.assertEqual(case.user_id, self.sales)
        self.assertEqual(case.activity_ids.user_id, self.sales)
        self.assertFalse(Partner._cron_freight_detect_churn())
        self.assertEqual(Churn.search_count([("partner_id", "=", self.customer.id)]), 1)
        # Recovered: the volume seen now is the new reference.
        case.with_user(self.sales).action_recover()
        self.assertEqual(self.customer.freight_volume_peak, 6000000)
        self.assertFalse(Partner._cron_freight_detect_churn())

    def test_churn_state_by_buttons_only(self):
        case = (
            self.env["freight.customer.churn"]
            .with_user(self.sales)
            .create({"partner_id": self.customer.id, "warning_signs": "询价减少。"})
        )
        case.write({"reason": "竞争对手降价。", "recovery_actions": "拜访物流总监。"})
        with self.assertRaisesRegex(ValidationError, "already has an open churn case"):
            self.env["freight.customer.churn"].with_user(self.sales).create(
                {"partner_id": self.customer.id}
            )
        with self.assertRaisesRegex(UserError, "Recovered and Lost"):
            case.write({"state": "lost"})
        with self.assertRaises(AccessError):
            case.action_lose()
        with self.assertRaises(ValidationError):
            self.env["freight.customer.churn"].with_user(self.sales).create(
                {"partner_id": self.customer.id, "state": "bogus"}
            )
        case.with_user(self.manager).action_lose()
        self.assertEqual(case.state, "lost")
        with self.assertRaisesRegex(UserError, "kept on file"):
            case.with_user(self.manager).unlink()

    def test_settings_refuse_bad_numbers(self):
        Settings = self.env["res.config.settings"]
        for vals in (
            {"freight_churn_volume_drop_percent": 150},
            {"freight_plan_reminder_days": -1},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Settings.create(vals)
        # The batch size is a technical knob, off the Settings screen: a
        # stored 0 is read as the smallest batch, not refused.
        self.assertNotIn("freight_churn_batch_size", Settings._fields)
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.churn_batch_size", 0
        )
        params = self.env["res.partner"]._freight_churn_params()
        self.assertEqual(params["freight_crm.churn_batch_size"], 1)

    # Screens -------------------------------------------------------------
    def test_views_open_for_every_role(self):
        models = (
            "freight.key.account.plan",
            "freight.key.account.watch",
            "freight.customer.churn",
            "freight.credit.investigation",
        )
        for user in (self.sales, self.service, self.manager):
            for model in models:
                with self.subTest(user=user.login, model=model):
                    views = (
                        self.env[model]
                        .with_user(user)
                        .get_views(
                            [(False, "list"), (False, "form"), (False, "search")]
                        )
                    )
                    self.assertIn("form", views["views"])
            form = self.env["res.partner"].with_user(user).get_views([(False, "form")])
            fields = form["models"]["res.partner"]["fields"]
            self.assertTrue(
                {"freight_business_scope", "freight_nda_signed_date"} <= set(fields)
            )

    def test_plan_form_as_salesperson(self):
        with Form(self.Plan.with_user(self.sales)) as form:
            form.partner_id = self.customer
            form.period_start = date(2027, 7, 1)
            self.assertEqual(form.period_end, date(2027, 12, 31))
            form.objectives = "下半年进入其欧洲线供应商名单。"
        plan = form.record
        self.assertEqual((plan.state, plan.user_id), ("draft", self.sales))
        plan.with_user(self.sales).action_submit()
        self.assertEqual(plan.state, "submitted")

    # Customer file -------------------------------------------------------
    def test_business_scope_and_nda_in_customer_file(self):
        customer = self.customer.with_user(self.sales)
        customer.write(
            {
                "freight_business_scope": "国际货运代理;货物进出口。",
                "freight_nda_signed_date": "2026-03-01",
            }
        )
        self.assertEqual(customer.freight_nda_signed_date, date(2026, 3, 1))
        plain = new_test_user(self.env, login="ka_plain", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.customer.with_user(plain).read(["freight_business_scope"])
