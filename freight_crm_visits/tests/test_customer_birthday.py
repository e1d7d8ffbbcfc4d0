# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestCustomerBirthday(FreightVisitCase):
    """Birthday greetings for the customers' contact persons (生日祝福)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.birthday = cls.env.ref("freight_crm_visits.mail_activity_type_birthday")
        cls.contact = (
            cls.env["res.partner"]
            .with_user(cls.salesperson)
            .create(
                {
                    "name": "王经理",
                    "parent_id": cls.customer.id,
                    "freight_birthday": date(1980, 6, 18),
                }
            )
        )

    def _greetings(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", self.birthday.id),
            ]
        )

    def _care(self):
        self.env["res.partner"]._cron_freight_customer_care()

    def _contact(self, customer, birthday, name="李主任"):
        return self.env["res.partner"].create(
            {"name": name, "parent_id": customer.id, "freight_birthday": birthday}
        )

    @freeze_time("2026-06-15")
    def test_greeting_before_birthday_once_a_year(self):
        self.assertEqual(self.contact.freight_birthday_mmdd, 618)
        self._care()
        greeting = self._greetings(self.customer)
        self.assertEqual(len(greeting), 1)
        self.assertEqual(greeting.date_deadline, date(2026, 6, 18))
        self.assertEqual(greeting.user_id, self.salesperson)
        self.assertIn("王经理", greeting.summary)
        self.assertEqual(self.contact.freight_birthday_greeted_year, 2026)
        # Runs again the same day and the next ones: still one greeting.
        self._care()
        with freeze_time("2026-06-17"):
            self._care()
        self.assertEqual(len(self._greetings(self.customer)), 1)
        # The salesperson finds it on their customer.
        self.assertIn(greeting, self.customer.with_user(self.salesperson).activity_ids)
        with freeze_time("2027-06-15"):
            self._care()
        self.assertEqual(len(self._greetings(self.customer)), 2)

    @freeze_time("2026-06-10")
    def test_missed_days_are_caught_up_and_lead_days_setting(self):
        self._care()
        self.assertFalse(self._greetings(self.customer))
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm_visits.care_lead_days", 10
        )
        self._care()
        self.assertEqual(
            self._greetings(self.customer).date_deadline, date(2026, 6, 18)
        )

    @freeze_time("2026-12-30")
    def test_birthday_early_next_year(self):
        self.contact.freight_birthday = date(1975, 1, 1)
        self._care()
        greeting = self._greetings(self.customer)
        self.assertEqual(greeting.date_deadline, date(2027, 1, 1))
        self.assertEqual(self.contact.freight_birthday_greeted_year, 2027)

    @freeze_time("2027-02-26")
    def test_leap_day_birthday_in_common_year(self):
        self.contact.freight_birthday = date(2000, 2, 29)
        self._care()
        self.assertEqual(
            self._greetings(self.customer).date_deadline, date(2027, 2, 28)
        )

    @freeze_time("2026-06-15")
    def test_only_contacts_of_cared_customers(self):
        eliminated = self._make_customer("淘汰客户有限公司", self.grade_b)
        eliminated.freight_customer_state = "eliminated"
        self._contact(eliminated, date(1985, 6, 17))
        self._contact(self.other_customer, date(1985, 6, 17))
        plain = self.env["res.partner"].create({"name": "普通公司", "is_company": True})
        self._contact(plain, date(1985, 6, 17))
        self.grade_b.freight_care_birthday = False
        self._care()
        self.assertTrue(self._greetings(self.customer))
        self.assertFalse(self._greetings(self.other_customer))
        self.assertFalse(self._greetings(eliminated))
        self.assertFalse(self._greetings(plain))

    def test_birthday_is_part_of_the_confidential_file(self):
        with self.assertRaisesRegex(ValidationError, "cannot lie in the future"):
            self.contact.with_user(self.salesperson).freight_birthday = date(2999, 1, 1)
        # Another salesperson does not see the contact of a customer not theirs.
        with self.assertRaises(AccessError):
            self.contact.with_user(self.salesperson2).read(["freight_birthday"])
        # An internal user without a freight role reads the contact, not
        # its birthday.
        employee = new_test_user(
            self.env, login="fv_employee", groups="base.group_user"
        )
        self.assertEqual(self.contact.with_user(employee).name, "王经理")
        with self.assertRaises(AccessError):
            self.contact.with_user(employee).read(["freight_birthday"])
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.contact.with_user(
                self.salesperson
            ).freight_birthday_greeted_year = 2030

    def test_birthday_on_the_customer_form(self):
        form = Form(self.customer.with_user(self.salesperson))
        with form.child_ids.new() as contact:
            contact.name = "赵总"
            contact.freight_birthday = date(1970, 3, 7)
        form.save()
        new = self.customer.child_ids.filtered(lambda c: c.name == "赵总")
        self.assertEqual(new.freight_birthday_mmdd, 307)
        with Form(self.contact.with_user(self.salesperson)) as form:
            form.freight_birthday = date(1981, 7, 1)
        self.assertEqual(self.contact.freight_birthday_mmdd, 701)

    def _queries_for(self, count, day):
        self.env["res.partner"].create(
            [
                {
                    "name": f"联系人{day}-{index}",
                    "parent_id": self.customer.id,
                    "freight_birthday": date(1990, 8, day),
                }
                for index in range(count)
            ]
        )
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        with freeze_time(f"2026-08-{day - 3:02d}"):
            self._care()
            self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_greetings_are_batched(self):
        few = self._queries_for(2, 10)
        many = self._queries_for(40, 20)
        self.assertEqual(len(self._greetings(self.customer)), 42)
        self.assertGreater(few, 0)
        self.assertLessEqual(many, few + 5)
