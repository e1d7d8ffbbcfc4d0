# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestCustomerCare(FreightVisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.greeting = cls.env.ref("freight_crm_visits.mail_activity_type_greeting")
        cls.c_customer = cls._make_customer("测试客户C有限公司", cls.grade_c)

    def _greetings(self, partner):
        return partner.activity_ids.filtered(
            lambda a: a.activity_type_id == self.greeting
        )

    def test_china_holidays_shipped(self):
        holidays = self.env["freight.public.holiday"].search(
            [
                ("date_from", ">=", date(2026, 1, 1)),
                ("date_from", "<", date(2028, 1, 1)),
            ]
        )
        self.assertEqual(len(holidays), 14)
        spring = self.env.ref("freight_crm_visits.public_holiday_cn_2026_spring")
        self.assertEqual(spring.date_from, date(2026, 2, 15))

    def test_holiday_dates_checked(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.env["freight.public.holiday"].create(
                {
                    "name": "Wrong",
                    "date_from": date(2026, 5, 5),
                    "date_to": date(2026, 5, 1),
                }
            )

    @freeze_time("2026-09-28")
    def test_holiday_greetings_per_grade_once(self):
        self.grade_c.freight_care_holiday = False
        self.env["res.partner"]._cron_freight_customer_care()
        national = self._greetings(self.customer)
        self.assertEqual(len(national), 1)
        self.assertEqual(national.date_deadline, date(2026, 10, 1))
        self.assertEqual(national.user_id, self.salesperson)
        self.assertFalse(self._greetings(self.c_customer))
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertEqual(len(self._greetings(self.customer)), 1)

    @freeze_time("2026-09-28")
    def test_greeting_without_salesperson_goes_to_grade_maintainer(self):
        self.grade_c.maintainer_user_id = self.manager
        self.c_customer.user_id = False
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertEqual(self._greetings(self.c_customer).user_id, self.manager)

    @freeze_time("2026-06-15")
    def test_anniversary_greetings(self):
        self.customer.freight_founding_date = date(2008, 6, 18)
        self.other_customer.freight_cooperation_start = date(2020, 6, 18)
        self.c_customer.freight_founding_date = date(2010, 6, 18)
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertEqual(len(self._greetings(self.customer)), 1)
        self.assertEqual(
            self._greetings(self.customer).date_deadline, date(2026, 6, 18)
        )
        self.assertEqual(len(self._greetings(self.other_customer)), 1)
        # Grade C gets no anniversary greeting.
        self.assertFalse(self._greetings(self.c_customer))

    def test_reassignment_wizard_is_logged(self):
        visit = self._make_visit(self.customer, date(2026, 3, 1))
        wizard = Form(
            self.env["freight.customer.reassign.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_ids=self.customer.ids)
        )
        wizard.user_id = self.salesperson2
        wizard.reason = "Customer eliminated from Li's portfolio"
        wizard.save().action_reassign()
        self.assertEqual(self.customer.user_id, self.salesperson2)
        self.assertEqual(visit.user_id, self.salesperson2)
        self.assertTrue(
            self.customer.message_ids.filtered(
                lambda m: "eliminated from" in (m.body or "")
            )
        )

    def test_reassignment_by_salesperson_refused(self):
        wizard = (
            self.env["freight.customer.reassign.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "partner_ids": [(6, 0, self.customer.ids)],
                    "user_id": self.salesperson2.id,
                    "reason": "x",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "Only a Freight CRM manager"):
            wizard.with_user(self.salesperson).action_reassign()
        self.assertEqual(self.customer.user_id, self.salesperson)
