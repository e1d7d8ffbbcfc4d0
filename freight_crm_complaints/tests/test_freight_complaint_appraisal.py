# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import FreightComplaintCase, shanghai


@tagged("post_install", "-at_install")
class TestFreightComplaintAppraisal(FreightComplaintCase):
    """The appraisal's complaint indicators measured from the complaints
    the employee first received."""

    def _close(self, ticket, when):
        ticket.freight_callback_ids = [
            Command.create({"result": "accepted", "satisfaction": 90})
        ]
        with freeze_time(when):
            ticket.stage_id = self.stage_done

    def _appraisal(self, user):
        return (
            self.env["freight.staff.appraisal"]
            .with_user(self.manager)
            .create(
                {
                    "user_id": user.id,
                    "period_start": "2026-07-01",
                    "period_end": "2026-09-30",
                }
            )
        )

    def _actual(self, appraisal, xmlid):
        indicator = self.env.ref(f"freight_crm.appraisal_indicator_{xmlid}")
        return appraisal.line_ids.filtered(
            lambda line: line.indicator_id == indicator
        ).actual

    def test_complaints_on_time_escalated_and_called_back(self):
        on_time = self._complaint(
            shanghai(2026, 7, 6, 9, 0), freight_root_cause_id=self.cause_price.id
        )
        late = self._complaint(
            shanghai(2026, 8, 10, 9, 0),
            "important",
            freight_root_cause_id=self.cause_documents.id,
        )
        escalated = self._complaint(shanghai(2026, 9, 1, 9, 0))
        self._complaint(shanghai(2026, 6, 1, 9, 0))
        self._close(on_time, shanghai(2026, 7, 7, 9, 0))
        self._close(late, shanghai(2026, 8, 31, 9, 0))
        escalated.sudo().freight_escalation_level = 1
        self.assertEqual(on_time.freight_first_owner_id, self.service)
        appraisal = self._appraisal(self.service)
        self.assertEqual(self._actual(appraisal, "complaints_on_time"), 50)
        self.assertEqual(self._actual(appraisal, "callbacks"), 100)
        self.assertAlmostEqual(self._actual(appraisal, "complaints_escalated"), 33.33)
        escalated_line = appraisal.line_ids.filtered(
            lambda line: line.measure == "complaints_escalated"
        )
        # Lower is better: above the 10 % target the score falls.
        self.assertAlmostEqual(escalated_line.score, 30.0, places=1)

    def test_no_complaint_leaves_the_lines_blank(self):
        quiet = new_test_user(
            self.env, login="fcc_t_quiet", groups="freight_crm.group_freight_service"
        )
        appraisal = self._appraisal(quiet)
        for xmlid in ("complaints_on_time", "callbacks", "complaints_escalated"):
            self.assertIs(self._actual(appraisal, xmlid), False, xmlid)
