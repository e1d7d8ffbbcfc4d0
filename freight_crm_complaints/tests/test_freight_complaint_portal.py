# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.helpdesk_mgmt.tests.test_helpdesk_portal import (
    TestHelpdeskPortalBase,
)


@tagged("post_install", "-at_install")
class TestFreightComplaintPortal(TestHelpdeskPortalBase):
    def test_portal_form_offers_complaint_class(self):
        self.authenticate("portal", "portal")
        response = self.url_open("/new/ticket")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="freight_complaint_class"', response.text)
        self.assertIn('value="major"', response.text)

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
        self.assertFalse(ticket.freight_first_owner_id)

    def test_portal_ticket_page_shows_class_and_deadline(self):
        self.portal_ticket.freight_complaint_class = "important"
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{self.portal_ticket.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Important", response.text)
        self.assertIn('name="freight_deadline"', response.text)
