# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SHANGHAI_OFFSET, FreightComplaintCase, shanghai


def shanghai_any(*args):
    """``shanghai`` for any wall-clock hour, early mornings included."""
    return datetime(*args) - timedelta(hours=SHANGHAI_OFFSET)


@tagged("post_install", "-at_install")
class TestFreightComplaintReplyTarget(FreightComplaintCase):
    def _reply(self, ticket, user, **kwargs):
        return ticket.with_user(user).message_post(
            body="<p>您好，我们已收到您的投诉，正在处理。</p>",
            message_type="comment",
            subtype_xmlid=kwargs.pop("subtype_xmlid", "mail.mt_comment"),
            **kwargs,
        )

    def test_reply_due_next_working_day_at_ten(self):
        # 2026-11-23 is a Monday; the office works 9-12 and 13-18.
        cases = {
            shanghai(2026, 11, 23, 19, 0): shanghai(2026, 11, 24, 10, 0),
            shanghai_any(2026, 11, 24, 7, 0): shanghai(2026, 11, 24, 10, 0),
            shanghai(2026, 11, 20, 20, 0): shanghai(2026, 11, 23, 10, 0),
            shanghai(2026, 11, 21, 11, 0): shanghai(2026, 11, 23, 10, 0),
        }
        for intake, due in cases.items():
            ticket = self._complaint(intake)
            self.assertTrue(ticket.freight_off_hours, intake)
            self.assertEqual(ticket.freight_reply_due, due, intake)
            self.assertEqual(ticket.freight_reply_state, "pending")

    def test_working_day_intake_has_no_reply_target(self):
        # The lunch break belongs to the working day.
        for hour, minute in ((9, 0), (12, 30), (17, 59)):
            ticket = self._complaint(shanghai(2026, 11, 23, hour, minute))
            self.assertFalse(ticket.freight_off_hours)
            self.assertFalse(ticket.freight_reply_due)
            self.assertFalse(ticket.freight_reply_state)

    def test_public_holiday_is_skipped(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "公司活动日",
                "calendar_id": self.calendar.id,
                "date_from": shanghai_any(2026, 11, 24, 0, 0),
                "date_to": shanghai(2026, 11, 24, 23, 59),
            }
        )
        ticket = self._complaint(shanghai(2026, 11, 23, 19, 0))
        self.assertEqual(ticket.freight_reply_due, shanghai(2026, 11, 25, 10, 0))

    def test_reply_hour_is_a_setting(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.freight_off_hours_reply_hour, 10.0)
        settings.freight_off_hours_reply_hour = 9.5
        settings.execute()
        ticket = self._complaint(shanghai(2026, 11, 23, 19, 0))
        self.assertEqual(ticket.freight_reply_due, shanghai(2026, 11, 24, 9, 30))
        with self.assertRaisesRegex(ValidationError, "reply hour"):
            self.env["res.config.settings"].create(
                {"freight_off_hours_reply_hour": 25.0}
            )

    def test_reply_on_time_counts_customer_visible_messages_only(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 19, 0))
        with freeze_time(shanghai(2026, 11, 24, 8, 0)):
            self._reply(ticket, self.service, subtype_xmlid="mail.mt_note")
            # The customer's own message, as the mail gateway records it.
            ticket.sudo().message_post(
                body="<p>请尽快处理。</p>",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                author_id=self.customer.id,
            )
            # An automated message of the system.
            ticket.message_post(
                body="<p>已收到。</p>",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                author_id=self.env.ref("base.partner_root").id,
            )
        self.assertFalse(ticket.freight_first_reply_date)
        with freeze_time(shanghai(2026, 11, 24, 9, 45)):
            self._reply(ticket, self.service)
        self.assertEqual(ticket.freight_first_reply_date, shanghai(2026, 11, 24, 9, 45))
        self.assertEqual(ticket.freight_reply_state, "on_time")
        with freeze_time(shanghai(2026, 11, 24, 11, 0)):
            self._reply(ticket, self.supervisor)
        self.assertEqual(ticket.freight_first_reply_date, shanghai(2026, 11, 24, 9, 45))

    def test_late_and_unanswered_replies_are_found(self):
        late = self._complaint(shanghai(2026, 11, 23, 19, 0))
        unanswered = self._complaint(shanghai(2026, 11, 23, 20, 0))
        on_time = self._complaint(shanghai(2026, 11, 23, 21, 0))
        with freeze_time(shanghai(2026, 11, 24, 9, 0)):
            self._reply(on_time, self.service)
        with freeze_time(shanghai(2026, 11, 24, 10, 30)):
            self._reply(late, self.service)
        self.assertEqual(late.freight_reply_state, "late")
        Ticket = self.env["helpdesk.ticket"].with_user(self.service)
        with freeze_time(shanghai(2026, 11, 24, 11, 0)):
            found = Ticket.search(
                [("freight_reply_late", "=", True), ("team_id", "=", self.cs_team.id)]
            )
            self.assertEqual(found, late | unanswered)
            self.assertTrue(unanswered.with_user(self.service).freight_reply_late)
            self.assertNotIn(
                on_time,
                Ticket.search([("freight_reply_late", "!=", False)]),
            )
            # The customer's salesperson filters the late replies too.
            self.assertEqual(
                Ticket.with_user(self.salesperson).search(
                    [("freight_reply_late", "=", True), ("id", "in", late.ids)]
                ),
                late.with_user(self.salesperson),
            )

    def test_first_reply_not_written_by_hand(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 19, 0))
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            ticket.with_user(self.manager).write(
                {"freight_first_reply_date": shanghai(2026, 11, 24, 9, 0)}
            )

    def test_other_tickets_unchanged(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Invoice copy",
                "description": "<p>Please send the invoice again.</p>",
                "team_id": self.team_a.id,
            }
        )
        ticket.freight_intake_date = shanghai(2026, 11, 23, 19, 0)
        self._reply(ticket, self.env.user)
        self.assertFalse(ticket.freight_off_hours)
        self.assertFalse(ticket.freight_reply_due)
        self.assertFalse(ticket.freight_reply_state)
        self.assertFalse(ticket.freight_first_reply_date)

    def test_quarter_report_gives_share_on_time(self):
        # Q1 2026 holds no demo complaint; 2026-01-12 is a Monday.
        self.env.user.tz = "Asia/Shanghai"
        on_time = self._complaint(shanghai(2026, 1, 12, 19, 0))
        late = self._complaint(shanghai(2026, 1, 12, 20, 0))
        pending = self._complaint(shanghai(2026, 1, 19, 20, 0))
        with freeze_time(shanghai(2026, 1, 13, 9, 0)):
            self._reply(on_time, self.service)
        with freeze_time(shanghai(2026, 1, 13, 12, 0)):
            self._reply(late, self.service)
        report = self.env["freight.complaint.quarter.report"].create(
            {"year": 2026, "quarter": "1", "company_id": on_time.company_id.id}
        )
        with freeze_time(shanghai(2026, 1, 19, 21, 0)):
            data = report.with_user(self.manager)._get_report_data()
        # Still within its time, the pending reply is neither on time nor late.
        self.assertEqual(data["off_hours"], 3)
        self.assertAlmostEqual(data["reply_on_time_rate"], 50.0)
        with freeze_time(shanghai(2026, 1, 20, 11, 0)):
            data = report.with_user(self.manager)._get_report_data()
        self.assertEqual(pending.freight_reply_state, "pending")
        self.assertAlmostEqual(data["reply_on_time_rate"], 100.0 / 3)
