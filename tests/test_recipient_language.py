# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Activities that scheduled actions create for a salesperson read in that
salesperson's language, not in the language of the user running the cron."""

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRecipientLanguage(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["freight_crm", "freight_crm_visits"], ["zh_CN"]
        )
        cls.salesperson = new_test_user(
            cls.env,
            login="lang_sales_zh",
            groups="freight_crm.group_freight_salesperson",
            lang="zh_CN",
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "宁波甬达国际物流有限公司",
                "is_company": True,
                "user_id": cls.salesperson.id,
                "freight_customer_state": "signed",
            }
        )
        # The cron's own user reads English.
        cls.cron_env = cls.env(context=dict(cls.env.context, lang="en_US"))

    def test_grade_change_activity_in_salesperson_language(self):
        partner = self.customer.with_env(self.cron_env)
        partner._freight_change_grades(
            {partner: self.env.ref("freight_crm.grade_c")}, "rule", notify=True
        )
        activity = self.customer.activity_ids.filtered(
            lambda a: a.user_id == self.salesperson
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("等级由", activity.summary)

    def test_planned_visit_activity_in_salesperson_language(self):
        self.customer.freight_grade_id = self.env.ref("freight_crm.grade_a")
        self.env.flush_all()
        visit_type = self.env.ref("freight_crm_visits.mail_activity_type_visit")
        expected = visit_type.with_context(lang="zh_CN").summary
        self.assertNotEqual(expected, visit_type.with_context(lang="en_US").summary)
        self.env["res.partner"].with_env(self.cron_env)._cron_freight_plan_visits()
        visit = self.env["freight.visit"].search(
            [("partner_id", "=", self.customer.id), ("state", "=", "planned")]
        )
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.activity_ids.summary, expected)

    def test_due_diligence_activity_in_salesperson_language(self):
        activity_type = self.env.ref("freight_crm.mail_activity_due_diligence")
        expected = activity_type.with_context(lang="zh_CN").summary
        self.assertNotEqual(expected, activity_type.with_context(lang="en_US").summary)
        prospect = (
            self.env["res.partner"]
            .with_env(self.cron_env)
            .create(
                {
                    "name": "宁波新港供应链管理有限公司",
                    "is_company": True,
                    "user_id": self.salesperson.id,
                    "freight_customer_state": "potential",
                    "freight_first_contact_date": "2026-11-02",
                }
            )
        )
        activity = prospect.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.summary, expected)

    def test_submission_note_in_reviewer_language(self):
        """A salesperson writing Chinese submits a relationship plan; each
        reviewer reads the note in their own language."""
        customer = self.env["res.partner"].create(
            {
                "name": "苏州恒通精密机械有限公司",
                "is_company": True,
                "user_id": self.salesperson.id,
                "freight_customer_state": "signed",
                "freight_contribution_value": 2000000,
            }
        )
        for lang, expected, start, end in (
            ("en_US", "for your approval", "2027-01-01", "2027-06-30"),
            ("zh_CN", "请您审批", "2027-07-01", "2027-12-31"),
        ):
            with self.subTest(reviewer_lang=lang):
                managers = self.env["freight.key.account.plan"]._freight_group_members(
                    "freight_crm.group_freight_manager"
                )
                managers.write({"lang": lang})
                plan = (
                    self.env["freight.key.account.plan"]
                    .with_user(self.salesperson)
                    .with_context(lang="zh_CN")
                    .create(
                        {
                            "partner_id": customer.id,
                            "period_start": start,
                            "period_end": end,
                            "objectives": "承接华东出口整柜业务的50%。",
                        }
                    )
                )
                plan.action_submit()
                self.assertEqual(plan.reviewer_id.lang, lang)
                self.assertIn(expected, str(plan.sudo().activity_ids.note))
