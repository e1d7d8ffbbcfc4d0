# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, http
from odoo.tests import new_test_user, tagged

from odoo.addons.helpdesk_mgmt.tests.test_helpdesk_portal import (
    TestHelpdeskPortalBase,
)


@tagged("post_install", "-at_install")
class TestFreightComplaintPortal(TestHelpdeskPortalBase):
    def test_portal_form_asks_what_the_customer_knows(self):
        self.authenticate("portal", "portal")
        response = self.url_open("/new/ticket")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="freight_is_complaint"', response.text)
        self.assertIn('name="freight_shipment_ref"', response.text)
        # The class is customer service's assessment, not the customer's.
        self.assertNotIn('name="freight_complaint_class"', response.text)

    def test_portal_complaint_gets_team_and_first_owner(self):
        team = self.env.ref("freight_crm_complaints.helpdesk_ticket_team_complaint")
        leader = new_test_user(
            self.env,
            login="fc_portal_leader",
            groups="helpdesk_mgmt.group_helpdesk_user,freight_crm.group_freight_service",
        )
        team.write({"user_id": leader.id, "user_ids": [Command.link(leader.id)]})
        self.authenticate("portal", "portal")
        self._submit_ticket(
            freight_is_complaint="1", freight_shipment_ref="COSU6301234560"
        )
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", self.new_ticket_title)]
        )
        self.assertTrue(ticket.freight_is_complaint)
        self.assertEqual(ticket.team_id, team)
        self.assertEqual(ticket.freight_complaint_class, "general")
        self.assertEqual(ticket.freight_shipment_ref, "COSU6301234560")
        self.assertEqual(ticket.user_id, leader)
        self.assertEqual(ticket.freight_first_owner_id, leader)

    def test_portal_customer_files_major_complaint(self):
        self.authenticate("portal", "portal")
        self._submit_ticket(freight_complaint_class="major")
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", self.new_ticket_title)]
        )
        self.assertEqual(ticket.freight_complaint_class, "major")
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("freight_crm_complaints.helpdesk_ticket_channel_portal"),
        )
        self.assertTrue(ticket.freight_deadline)
        # The complaint team's leader, if it has one, is its first owner.
        self.assertEqual(ticket.freight_first_owner_id, ticket.team_id.user_id)

    def _make_complaint(self, ticket):
        team = self.env.ref("freight_crm_complaints.helpdesk_ticket_team_complaint")
        ticket.team_id = team
        return team

    def test_portal_ticket_page_shows_class_and_deadline(self):
        self._make_complaint(self.portal_ticket)
        self.portal_ticket.freight_complaint_class = "important"
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{self.portal_ticket.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Important", response.text)
        self.assertIn('name="freight_deadline"', response.text)

    def test_plain_ticket_page_has_no_complaint_fields(self):
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{self.portal_ticket.id}")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn('name="freight_deadline"', response.text)

    def test_plain_portal_ticket_is_no_complaint(self):
        self.authenticate("portal", "portal")
        self._submit_ticket(freight_complaint_class="")
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", self.new_ticket_title)]
        )
        self.assertFalse(ticket.freight_is_complaint)
        self.assertFalse(ticket.freight_complaint_class)

    def test_complaint_close_not_offered_and_refused_with_reason(self):
        team = self._make_complaint(self.portal_ticket)
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        closed = self.env.ref(
            "freight_crm_complaints.helpdesk_ticket_stage_complaint_closed"
        )
        closed.close_from_portal = True
        closed.team_ids = [Command.link(team.id)]
        self.authenticate("portal", "portal")
        page = self.url_open(f"/my/ticket/{self.portal_ticket.id}")
        self.assertEqual(page.status_code, 200)
        for stage in (done, closed):
            self.assertNotIn(f'name="stage_id" value="{stage.id}"', page.text)
            response = self.url_open(
                "/ticket/close",
                data={
                    "csrf_token": http.Request.csrf_token(self),
                    "stage_id": stage.id,
                    "ticket_id": self.portal_ticket.id,
                },
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 200, stage.name)
            self.assertIn("could not be completed", response.text)
            self.assertFalse(self.portal_ticket.closed)

    def test_portal_page_of_another_customer_refused(self):
        """The portal page of a complaint is the complaining customer's: a
        portal user of another company gets no page, and the customer's own
        page shows none of the internal handling."""
        self._make_complaint(self.portal_ticket)
        self.portal_ticket.write(
            {
                "freight_complaint_class": "important",
                "freight_cause_analysis": "<p>内部原因：订舱员漏报舱单</p>",
            }
        )
        stranger_company = self.env["res.partner"].create(
            {"name": "无关贸易有限公司", "is_company": True}
        )
        stranger = new_test_user(
            self.env, login="fc_portal_stranger", groups="base.group_portal"
        )
        stranger.partner_id.parent_id = stranger_company
        self.authenticate("fc_portal_stranger", "fc_portal_stranger")
        response = self.url_open(f"/my/ticket/{self.portal_ticket.id}")
        self.assertNotIn("portal-ticket-title", response.text)
        self.assertNotIn("订舱员漏报舱单", response.text)
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{self.portal_ticket.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("portal-ticket-title", response.text)
        self.assertNotIn("订舱员漏报舱单", response.text)
