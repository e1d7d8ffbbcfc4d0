# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import FreightComplaintCase, shanghai


@tagged("post_install", "-at_install")
class TestFreightComplaintAnalysis(FreightComplaintCase):
    def _close(self, ticket, when):
        ticket.freight_callback_ids = [
            Command.create({"result": "accepted", "satisfaction": 80})
        ]
        with freeze_time(when):
            ticket.stage_id = self.stage_done

    @freeze_time("2027-06-01 00:00:00")
    def test_repeat_complaint_within_window(self):
        first = self._complaint(
            shanghai(2026, 8, 3, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        again = self._complaint(
            shanghai(2026, 10, 20, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        other_cause = self._complaint(
            shanghai(2026, 10, 21, 9, 0),
            freight_root_cause_id=self.cause_documents.id,
        )
        much_later = self._complaint(
            shanghai(2027, 3, 1, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        self.assertFalse(first.freight_is_repeat)
        self.assertTrue(again.freight_is_repeat)
        self.assertFalse(other_cause.freight_is_repeat)
        self.assertFalse(much_later.freight_is_repeat)
        self.assertEqual(
            again.freight_root_category_id,
            self.env.ref("freight_crm_complaints.complaint_root_cause_sales"),
        )
        self.env.company.freight_complaint_repeat_days = 200
        later_again = self._complaint(
            shanghai(2027, 3, 2, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        self.assertTrue(later_again.freight_is_repeat)

    def test_repeat_flag_follows_cause_found_later(self):
        # The later complaint is analysed first; the earlier one's cause is
        # only found afterwards, then corrected to another cause.
        earlier = self._complaint(shanghai(2026, 9, 1, 9, 0))
        later = self._complaint(
            shanghai(2026, 10, 1, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        self.assertFalse(later.freight_is_repeat)
        earlier.freight_root_cause_id = self.cause_price
        self.assertTrue(later.freight_is_repeat)
        self.assertFalse(earlier.freight_is_repeat)
        earlier.freight_root_cause_id = self.cause_documents
        self.assertFalse(later.freight_is_repeat)
        # A complaint recorded late, with an earlier intake, counts as well.
        self._complaint(
            shanghai(2026, 9, 15, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        self.assertTrue(later.freight_is_repeat)

    def test_quarterly_report_counts_local_quarters(self):
        # 05:00 on 1 October in Shanghai is still 30 September in UTC.
        ticket = self._complaint(datetime(2026, 9, 30, 21, 0))
        Report = self.env["freight.complaint.quarter.report"].with_context(
            tz="Asia/Shanghai"
        )
        q3 = Report.create({"year": 2026, "quarter": "3"})
        q4 = Report.create({"year": 2026, "quarter": "4"})
        self.assertNotIn(ticket, self.env["helpdesk.ticket"].search(q3._get_domain()))
        self.assertIn(ticket, self.env["helpdesk.ticket"].search(q4._get_domain()))

    def test_on_time_rate_and_quarterly_report(self):
        on_time = self._complaint(
            shanghai(2024, 10, 7, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        late = self._complaint(
            shanghai(2024, 10, 8, 9, 0),
            "important",
            freight_root_cause_id=self.cause_documents.id,
        )
        self._close(on_time, shanghai(2024, 10, 8, 9, 0))
        self._close(late, shanghai(2024, 10, 30, 9, 0))
        self.assertEqual(on_time.freight_on_time_rate, 100)
        self.assertEqual(late.freight_on_time_rate, 0)
        report = self.env["freight.complaint.quarter.report"].create(
            {"year": 2024, "quarter": "4"}
        )
        data = report._get_report_data()
        self.assertEqual(data["total"], 2)
        self.assertEqual(data["on_time_rate"], 50)
        self.assertEqual(
            sorted(row[0] for row in data["by_class"]), ["General", "Important"]
        )
        html = self.env["ir.actions.report"]._render_qweb_html(
            "freight_crm_complaints.report_freight_complaint_quarter", report.ids
        )[0]
        self.assertIn(b"Complaint Analysis", html)
        self.assertIn(self.customer.name.encode(), html)
        with self.assertRaisesRegex(ValidationError, "between 2000 and 2100"):
            report.year = 1999
        action = report.with_user(self.manager).action_print()
        self.assertEqual(
            action["report_name"],
            "freight_crm_complaints.report_freight_complaint_quarter",
        )

    def test_analysis_groups_by_quarter_class_and_grade(self):
        grade = self.env["freight.customer.grade"].search([("code", "=", "B")])
        self.customer.freight_grade_id = grade
        self._complaint(shanghai(2026, 11, 2, 9, 0), "major")
        rows = self.env["helpdesk.ticket"]._read_group(
            [("partner_id", "=", self.customer.id)],
            [
                "freight_intake_date:quarter",
                "freight_complaint_class",
                "freight_grade_id",
            ],
            ["__count"],
        )
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][1:], ("major", grade, 1))
