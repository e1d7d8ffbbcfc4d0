# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytz
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import FreightVisitCase

SHANGHAI = pytz.timezone("Asia/Shanghai")
MIGRATION = (
    Path(__file__).parent.parent / "migrations" / "19.0.1.2.0" / "post-migration.py"
)


def shanghai_day(day):
    """Midnight starting ``day`` in Shanghai, as a naive UTC datetime."""
    return (
        SHANGHAI.localize(datetime.combine(day, time.min))
        .astimezone(pytz.utc)
        .replace(tzinfo=None)
    )


@tagged("post_install", "-at_install")
class TestCustomerCare(FreightVisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.greeting = cls.env.ref("freight_crm_visits.mail_activity_type_greeting")
        cls.c_customer = cls._make_customer("测试客户C有限公司", cls.grade_c)
        cls.calendar = cls.env.ref("freight_crm.resource_calendar_china")
        cls.env.company.resource_calendar_id = cls.calendar
        # Whatever the cron of the database already greeted.
        cls.calendar.leave_ids.write(
            {"freight_greeting": True, "freight_greetings_sent": False}
        )

    def _greetings(self, partner):
        return partner.activity_ids.filtered(
            lambda a: a.activity_type_id == self.greeting
        )

    def _leave(self, name, first_day, last_day=None, **vals):
        """A day off of the China calendar, from ``first_day`` to
        ``last_day`` (Shanghai days, both included)."""
        return self.env["resource.calendar.leaves"].create(
            {
                "name": name,
                "calendar_id": self.calendar.id,
                "date_from": shanghai_day(first_day),
                "date_to": shanghai_day((last_day or first_day) + timedelta(days=1))
                - timedelta(seconds=1),
                **vals,
            }
        )

    def test_china_holidays_shipped(self):
        holidays = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.calendar.id),
                ("resource_id", "=", False),
                ("time_type", "=", "leave"),
                ("date_from", ">=", shanghai_day(date(2026, 1, 1))),
                ("date_from", "<", shanghai_day(date(2028, 1, 1))),
            ]
        )
        self.assertEqual(len(holidays), 14)
        spring = self.env.ref("freight_crm.resource_calendar_china_holiday_2026_spring")
        self.assertEqual(spring.date_from, shanghai_day(date(2026, 2, 15)))

    def test_holiday_dates_checked(self):
        with self.assertRaisesRegex(ValidationError, "earlier than the end date"):
            self.env["resource.calendar.leaves"].create(
                {
                    "name": "Wrong",
                    "calendar_id": self.calendar.id,
                    "date_from": shanghai_day(date(2026, 5, 5)),
                    "date_to": shanghai_day(date(2026, 5, 1)),
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

    @freeze_time("2026-09-28")
    def test_greeting_names_the_holiday_and_marks_it_sent(self):
        national = self.env.ref(
            "freight_crm.resource_calendar_china_holiday_2026_national"
        )
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertEqual(
            self._greetings(self.customer).summary, "Greeting: 2026 国庆节"
        )
        self.assertTrue(national.freight_greetings_sent)

    @freeze_time("2026-09-28")
    def test_no_greeting_for_a_holiday_switched_off(self):
        self.env.ref(
            "freight_crm.resource_calendar_china_holiday_2026_national"
        ).freight_greeting = False
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertFalse(self._greetings(self.customer))

    @freeze_time("2026-09-17")
    def test_no_greeting_for_makeup_working_days(self):
        # 20 September 2026 is a make-up working day (调休上班), the only
        # day off of the calendar in the next three days.
        makeup = self.env.ref(
            "freight_crm.resource_calendar_china_makeup_2026_national_1"
        )
        self._leave("调休上班", date(2026, 9, 19), time_type="freight_makeup_workday")
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertFalse(self._greetings(self.customer))
        self.assertFalse(makeup.freight_greetings_sent)

    @freeze_time("2026-08-07")
    def test_no_greeting_for_a_resource_own_leave(self):
        resource = self.env["resource.resource"].create(
            {"name": "李明", "calendar_id": self.calendar.id}
        )
        own = self._leave("年假", date(2026, 8, 10), resource_id=resource.id)
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertFalse(self._greetings(self.customer))
        self.assertFalse(own.freight_greetings_sent)

    def test_holiday_entered_one_leave_per_day_greeted_once(self):
        days = [self._leave("2026 测试节", date(2026, 8, day)) for day in (10, 11)]
        with freeze_time("2026-08-07"):
            self.env["res.partner"]._cron_freight_customer_care()
        # A day added to the holiday once greeted continues it.
        days.append(self._leave("2026 测试节", date(2026, 8, 12)))
        for today in ("2026-08-08", "2026-08-09", "2026-08-10"):
            with freeze_time(today):
                self.env["res.partner"]._cron_freight_customer_care()
        greetings = self._greetings(self.customer)
        self.assertEqual(len(greetings), 1)
        self.assertEqual(greetings.date_deadline, date(2026, 8, 10))
        self.assertTrue(all(day.freight_greetings_sent for day in days[:2]))

    @freeze_time("2026-09-28")
    def test_customer_greeted_on_its_company_calendar(self):
        brussels = self.env["resource.calendar"].create(
            {"name": "Brussels", "tz": "Europe/Brussels"}
        )
        company = self.env["res.company"].create(
            {"name": "远航欧洲有限公司", "resource_calendar_id": brussels.id}
        )
        self.salesperson.company_ids |= company
        european = self._make_customer("测试客户欧洲", self.grade_a)
        european.company_id = company
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Fête de la Communauté",
                "calendar_id": brussels.id,
                "company_id": company.id,
                # 30 September, midnight in Brussels.
                "date_from": datetime(2026, 9, 29, 22, 0),
                "date_to": datetime(2026, 9, 30, 21, 59, 59),
            }
        )
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertEqual(
            self._greetings(european).summary, "Greeting: Fête de la Communauté"
        )
        self.assertEqual(self._greetings(european).date_deadline, date(2026, 9, 30))
        self.assertEqual(
            self._greetings(self.customer).summary, "Greeting: 2026 国庆节"
        )

    def test_manager_keeps_the_holidays_greetings(self):
        national = self.env.ref(
            "freight_crm.resource_calendar_china_holiday_2026_national"
        )
        action = (
            self.env["resource.calendar.leaves"]
            .with_user(self.manager)
            .action_freight_holidays()
        )
        holidays = self.env["resource.calendar.leaves"].with_user(self.manager)
        found = holidays.with_context(**action["context"]).search(action["domain"])
        self.assertIn(national, found)
        self.assertNotIn(
            self.env.ref("freight_crm.resource_calendar_china_makeup_2026_national_1"),
            found,
        )
        self.assertEqual(action["context"]["default_calendar_id"], self.calendar.id)
        national.with_user(self.manager).freight_greeting = False
        self.assertFalse(national.freight_greeting)
        with self.assertRaises(AccessError):
            national.with_user(self.salesperson).freight_greeting = True

    @freeze_time("2026-09-28")
    def test_migration_carries_the_greetings_of_the_old_holidays(self):
        national = self.env.ref(
            "freight_crm.resource_calendar_china_holiday_2026_national"
        )
        dragon_boat = self.env.ref(
            "freight_crm.resource_calendar_china_holiday_2027_dragon_boat"
        )
        spring = self.env.ref("freight_crm.resource_calendar_china_holiday_2027_spring")
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            """
            CREATE TABLE freight_public_holiday (
                id serial PRIMARY KEY, name jsonb, date_from date,
                date_to date, greeting boolean, greetings_sent boolean
            );
            INSERT INTO freight_public_holiday
                   (name, date_from, date_to, greeting, greetings_sent)
            VALUES ('{"en_US": "National Day"}', '2026-10-01', '2026-10-07',
                    TRUE, TRUE),
                   ('{"en_US": "Dragon Boat Festival"}', '2027-06-09',
                    '2027-06-11', FALSE, FALSE),
                   ('{"en_US": "Spring Festival"}', '2027-02-05', '2027-02-13',
                    TRUE, NULL);
            INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
            VALUES ('freight_crm_visits', 'public_holiday_cn_test',
                    'freight.public.holiday', 1, TRUE);
            """
        )
        spec = importlib.util.spec_from_file_location("post_migration", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(cr, "19.0.1.1.0")
        self.env.invalidate_all()
        self.assertTrue(national.freight_greetings_sent)
        self.assertFalse(dragon_boat.freight_greeting)
        self.assertTrue(spring.freight_greeting)
        self.assertFalse(spring.freight_greetings_sent)
        cr.execute("SELECT to_regclass('freight_public_holiday')")
        self.assertIsNone(cr.fetchone()[0])
        self.assertFalse(
            self.env["ir.model.data"].search([("model", "=", "freight.public.holiday")])
        )
        # The National Day was greeted before the update: not again.
        self.env["res.partner"]._cron_freight_customer_care()
        self.assertFalse(self._greetings(self.customer))

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
