# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import FreightComplaintCase, shanghai


@tagged("post_install", "-at_install")
class TestFreightComplaintProgress(FreightComplaintCase):
    """受理 → 原因分析 → 领导批示 → 处理 → 回访 → 结案 as one progression."""

    def test_complaint_walks_the_rulebook_flow(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0), "important")
        self.assertEqual(ticket.freight_progress, "received")
        service_ticket = ticket.with_user(self.service)
        with Form(service_ticket) as form:
            form.freight_root_cause_id = self.cause_documents
            form.freight_cause_analysis = "<p>报关员录入品名错误。</p>"
            form.freight_corrective_measures = "<p>复核流程加双人核对。</p>"
        self.assertEqual(ticket.freight_progress, "analysis")
        service_ticket.action_freight_submit_solution()
        self.assertEqual(ticket.freight_progress, "approval")
        ticket.with_user(self.supervisor).action_freight_approve_solution()
        self.assertEqual(ticket.freight_progress, "handling")
        service_ticket.action_freight_execute_solution()
        self.assertEqual(ticket.freight_progress, "callback")
        # The complaint team of this test gets the closing stage of complaints.
        self.stage_done.team_ids = [Command.link(self.cs_team.id)]
        with self.assertRaisesRegex(UserError, "called back"):
            service_ticket.action_freight_close_complaint()
        self.assertEqual(ticket.freight_progress, "callback")
        self.env["freight.complaint.callback"].with_user(self.service).create(
            {"ticket_id": ticket.id, "result": "accepted", "satisfaction": 92}
        )
        service_ticket.action_freight_close_complaint()
        self.assertEqual(ticket.stage_id, self.stage_done)
        self.assertEqual(ticket.freight_progress, "closed")

    def test_team_without_closing_stage_is_told(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0))
        self.stage_done.team_ids = [Command.unlink(self.cs_team.id)]
        with self.assertRaisesRegex(UserError, "no closing stage"):
            ticket.with_user(self.service).action_freight_close_complaint()

    def test_progress_is_not_writable(self):
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0))
        with self.assertRaises(UserError):
            ticket.with_user(self.service).write({"freight_progress": "closed"})
        self.assertEqual(ticket.freight_progress, "received")

    def test_other_tickets_have_no_progress(self):
        team = self.env["helpdesk.ticket.team"].create({"name": "IT support"})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "<p>Jam</p>", "team_id": team.id}
        )
        self.assertFalse(ticket.freight_progress)
