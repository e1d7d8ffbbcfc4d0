# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFreightComplaintDemo(TransactionCase):
    """The demo complaints name their customer, and the demo portal user, a
    contact of a freight customer, finds that customer's complaints."""

    def setUp(self):
        super().setUp()
        self.portal = self.env.ref("base.demo_user0", raise_if_not_found=False)
        self.customer = self.env.ref(
            "freight_crm.partner_demo_yiwu_ecom", raise_if_not_found=False
        )
        if not self.portal or not self.customer:
            self.skipTest("demo data not loaded")

    def test_demo_complaints_name_their_customer(self):
        complaints = self.env["helpdesk.ticket"].search(
            [("freight_is_complaint", "=", True), ("partner_id", "!=", False)]
        )
        self.assertTrue(complaints)
        for complaint in complaints:
            with self.subTest(complaint=complaint.number):
                self.assertEqual(complaint.partner_name, complaint.partner_id.name)
                self.assertEqual(complaint.partner_email, complaint.partner_id.email)

    def test_portal_user_sees_its_customers_complaints(self):
        self.assertEqual(self.portal.commercial_partner_id, self.customer)
        Ticket = self.env["helpdesk.ticket"]
        expected = Ticket.search([("partner_id", "=", self.customer.id)])
        self.assertTrue(expected)
        seen = Ticket.with_user(self.portal).search([])
        self.assertEqual(seen & expected, expected)
        mine = Ticket.search(
            [
                "|",
                ("partner_id", "child_of", self.customer.id),
                ("message_partner_ids", "child_of", self.customer.id),
            ]
        )
        self.assertFalse(seen - mine)
