# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from pytz import utc

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFreightComplaintDemoDates(TransactionCase):
    """The demo complaints came in on working days, in office hours, on
    different days before today; their creation and first chatter line are
    their intake, their deadlines count from it."""

    def setUp(self):
        super().setUp()
        self.complaints = self.env["helpdesk.ticket"].search(
            [
                ("freight_is_complaint", "=", True),
                ("partner_id.freight_customer_state", "!=", False),
            ]
        )
        if not self.env.ref(
            "freight_crm_complaints.complaint_demo_yiwu_attitude",
            raise_if_not_found=False,
        ):
            self.skipTest("demo data not loaded")

    def test_demo_complaints_received_in_office_hours(self):
        calendar = self.env.company.resource_calendar_id
        now = fields.Datetime.now()
        intakes = self.complaints.mapped("freight_intake_date")
        self.assertEqual(len({d.date() for d in intakes}), len(intakes))
        for complaint in self.complaints:
            with self.subTest(complaint=complaint.number):
                intake = complaint.freight_intake_date
                self.assertLess(intake, now)
                start = utc.localize(intake)
                work = calendar._work_intervals_batch(
                    start, start + timedelta(minutes=1)
                )[False]
                self.assertTrue(list(work), f"{intake} is not in office hours")
                self.assertFalse(complaint.freight_off_hours)
                self.assertEqual(complaint.create_date, intake)
                self.assertGreater(complaint.freight_deadline, intake)
                first = complaint.message_ids.sorted("id")[:1]
                self.assertEqual(first.date, intake)
                if complaint.closed_date:
                    self.assertGreater(complaint.closed_date, intake)
                    self.assertLess(complaint.closed_date, now)
