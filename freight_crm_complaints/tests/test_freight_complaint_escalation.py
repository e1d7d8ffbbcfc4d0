# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import FreightComplaintCase, shanghai

ESCALATION_TYPE = "freight_crm_complaints.mail_activity_type_complaint_escalation"


@tagged("post_install", "-at_install")
class TestFreightComplaintEscalation(FreightComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Monday 09:00: the ladder is reached at 11:00, 14:00 (after lunch)
        # and 18:00 on the same day.
        cls.ticket = cls._complaint(shanghai(2026, 11, 23, 9, 0), "important")

    def _escalate_at(self, *wall_clock):
        with freeze_time(shanghai(*wall_clock)):
            self.env["helpdesk.ticket"]._cron_freight_escalate()

    def _escalation_activities(self, user):
        return self.ticket.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref(ESCALATION_TYPE)
                and a.user_id == user
            )
        )

    def test_ladder(self):
        ticket = self.ticket
        self.assertEqual(ticket.freight_next_escalation, shanghai(2026, 11, 23, 11, 0))
        self._escalate_at(2026, 11, 23, 10, 59)
        self.assertEqual(ticket.freight_escalation_level, 0)
        self.assertFalse(self._escalation_activities(self.supervisor))

        self._escalate_at(2026, 11, 23, 11, 0)
        self.assertEqual(ticket.freight_escalation_level, 1)
        self.assertIn(self.supervisor.partner_id, ticket.message_partner_ids)
        self.assertEqual(len(self._escalation_activities(self.supervisor)), 1)
        self.assertEqual(ticket.freight_next_escalation, shanghai(2026, 11, 23, 14, 0))
        self.assertIn("Escalated to level 1", ticket.message_ids[0].body)

        self._escalate_at(2026, 11, 23, 14, 0)
        self.assertEqual(ticket.freight_escalation_level, 2)
        self.assertIn(self.regional.partner_id, ticket.message_partner_ids)
        self.assertEqual(len(self._escalation_activities(self.regional)), 1)

        self._escalate_at(2026, 11, 23, 18, 0)
        self.assertEqual(ticket.freight_escalation_level, 3)
        self.assertIn(self.department.partner_id, ticket.message_partner_ids)
        self.assertFalse(ticket.freight_next_escalation)
        # The complaint stays with its owner.
        self.assertEqual(ticket.user_id, self.service)
        self.assertEqual(ticket.freight_first_owner_id, self.service)

    def test_no_double_escalation(self):
        self._escalate_at(2026, 11, 23, 11, 30)
        self._escalate_at(2026, 11, 23, 11, 30)
        self.assertEqual(self.ticket.freight_escalation_level, 1)
        self.assertEqual(len(self._escalation_activities(self.supervisor)), 1)
        logs = self.ticket.message_ids.filtered(
            lambda m: "Escalated to level" in (m.body or "")
        )
        self.assertEqual(len(logs), 1)

    def test_late_run_climbs_each_missed_step_once(self):
        self._escalate_at(2026, 11, 24, 9, 30)
        self.assertEqual(self.ticket.freight_escalation_level, 3)
        logs = self.ticket.message_ids.filtered(
            lambda m: "Escalated to level" in (m.body or "")
        )
        self.assertEqual(len(logs), 3)

    def test_closed_complaint_not_escalated(self):
        self.ticket.freight_callback_ids = [
            Command.create({"result": "accepted", "satisfaction": 90})
        ]
        self.ticket.stage_id = self.stage_done
        self.assertFalse(self.ticket.freight_next_escalation)
        self._escalate_at(2026, 11, 23, 15, 0)
        self.assertEqual(self.ticket.freight_escalation_level, 0)

    def test_rejected_resolution_escalates(self):
        with freeze_time(shanghai(2026, 11, 23, 10, 0)):
            self.env["freight.complaint.callback"].with_user(self.service).create(
                {
                    "ticket_id": self.ticket.id,
                    "result": "rejected",
                    "satisfaction": 30,
                }
            )
        self.assertEqual(self.ticket.freight_escalation_level, 1)
        self.assertIn(self.supervisor.partner_id, self.ticket.message_partner_ids)
        self.assertEqual(self.ticket.freight_satisfaction, 30)

    def test_first_owner_kept(self):
        ticket = self.ticket
        self._escalate_at(2026, 11, 23, 18, 0)
        ticket.user_id = self.supervisor
        self.assertEqual(ticket.freight_first_owner_id, self.service)
        self.assertIn(self.service.partner_id, ticket.message_partner_ids)
        with self.assertRaisesRegex(UserError, "first owner"):
            ticket.freight_first_owner_id = self.supervisor
        self.assertEqual(ticket.freight_first_owner_id, self.service)

    def test_first_owner_cannot_be_cleared(self):
        with self.assertRaisesRegex(UserError, "first owner"):
            self.ticket.with_user(self.service).freight_first_owner_id = False
        self.assertEqual(self.ticket.freight_first_owner_id, self.service)

    def test_first_owner_of_portal_intake_is_first_assignee(self):
        portal_user = self.env["res.users"].create(
            {
                "name": "客户门户用户",
                "login": "fcc_t_portal_owner",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(portal_user)
            .sudo()
            .create(
                {
                    "name": "货物未按时到达",
                    "description": "<p>门户投诉</p>",
                    "partner_id": portal_user.partner_id.id,
                }
            )
        )
        self.assertFalse(ticket.freight_first_owner_id)
        ticket.user_id = self.service
        self.assertEqual(ticket.freight_first_owner_id, self.service)
        ticket.user_id = self.supervisor
        self.assertEqual(ticket.freight_first_owner_id, self.service)

    def test_major_complaint_starts_emergency_plan(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "major")
        plan = ticket.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref(
                    "freight_crm_complaints.mail_activity_type_emergency_plan"
                )
            )
        )
        self.assertEqual(plan.user_id, self.department)

    def test_steps_out_of_order_refused(self):
        with self.assertRaisesRegex(ValidationError, "out of order"):
            self.step_2.hours = 1

    def test_step_negative_hours_refused(self):
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            self.step_1.hours = -2

    def test_step_level_out_of_range_refused(self):
        with self.assertRaisesRegex(ValidationError, "level must be 1, 2 or 3"):
            self.step_3.level = 4

    def test_step_without_target_refused(self):
        with self.assertRaisesRegex(ValidationError, "group or the user"):
            self.step_1.write({"user_id": False, "group_id": False})

    def test_changed_ladder_reschedules_open_complaints(self):
        self.step_1.hours = 3
        self.assertEqual(
            self.ticket.freight_next_escalation, shanghai(2026, 11, 23, 12, 0)
        )
        self.step_1.active = False
        self.assertEqual(
            self.ticket.freight_next_escalation, shanghai(2026, 11, 23, 14, 0)
        )

    def test_due_complaint_without_next_step_is_released(self):
        # As the ladder itself would (workflow values).
        self.ticket.sudo().freight_escalation_level = 3
        self.assertFalse(self.ticket.freight_next_escalation)
        self.ticket.sudo().freight_next_escalation = shanghai(2026, 11, 23, 10, 0)
        self._escalate_at(2026, 11, 23, 11, 0)
        self.assertFalse(self.ticket.freight_next_escalation)
        self.assertEqual(self.ticket.freight_escalation_level, 3)

    def test_targets_told_by_their_notification_preference(self):
        """An inbox user finds each escalation note in their inbox; an e-mail
        user gets one digest for the batch, in their language, listing each
        complaint escalated to them."""
        self.supervisor.notification_type = "inbox"
        second = self._complaint(shanghai(2026, 11, 23, 9, 0), "important")
        self._escalate_at(2026, 11, 23, 14, 0)
        tickets = self.ticket | second
        self.assertEqual(set(tickets.mapped("freight_escalation_level")), {2})
        notes = tickets.message_ids.filtered(
            lambda m: "Escalated to level" in (m.body or "")
        )
        self.assertEqual(len(notes), 4)
        inbox = notes.notification_ids.filtered(
            lambda n: n.res_partner_id == self.supervisor.partner_id
        )
        self.assertEqual(set(inbox.mapped("notification_type")), {"inbox"})
        self.assertEqual(len(inbox), 2)
        by_email = notes.notification_ids.filtered(
            lambda n: n.res_partner_id == self.regional.partner_id
        )
        self.assertEqual(set(by_email.mapped("notification_type")), {"email"})
        self.assertEqual(len(by_email), 2)
        digest = by_email.mail_mail_id
        self.assertEqual(len(digest), 1)
        self.assertEqual(digest.recipient_ids, self.regional.partner_id)
        for ticket in tickets:
            self.assertIn(f"res_id={ticket.id}", digest.body_html)
        # The level's change is on the note itself.
        level_2 = notes.filtered(lambda m: "level 2" in m.body)
        self.assertEqual(
            set(level_2.sudo().tracking_value_ids.mapped("new_value_integer")), {2}
        )
        self.assertEqual(
            set(level_2.sudo().tracking_value_ids.mapped("old_value_integer")), {1}
        )
