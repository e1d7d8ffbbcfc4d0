# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import FreightComplaintCase, shanghai


@tagged("post_install", "-at_install")
class TestFreightComplaintCloseOut(FreightComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._complaint(
            shanghai(2026, 11, 23, 9, 0),
            "important",
            freight_root_cause_id=cls.cause_documents.id,
        )

    def _callback(self, result="accepted", satisfaction=90):
        return (
            self.env["freight.complaint.callback"]
            .with_user(self.service)
            .create(
                {
                    "ticket_id": self.ticket.id,
                    "result": result,
                    "satisfaction": satisfaction,
                }
            )
        )

    def test_close_without_callback_refused(self):
        ticket = self.ticket.with_user(self.service)
        with self.assertRaisesRegex(UserError, "called back"):
            ticket.stage_id = self.stage_done
        self.assertFalse(self.ticket.closed)
        self._callback(satisfaction=85)
        ticket.stage_id = self.stage_done
        self.assertTrue(self.ticket.closed)
        self.assertEqual(self.ticket.freight_satisfaction, 85)
        self.assertEqual(self.ticket.freight_callback_count, 1)

    def test_close_out_rule_can_be_switched_off(self):
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.freight_complaint_callback_required)
        settings.freight_complaint_callback_required = False
        settings.execute()
        self.ticket.stage_id = self.stage_done
        self.assertTrue(self.ticket.closed)

    def test_cancelling_needs_no_callback(self):
        # Closing a complaint without the callback is a leader's decision.
        cancelled = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        with self.assertRaisesRegex(UserError, "supervisor's or manager's decision"):
            self.ticket.with_user(self.service).stage_id = cancelled
        self.ticket.with_user(self.supervisor).stage_id = cancelled
        self.assertTrue(self.ticket.closed)

    def test_latest_callback_gives_satisfaction(self):
        first = self._callback("rejected", 40)
        second = self._callback("accepted", 95)
        # A data correction by the administrator: users cannot edit callbacks.
        second.sudo().date = first.date.replace(year=first.date.year + 1)
        self.assertEqual(self.ticket.freight_satisfaction, 95)
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self._callback(satisfaction=120)

    def test_leader_approval_before_execution(self):
        ticket = self.ticket.with_user(self.service)
        with self.assertRaisesRegex(UserError, "written cause analysis"):
            ticket.action_freight_submit_solution()
        with Form(ticket) as form:
            form.freight_cause_analysis = "<p>报关员录入品名错误。</p>"
            form.freight_corrective_measures = "<p>更正舱单，复核流程加双人核对。</p>"
            form.freight_compensation_amount = 800
        self.assertEqual(ticket.freight_responsible_type, "department")
        with self.assertRaisesRegex(UserError, "approved by a leader"):
            ticket.action_freight_execute_solution()
        ticket.action_freight_submit_solution()
        approval_type = self.env.ref(
            "freight_crm_complaints.mail_activity_type_solution_approval"
        )
        asked = self.ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == approval_type
        )
        self.assertEqual(len(asked), 1, "the leader is asked to approve")
        self.assertTrue(asked.user_id._freight_is_complaint_leader())
        self.assertNotEqual(asked.user_id, self.service)
        with self.assertRaisesRegex(UserError, "Only a customer-service supervisor"):
            ticket.action_freight_approve_solution()
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            ticket.write({"freight_solution_state": "executed"})
        ticket.with_user(self.supervisor).action_freight_approve_solution()
        self.assertEqual(ticket.freight_approved_by_id, self.supervisor)
        self.assertFalse(
            asked.exists().filtered("active"), "the approval activity is done"
        )
        ticket.action_freight_execute_solution()
        self.assertEqual(ticket.freight_solution_state, "executed")

    def test_negative_compensation_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.ticket.freight_compensation_amount = -100

    def test_satisfaction_blank_until_the_customer_gives_it(self):
        """No satisfaction is invented: the ticket's stays blank (and out of
        averages) until a callback records the customer's own figure."""
        self.assertIs(self.ticket.freight_satisfaction, False)
        self.assertIs(
            self.ticket.read(["freight_satisfaction"])[0]["freight_satisfaction"],
            False,
        )
        Callback = self.env["freight.complaint.callback"].with_user(self.service)
        self.assertNotIn("satisfaction", Callback.default_get(["satisfaction"]))
        with self.assertRaisesRegex(ValidationError, "Record the satisfaction"):
            Callback.create({"ticket_id": self.ticket.id, "result": "accepted"})
        self._callback(satisfaction=0)
        self.assertEqual(self.ticket.freight_satisfaction, 0)

    def test_closing_completes_the_escalation_todos(self):
        escalation = self.env.ref(
            "freight_crm_complaints.mail_activity_type_complaint_escalation"
        )
        self.ticket.sudo().activity_schedule(
            escalation.get_external_id()[escalation.id], user_id=self.supervisor.id
        )
        self._callback(satisfaction=88)
        self.ticket.with_user(self.service).stage_id = self.stage_done
        self.assertFalse(
            self.ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == escalation
            )
        )
