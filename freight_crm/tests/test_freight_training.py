# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

EVALUATION = "freight_crm.mail_activity_customer_training_evaluation"


@tagged("post_install", "-at_install")
class TestFreightTraining(TransactionCase):
    """Customer trainings and their effect evaluation, staff training hours
    against the yearly minimum, as the roles that keep them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = new_test_user(
            cls.env, login="tr_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.sales2 = new_test_user(
            cls.env, login="tr_sales2", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="tr_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="tr_manager", groups="freight_crm.group_freight_manager"
        )
        cls.env["ir.config_parameter"].set_param(
            "freight_crm.allow_self_approval", False
        )
        cls.customer = cls._customer("宁波远洋进出口有限公司", cls.sales)
        cls.customer2 = cls._customer("青岛海达国际贸易有限公司", cls.sales2)
        cls.Training = cls.env["freight.customer.training"]
        cls.Staff = cls.env["freight.staff.training"]
        cls.Report = cls.env["freight.staff.training.report"]

    @classmethod
    def _customer(cls, name, user):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "freight_customer_state": "signed",
                "user_id": user.id,
            }
        )

    def _training(self, user, partner, **values):
        return (
            self.Training.with_user(user)
            .create(
                {
                    "partner_id": partner.id,
                    "topic": "海运订舱与截单截关流程",
                    "date": "2026-03-02",
                    "duration": 3,
                    "content": "订舱委托书、截单截关时间、VGM申报。",
                    **values,
                }
            )
            .with_user(user)
        )

    # Customer training ----------------------------------------------------
    def test_training_done_then_evaluated(self):
        training = self._training(self.sales, self.customer)
        self.assertEqual(training.state, "planned")
        training.action_done()
        self.assertEqual(training.state, "done")
        activity = training.activity_ids
        self.assertEqual(activity.activity_type_id, self.env.ref(EVALUATION))
        self.assertEqual(activity.user_id, self.sales)
        with self.assertRaisesRegex(UserError, "effect and the evaluation"):
            training.action_evaluate()
        training.write(
            {
                "evaluation_result": "effective",
                "evaluation_score": 85,
                "evaluation_comment": "订舱差错明显减少。",
            }
        )
        training.action_evaluate()
        self.assertEqual(training.state, "evaluated")
        self.assertEqual(training.evaluated_by_id, self.sales)
        self.assertTrue(training.evaluated_date)
        self.assertFalse(training.activity_ids)

    def test_done_needs_content_duration_and_past_date(self):
        training = self._training(self.service, self.customer, duration=0)
        with self.assertRaisesRegex(UserError, "duration and the content"):
            training.action_done()
        training.write({"duration": 2, "date": "2099-01-05"})
        with self.assertRaisesRegex(UserError, "future"):
            training.action_done()
        self.assertEqual(training.state, "planned")

    def test_bad_figures_refused(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 24 hours"):
            self._training(self.sales, self.customer, duration=-2)
        with self.assertRaisesRegex(ValidationError, "between 0 and 24 hours"):
            self._training(self.sales, self.customer, duration=30)
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self._training(self.sales, self.customer, evaluation_score=120)
        contact = self.env["res.partner"].create({"name": "张三"})
        with self.assertRaisesRegex(ValidationError, "not a freight customer"):
            self._training(self.manager, contact)

    def test_forged_state_refused(self):
        with self.assertRaises(UserError):
            self._training(self.sales, self.customer, state="evaluated")
        training = self._training(self.sales, self.customer)
        for vals in (
            {"state": "done"},
            {"evaluated_by_id": self.manager.id},
            {"evaluated_date": "2026-03-05"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                training.write(vals)
        training.write({"state": "planned", "topic": "拼箱操作流程"})
        self.assertEqual(training.topic, "拼箱操作流程")

    def test_held_and_evaluated_training_is_kept(self):
        training = self._training(self.sales, self.customer)
        training.action_done()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            training.write({"duration": 5})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            training.unlink()
        training.write(
            {
                "evaluation_result": "partly",
                "evaluation_comment": "单证部分仍有差错。",
            }
        )
        training.action_evaluate()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            training.write({"evaluation_comment": "改写"})

    def test_salesperson_sees_own_customers_trainings(self):
        mine = self._training(self.sales, self.customer)
        theirs = self._training(self.sales2, self.customer2)
        self.assertEqual(self.Training.with_user(self.sales).search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.sales).read(["topic"])
        with self.assertRaises(AccessError):
            self._training(self.sales, self.customer2)
        by_service = self._training(self.service, self.customer2)
        found = self.Training.with_user(self.service).search([])
        self.assertEqual(
            found & (mine | theirs | by_service), mine | theirs | by_service
        )

    # Staff training hours -------------------------------------------------
    def _staff(self, user, hours, **values):
        return (
            self.Staff.with_user(user)
            .create(
                {
                    "course": "海运危险品申报",
                    "date": "2026-04-10",
                    "hours": hours,
                    **values,
                }
            )
            .with_user(user)
        )

    def _row(self, user, year):
        return self.Report.search([("user_id", "=", user.id), ("year", "=", year)])

    def test_hours_count_once_confirmed_by_another_manager(self):
        training = self._staff(self.sales, 30)
        row = self._row(self.sales, 2026)
        self.assertEqual(row.hours, 0)
        self.assertEqual(row.role, "account_manager")
        self.assertEqual(row.minimum_hours, 40)
        with self.assertRaises(AccessError):
            training.action_confirm()
        training.with_user(self.manager).action_confirm()
        self.assertEqual(training.confirmed_by_id, self.manager)
        self.Report.invalidate_model()
        row = self._row(self.sales, 2026)
        self.assertEqual(row.hours, 30)
        self.assertEqual(row.shortfall, 10)
        self.assertTrue(row.below_minimum)
        self._staff(self.sales, 12).with_user(self.manager).action_confirm()
        self.Report.invalidate_model()
        self.assertFalse(self._row(self.sales, 2026).below_minimum)
        own = self._staff(self.manager, 8)
        with self.assertRaisesRegex(UserError, "your own work"):
            own.action_confirm()

    def test_minimum_per_role_from_settings(self):
        settings = self.env["res.config.settings"].create(
            {"freight_training_hours_staff": 16}
        )
        settings.execute()
        self._staff(self.service, 10).with_user(self.manager).action_confirm()
        row = self._row(self.service, 2026)
        self.assertEqual(row.role, "staff")
        self.assertEqual(row.minimum_hours, 16)
        self.assertEqual(row.shortfall, 6)
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"freight_training_hours_account_manager": -1}
            )

    @freeze_time("2026-05-01")
    def test_untrained_staff_below_minimum_this_year(self):
        below = self.Report.search(
            [("below_minimum", "=", True), ("year", "=", date.today().year)]
        )
        self.assertIn(self.sales2, below.user_id)
        self.assertIn(self.service, below.user_id)

    def test_bad_hours_and_frozen_confirmed_hours(self):
        with self.assertRaisesRegex(ValidationError, "more than 0"):
            self._staff(self.sales, -4)
        with self.assertRaisesRegex(ValidationError, "more than 0"):
            self._staff(self.sales, 0)
        training = self._staff(self.sales, 6)
        with self.assertRaises(UserError):
            training.write({"state": "confirmed"})
        with self.assertRaises(AccessError):
            training.write({"user_id": self.sales2.id})
        training.with_user(self.manager).action_confirm()
        with self.assertRaisesRegex(UserError, "is confirmed"):
            training.write({"hours": 60})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            training.unlink()

    def test_staff_sees_own_hours_only(self):
        mine = self._staff(self.sales, 6)
        theirs = self._staff(self.service, 4)
        self.assertEqual(self.Staff.with_user(self.sales).search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.sales).read(["hours"])
        self.assertEqual(
            self.Report.with_user(self.sales).search([]).user_id, self.sales
        )
        self.assertIn(
            self.service, self.Report.with_user(self.manager).search([]).user_id
        )
        outsider = new_test_user(self.env, login="tr_user", groups="base.group_user")
        with self.assertRaisesRegex(ValidationError, "not a Freight CRM"):
            self.Staff.with_user(self.manager).create(
                {"course": "外部培训", "hours": 2, "user_id": outsider.id}
            )

    def test_yearly_reminder_once_to_staff_below_minimum(self):
        Staff = self.Staff.sudo()
        self.env["ir.config_parameter"].set_param(
            "freight_crm.training_reminded_year", ""
        )
        self._staff(self.sales2, 45).with_user(self.manager).action_confirm()
        with freeze_time("2026-10-15"):
            self.assertFalse(Staff._cron_freight_training_reminder())
        with freeze_time("2026-11-05"):
            reminded = Staff._cron_freight_training_reminder()
            self.assertIn(self.sales, reminded.user_id)
            self.assertIn(self.service, reminded.user_id)
            self.assertNotIn(self.sales2, reminded.user_id)
            message = self.env["mail.message"].search(
                [("partner_ids", "in", self.sales.partner_id.id)],
                order="id desc",
                limit=1,
            )
            self.assertIn("40.0 class hours", message.body)
            self.assertFalse(Staff._cron_freight_training_reminder())
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"freight_training_reminder_days": 400}
            )
