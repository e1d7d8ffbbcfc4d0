# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import FreightComplaintCase, shanghai

MEASURES = "<p>舱单录入后由第二人复核品名和件数。</p>"


@tagged("post_install", "-at_install")
class TestFreightComplaintTrainingFeed(FreightComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._complaint(
            shanghai(2026, 11, 23, 9, 0),
            freight_root_cause_id=cls.cause_documents.id,
        )
        cls.ticket.with_user(cls.service).write(
            {
                "freight_cause_analysis": "<p>报关员录入品名错误。</p>",
                "freight_corrective_measures": MEASURES,
            }
        )

    def _close(self, ticket, user=None):
        self.env["freight.complaint.callback"].with_user(self.service).create(
            {"ticket_id": ticket.id, "result": "accepted", "satisfaction": 90}
        )
        ticket.with_user(user or self.service).stage_id = self.stage_done

    def test_closing_proposes_one_draft_training(self):
        self._close(self.ticket)
        training = self.ticket.sudo().freight_training_ids
        self.assertEqual(len(training), 1)
        self.assertEqual(training.user_id, self.service)
        self.assertEqual(training.state, "draft")
        self.assertEqual(training.hours, 1.0)
        self.assertEqual(training.category, "service")
        self.assertIn(self.ticket.name, training.course)
        self.assertIn("第二人复核", training.freight_content)
        self.assertTrue(self.ticket.freight_training_fed)
        # The employee sees the proposal and the complaint's smart button.
        ticket = self.ticket.with_user(self.service)
        self.assertEqual(ticket.freight_training_count, 1)
        action = ticket.action_freight_open_trainings()
        Training = self.env["freight.staff.training"].with_user(self.service)
        self.assertEqual(Training.search(action["domain"]), training)
        # Other staff do not see the employee's training.
        self.assertFalse(Training.with_user(self.salesperson).search(action["domain"]))
        # Reopened and closed again: still one proposal.
        self.ticket.with_user(self.supervisor).stage_id = self.stage_progress
        self._close(self.ticket)
        self.assertEqual(len(self.ticket.sudo().freight_training_ids), 1)

    def test_first_owner_and_assignee_both_trained(self):
        self.ticket.with_user(self.supervisor).user_id = self.supervisor
        self._close(self.ticket, self.supervisor)
        trainings = self.ticket.sudo().freight_training_ids
        self.assertEqual(trainings.user_id, self.service | self.supervisor)
        # A manager other than the employee confirms the hours attended.
        trainings.with_user(self.manager).action_confirm()
        self.assertEqual(set(trainings.mapped("state")), {"confirmed"})

    def test_flag_off_or_no_measures_proposes_nothing(self):
        self.ticket.with_user(self.service).freight_include_in_training = False
        self._close(self.ticket)
        self.assertFalse(self.ticket.sudo().freight_training_ids)
        bare = self._complaint(shanghai(2026, 11, 23, 10, 0))
        self._close(bare)
        self.assertFalse(bare.sudo().freight_training_ids)
        self.assertFalse(bare.freight_training_fed)

    def test_link_and_content_not_set_by_hand(self):
        Training = self.env["freight.staff.training"].with_user(self.service)
        with self.assertRaisesRegex(UserError, "when its complaint is closed"):
            Training.create(
                {
                    "course": "舱单复核",
                    "hours": 2,
                    "freight_ticket_id": self.ticket.id,
                }
            )
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.ticket.with_user(self.manager).freight_training_fed = True

    def test_training_hours_are_a_setting(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.freight_training_feed_hours, 1.0)
        settings.freight_training_feed_hours = 2.5
        settings.execute()
        self._close(self.ticket)
        self.assertEqual(self.ticket.sudo().freight_training_ids.hours, 2.5)
        with self.assertRaisesRegex(ValidationError, "class hours"):
            self.env["res.config.settings"].create({"freight_training_feed_hours": -1})
