# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from datetime import date
from pathlib import Path

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import FreightComplaintCase, shanghai

PLAN_ACTIVITY = "freight_crm_complaints.mail_activity_type_handling_plan"
MIGRATION = (
    Path(__file__).parent.parent / "migrations" / "19.0.1.2.0" / "post-migration.py"
)


@tagged("post_install", "-at_install")
class TestFreightComplaintPlanDeadline(FreightComplaintCase):
    def _plan_activities(self, ticket):
        kind = self.env.ref(PLAN_ACTIVITY)
        return ticket.sudo().activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def _submit_and_approve(self, ticket):
        ticket = ticket.with_user(self.service)
        ticket.write(
            {
                "freight_root_cause_id": self.cause_documents.id,
                "freight_cause_analysis": "<p>报关员录入品名错误。</p>",
                "freight_corrective_measures": "<p>复核流程加双人核对。</p>",
            }
        )
        ticket.action_freight_submit_solution()
        ticket.with_user(self.supervisor).action_freight_approve_solution()

    def test_complex_complaint_gets_plan_deadline_and_owner_todo(self):
        intake = shanghai(2026, 11, 23, 9, 0)  # Monday morning
        important = self._complaint(intake, "important")
        general = self._complaint(intake)
        # 72 working hours of 8 h a day: nine working days.
        self.assertTrue(important.freight_is_complex)
        self.assertEqual(important.freight_plan_deadline, shanghai(2026, 12, 3, 18, 0))
        activity = self._plan_activities(important)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.service)
        self.assertEqual(activity.date_deadline, date(2026, 12, 3))
        self.assertFalse(general.freight_is_complex)
        self.assertFalse(general.freight_plan_deadline)
        self.assertFalse(self._plan_activities(general))

    def test_approval_in_time_completes_the_todo(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "major")
        with freeze_time(shanghai(2026, 11, 25, 10, 0)):
            self._submit_and_approve(ticket)
        self.assertFalse(self._plan_activities(ticket))
        self.assertFalse(ticket.freight_plan_late)
        self.assertFalse(ticket.with_user(self.service).freight_plan_overdue)

    def test_overdue_plan_is_found_and_stays_late(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "important")
        Ticket = self.env["helpdesk.ticket"].with_user(self.service)
        domain = [
            ("freight_plan_overdue", "=", True),
            ("team_id", "=", self.cs_team.id),
        ]
        with freeze_time(shanghai(2026, 12, 1, 9, 0)):
            self.assertFalse(Ticket.search(domain))
        with freeze_time(shanghai(2026, 12, 4, 9, 0)):
            self.assertEqual(Ticket.search(domain), ticket)
            self._submit_and_approve(ticket)
            self.assertTrue(ticket.freight_plan_late)
            self.assertEqual(Ticket.search(domain), ticket)

    def test_class_change_and_close_drop_the_todo(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "important")
        ticket.with_user(self.service).freight_complaint_class = "general"
        self.assertFalse(ticket.freight_plan_deadline)
        self.assertFalse(self._plan_activities(ticket))
        ticket.with_user(self.service).freight_complaint_class = "major"
        self.assertEqual(len(self._plan_activities(ticket)), 1)
        cancelled = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        ticket.with_user(self.supervisor).stage_id = cancelled
        self.assertFalse(self._plan_activities(ticket))

    def test_reassignment_moves_the_todo(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "important")
        ticket.with_user(self.supervisor).user_id = self.supervisor
        self.assertEqual(self._plan_activities(ticket).user_id, self.supervisor)

    def test_plan_hours_are_a_setting(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.freight_complex_plan_hours, 72.0)
        settings.freight_complex_plan_hours = 16
        settings.execute()
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "important")
        self.assertEqual(ticket.freight_plan_deadline, shanghai(2026, 11, 24, 18, 0))
        with self.assertRaisesRegex(ValidationError, "working hours"):
            self.env["res.config.settings"].create({"freight_complex_plan_hours": 0})

    def test_plan_deadline_not_written_by_hand(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "important")
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            ticket.with_user(self.manager).write(
                {"freight_plan_deadline": shanghai(2026, 12, 30, 9, 0)}
            )

    def test_quarter_report_gives_plans_on_time(self):
        # Q1 2026 holds no demo complaint; 2026-01-12 is a Monday.
        self.env.user.tz = "Asia/Shanghai"
        in_time = self._complaint(shanghai(2026, 1, 12, 9, 0), "major")
        self._complaint(shanghai(2026, 1, 12, 10, 0), "important")
        self._complaint(shanghai(2026, 1, 12, 11, 0))
        with freeze_time(shanghai(2026, 1, 14, 9, 0)):
            self._submit_and_approve(in_time)
        report = self.env["freight.complaint.quarter.report"].create(
            {"year": 2026, "quarter": "1", "company_id": in_time.company_id.id}
        )
        with freeze_time(shanghai(2026, 1, 30, 9, 0)):
            data = report.with_user(self.manager)._get_report_data()
        self.assertAlmostEqual(data["plan_on_time_rate"], 50.0)

    def test_migration_gives_complaints_on_file_their_todo(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "important")
        self._plan_activities(ticket).unlink()
        spec = importlib.util.spec_from_file_location("post_migration", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "19.0.1.1.0")
        self.assertEqual(self._plan_activities(ticket).user_id, self.service)
        module.migrate(self.env.cr, "19.0.1.1.0")
        self.assertEqual(len(self._plan_activities(ticket)), 1)
