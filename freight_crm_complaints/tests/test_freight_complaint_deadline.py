# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import FreightComplaintCase, shanghai


@tagged("post_install", "-at_install")
class TestFreightComplaintDeadline(FreightComplaintCase):
    def test_general_deadline_crosses_nights_and_weekend(self):
        # Friday 16:00: 2 h on Friday, 8 h Monday, 8 h Tuesday, 6 h Wednesday.
        ticket = self._complaint(shanghai(2026, 11, 20, 16, 0))
        self.assertEqual(ticket.freight_deadline, shanghai(2026, 11, 25, 16, 0))

    def test_deadline_per_class(self):
        intake = shanghai(2026, 11, 23, 9, 0)  # Monday morning
        important = self._complaint(intake, "important")
        major = self._complaint(intake, "major")
        # 48 working hours = 6 days of 8 h; 72 h = 9 days.
        self.assertEqual(important.freight_deadline, shanghai(2026, 11, 30, 18, 0))
        self.assertEqual(major.freight_deadline, shanghai(2026, 12, 3, 18, 0))

    def test_deadline_configurable_and_class_change(self):
        self.env.ref("freight_crm_complaints.complaint_deadline_general").hours = 4
        ticket = self._complaint(shanghai(2026, 11, 23, 11, 0))
        # 1 h before lunch, 3 h after.
        self.assertEqual(ticket.freight_deadline, shanghai(2026, 11, 23, 16, 0))
        ticket.freight_complaint_class = "important"
        self.assertEqual(ticket.freight_deadline, shanghai(2026, 12, 1, 11, 0))

    def test_company_calendar_without_team_calendar(self):
        self.cs_team.freight_resource_calendar_id = False
        self.env.company.resource_calendar_id = self.calendar
        ticket = self._complaint(shanghai(2026, 11, 20, 16, 0))
        self.assertEqual(ticket.freight_deadline, shanghai(2026, 11, 25, 16, 0))

    def test_grade_policy_tightens_deadline(self):
        grade = self.env["freight.customer.grade"].search([("code", "=", "A")])
        grade.complaint_deadline_factor = 0.5
        self.customer.freight_grade_id = grade
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0))
        # 12 working hours instead of 24.
        self.assertEqual(ticket.freight_deadline, shanghai(2026, 11, 24, 14, 0))
        self.assertEqual(ticket.freight_grade_id, grade)

    def test_grade_policy_never_loosens_deadline(self):
        grade = self.env["freight.customer.grade"].search([("code", "=", "C")])
        grade.complaint_deadline_factor = 2.0
        self.customer.freight_grade_id = grade
        ticket = self._complaint(shanghai(2026, 11, 20, 16, 0))
        # Still the rulebook's 24 working hours, not 48.
        self.assertEqual(ticket.freight_deadline, shanghai(2026, 11, 25, 16, 0))

    @freeze_time("2026-11-24 02:00:00")
    def test_overdue_and_due_soon_filters(self):
        # Now is Tuesday 10:00 in Shanghai.
        overdue = self._complaint(shanghai(2026, 11, 17, 9, 0))
        due_soon = self._complaint(shanghai(2026, 11, 19, 11, 0))
        Ticket = self.env["helpdesk.ticket"]
        self.assertTrue(overdue.freight_is_overdue)
        self.assertIn(overdue, Ticket.search([("freight_is_overdue", "=", True)]))
        self.assertNotIn(due_soon, Ticket.search([("freight_is_overdue", "=", True)]))
        self.assertEqual(due_soon.freight_deadline, shanghai(2026, 11, 24, 11, 0))
        self.assertTrue(due_soon.freight_is_due_soon)
        self.assertFalse(due_soon.freight_is_overdue)
        self.assertEqual(
            Ticket.search([("freight_is_due_soon", "=", True)]) & (overdue | due_soon),
            due_soon,
        )
        overdue.with_user(self.supervisor).write(
            {
                "stage_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_stage_cancelled"
                ).id
            }
        )
        self.assertFalse(overdue.freight_is_overdue)
        self.assertNotIn(overdue, Ticket.search([("freight_is_overdue", "=", True)]))

    @freeze_time("2026-11-24 02:00:00")
    def test_deadline_is_computed_only(self):
        # The deadline follows the class and the intake: no hand-written one,
        # in the past, far away or on create.
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0))
        computed = ticket.freight_deadline
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            ticket.freight_deadline = shanghai(2026, 11, 30, 17, 0)
        with self.assertRaisesRegex(ValidationError, "year must lie between"):
            ticket.freight_deadline = "9999-12-31 00:00:00"
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self._complaint(
                shanghai(2026, 11, 24, 9, 0),
                freight_deadline=shanghai(2026, 11, 30, 8, 0),
            )
        self.assertEqual(ticket.freight_deadline, computed)

    @freeze_time("2026-11-24 02:00:00")
    def test_overdue_complaint_moved_to_another_team(self):
        # The deadline is recomputed for the new team's calendar (past).
        ticket = self._complaint(shanghai(2026, 11, 16, 9, 0))
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "宁波客服组", "freight_is_complaint_team": True}
        )
        ticket.write({"team_id": team.id})
        self.assertEqual(ticket.team_id, team)
        self.assertTrue(ticket.freight_is_overdue)

    def test_class_deadline_must_be_positive(self):
        deadline = self.env.ref("freight_crm_complaints.complaint_deadline_major")
        with self.assertRaisesRegex(ValidationError, "positive number of hours"):
            deadline.hours = -1

    def test_working_hours_given_and_left(self):
        # Friday 16:00, General (24 working hours): due Wednesday 16:00.
        ticket = self._complaint(shanghai(2026, 11, 20, 16, 0))
        self.assertEqual(ticket.freight_deadline_hours, 24)
        # Monday 10:00: 8 h Monday, 8 h Tuesday and 6 h Wednesday are left.
        with freeze_time(shanghai(2026, 11, 23, 10, 0)):
            ticket.invalidate_recordset(["freight_hours_left"])
            self.assertAlmostEqual(ticket.freight_hours_left, 7 + 8 + 6)
        # Thursday 10:00: overdue by Wednesday 16-18 and Thursday 9-10.
        with freeze_time(shanghai(2026, 11, 26, 10, 0)):
            ticket.invalidate_recordset(["freight_hours_left"])
            self.assertAlmostEqual(ticket.freight_hours_left, -3)

    def _hours_left_queries(self, count, expected):
        """Queries to read the working hours left of a page of ``count``
        complaints (a column of the complaint list), one overdue in two."""
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"舱单错误 {n}",
                    "description": "<p>舱单</p>",
                    "team_id": self.cs_team.id,
                    "partner_id": self.customer.id,
                    "freight_intake_date": shanghai(2026, 11, 9 + n % 2 * 10, 9, 0),
                }
                for n in range(count)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with (
            freeze_time(shanghai(2026, 11, 23, 10, 0)),
            self.assertQueryCount(expected),
        ):
            hours = tickets.mapped("freight_hours_left")
        self.assertEqual(len({left < 0 for left in hours}), 2)

    def test_hours_left_of_a_page_in_flat_queries(self):
        self._hours_left_queries(2, 20)  # warm the ORM caches
        self._hours_left_queries(2, 11)
        self._hours_left_queries(20, 11)
