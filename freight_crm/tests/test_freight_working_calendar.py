# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

import pytz
from freezegun import freeze_time

from odoo.tests import tagged

from .common import FreightContractCase

SHANGHAI = pytz.timezone("Asia/Shanghai")


def shanghai(*args):
    """An aware datetime from a Shanghai wall-clock time."""
    return SHANGHAI.localize(datetime(*args))


@tagged("post_install", "-at_install")
class TestFreightWorkingCalendar(FreightContractCase):
    """China's working calendar: public holidays off, make-up days worked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref("freight_crm.resource_calendar_china")
        cls.company = cls.env.company
        cls.company.resource_calendar_id = cls.calendar
        cls.prospect_partner = cls.env["res.partner"].create(
            {
                "name": "宁波港城国际物流有限公司",
                "is_company": True,
                "user_id": cls.sales.id,
                "freight_customer_state": "potential",
            }
        )

    def _deadline(self, days, after_day):
        calendar = self.company.resource_calendar_id
        start = calendar._freight_start_of_next_day(after_day)
        return calendar._freight_plan_working_days(days, start)

    def test_calendar_hours(self):
        self.assertEqual(self.calendar.tz, "Asia/Shanghai")
        self.assertFalse(self.calendar.company_id)
        # Monday 9:00-12:00 and 13:00-18:00: eight hours, none on Saturday.
        hours = self.calendar.get_work_hours_count(
            shanghai(2026, 11, 23), shanghai(2026, 11, 24)
        )
        self.assertEqual(hours, 8)
        saturday = self.calendar.get_work_hours_count(
            shanghai(2026, 11, 21), shanghai(2026, 11, 22)
        )
        self.assertEqual(saturday, 0)

    def test_public_holidays_of_two_years(self):
        leaves = self.calendar.leave_ids.filtered(
            lambda leave: leave.time_type == "leave"
        )
        for year in ("2026", "2027"):
            names = {
                leave.name.split(" ", 1)[1]
                for leave in leaves
                if leave.name.startswith(year)
            }
            self.assertEqual(
                names,
                {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"},
            )

    def test_national_day_skipped(self):
        # The day after 30 September 2026: 1-7 October are off, 8 October
        # is the first working day.
        deadline = self._deadline(1, date(2026, 9, 30))
        self.assertEqual(deadline.date(), date(2026, 10, 8))
        self.assertEqual(
            self.calendar.get_work_hours_count(
                shanghai(2026, 10, 1), shanghai(2026, 10, 2)
            ),
            0,
        )

    def test_makeup_saturday_counted(self):
        # 8 (Thursday), 9 (Friday), then Saturday 10 October 2026, a make-up
        # working day.
        deadline = self._deadline(3, date(2026, 9, 30))
        self.assertEqual(
            pytz.utc.localize(deadline).astimezone(SHANGHAI),
            shanghai(2026, 10, 10, 18, 0),
        )
        # Sunday 20 September 2026, make-up day before National Day.
        self.assertEqual(self._deadline(1, date(2026, 9, 18)).date(), date(2026, 9, 20))
        hours = self.calendar.get_work_hours_count(
            shanghai(2026, 10, 10), shanghai(2026, 10, 11)
        )
        self.assertEqual(hours, 8)

    def test_working_hours_honour_the_calendar(self):
        # Eight working hours from Friday 9 October 2026 18:00: the make-up
        # Saturday; from 30 September 18:00: 8 October.
        planned = self.calendar.plan_hours(
            8, shanghai(2026, 10, 9, 18, 0), compute_leaves=True
        )
        self.assertEqual(planned, shanghai(2026, 10, 10, 18, 0))
        planned = self.calendar.plan_hours(
            2, shanghai(2026, 9, 30, 18, 0), compute_leaves=True
        )
        self.assertEqual(planned, shanghai(2026, 10, 8, 11, 0))

    def test_due_diligence_across_national_day(self):
        with freeze_time("2026-09-30 03:00:00"):
            self.prospect_partner.with_user(
                self.sales
            ).freight_first_contact_date = date(2026, 9, 30)
        # Three working days: 8, 9 and the make-up Saturday 10 October.
        self.assertEqual(
            self.prospect_partner.freight_due_diligence_deadline, date(2026, 10, 10)
        )

    def test_demo_company(self):
        if not self.env.ref("base.module_freight_crm").demo:
            self.skipTest("demo data not installed")
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "上海远航国际货运代理有限公司")
        cny = self.env.ref("base.CNY")
        self.assertTrue(cny.active)
        if self.env["ir.module.module"]._get("account").state != "installed":
            # With accounting, account's demo posts its invoices in the
            # generic chart's currency before: the currency cannot change.
            self.assertEqual(company.currency_id, cny)
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertEqual(company.city, "上海")
        self.assertTrue(company.logo)
        self.assertEqual(company.resource_calendar_id, self.calendar)
        self.assertEqual(self.env.ref("base.user_admin").tz, "Asia/Shanghai")
