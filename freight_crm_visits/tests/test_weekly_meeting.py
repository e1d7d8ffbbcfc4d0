# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import FreightVisitCase

VISIT_ACTIVITY = "freight_crm_visits.mail_activity_type_visit"


@tagged("post_install", "-at_install")
class TestWeeklyMeeting(FreightVisitCase):
    """The weekly business meeting: minutes, the customers a manager visits
    next week, their planned visits, and the draft the cron prepares."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = new_test_user(
            cls.env, login="wm_service", groups="freight_crm.group_freight_service"
        )
        cls.Meeting = cls.env["freight.weekly.meeting"]

    def _meeting(self, lines=(), **values):
        return self.Meeting.with_user(self.manager).create(
            {
                # A Friday: the visits week runs from Monday 9 to Sunday 15.
                "date": "2026-03-06",
                "attendee_ids": [(6, 0, [self.manager.id, self.salesperson.id])],
                "problems": "旺季订舱确认慢。",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "partner_id": partner.id,
                            "manager_id": self.manager.id,
                            "visit_date": day,
                            "purpose": "商谈年度协议",
                        },
                    )
                    for partner, day in lines
                ],
                **values,
            }
        )

    def test_confirm_plans_manager_visits_next_week(self):
        existing = self._make_visit(self.other_customer, "2026-03-12")
        meeting = self._meeting(
            [(self.customer, "2026-03-10"), (self.other_customer, "2026-03-11")]
        )
        self.assertEqual(meeting.week_start, date(2026, 3, 9))
        with self.assertRaises(AccessError):
            meeting.with_user(self.salesperson).action_confirm()
        meeting.action_confirm()
        self.assertEqual(meeting.state, "confirmed")
        new, reused = meeting.line_ids.sorted("visit_date").visit_id
        self.assertEqual(new.partner_id, self.customer)
        self.assertEqual(new.user_id, self.manager)
        self.assertEqual(new.state, "planned")
        self.assertEqual(str(new.visit_date), "2026-03-10")
        self.assertTrue(new.manager_visit_required)
        self.assertEqual(new.companion_ids, self.salesperson)
        self.assertEqual(
            new.activity_ids.activity_type_id, self.env.ref(VISIT_ACTIVITY)
        )
        # The customer's visit already planned that week is the one flagged.
        self.assertEqual(reused, existing)
        self.assertTrue(existing.manager_visit_required)
        self.assertIn(self.manager, existing.companion_ids)
        self.assertEqual(meeting.visit_count, 2)
        with self.assertRaisesRegex(UserError, "kept as decided"):
            meeting.line_ids[0].write({"visit_date": "2026-03-13"})

    def test_bad_input_refused(self):
        with self.assertRaisesRegex(ValidationError, "week after the meeting"):
            self._meeting([(self.customer, "2026-03-06")])
        with self.assertRaisesRegex(ValidationError, "week after the meeting"):
            self._meeting([(self.customer, "2026-03-16")])
        with self.assertRaisesRegex(ValidationError, "not a Freight CRM manager"):
            self.Meeting.with_user(self.manager).create(
                {
                    "date": "2026-03-06",
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "partner_id": self.customer.id,
                                "manager_id": self.salesperson.id,
                                "visit_date": "2026-03-10",
                            },
                        )
                    ],
                }
            )
        meeting = self._meeting([(self.customer, "2026-03-10")], problems=False)
        with self.assertRaisesRegex(UserError, "problems analysed"):
            meeting.action_confirm()
        with self.assertRaisesRegex(ValidationError, "week after the meeting"):
            meeting.date = "2026-03-13"
        with self.assertRaises(UserError):
            meeting.write({"state": "confirmed"})
        with self.assertRaises(UserError):
            meeting.line_ids.write(
                {"visit_id": self._make_visit(self.customer, "2026-03-10").id}
            )

    def test_attendees_read_the_minutes_only(self):
        meeting = self._meeting([(self.customer, "2026-03-10")])
        self.assertEqual(
            self.Meeting.with_user(self.salesperson).search([("id", "=", meeting.id)]),
            meeting,
        )
        self.assertFalse(
            self.Meeting.with_user(self.salesperson2).search([("id", "=", meeting.id)])
        )
        self.assertFalse(
            self.Meeting.with_user(self.service).search([("id", "=", meeting.id)])
        )
        with self.assertRaises(AccessError):
            meeting.with_user(self.salesperson).write({"guidance": "自行修改"})
        with self.assertRaises(AccessError):
            self.Meeting.with_user(self.salesperson).create({"date": "2026-03-06"})

    def test_cron_prepares_the_week_draft_once(self):
        self.env.company.freight_visit_manager_id = self.manager
        flagged = self._make_visit(
            self.customer, "2026-03-11", manager_visit_required=True
        )
        self._make_visit(
            self.other_customer,
            "2026-03-03",
            state="done",
            actual_content="客户提出终止合作。",
            relationship_abnormal=True,
            abnormal_description="客户反映报价过高,考虑更换货代。",
        )
        with freeze_time("2026-03-04"):
            self.Meeting.sudo().search(
                [("date", ">=", "2026-03-02"), ("date", "<=", "2026-03-08")]
            ).unlink()
            meeting = self.Meeting._cron_freight_prepare_meeting()
            self.assertEqual(meeting.state, "draft")
            self.assertEqual(meeting.chair_id, self.manager)
            self.assertIn(self.manager, meeting.attendee_ids)
            lines = {line.partner_id: line for line in meeting.line_ids}
            self.assertEqual(
                str(lines[self.customer].visit_date), str(flagged.visit_date)
            )
            self.assertIn(self.other_customer, lines)
            self.assertFalse(self.Meeting._cron_freight_prepare_meeting())
