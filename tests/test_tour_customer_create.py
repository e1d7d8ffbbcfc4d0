# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser tour: a salesperson creates a company customer and a contact of it
in the web client (the form sends every invisible field with its default)."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTourCustomerCreate(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env,
            login="freight_tour_creator",
            name="Freight Tour Creator",
            groups="freight_crm.group_freight_salesperson",
            lang="en_US",
        )

    def test_salesperson_creates_customer_and_contact(self):
        self.start_tour(
            "/odoo/action-freight_crm.res_partner_action_freight_customer/new",
            "freight_crm_customer_create",
            login=self.salesperson.login,
        )
        customer = self.env["res.partner"].search(
            [("name", "=", "宁波北仑精密机械有限公司")]
        )
        self.assertEqual(len(customer), 1)
        self.assertTrue(customer.is_company)
        self.assertEqual(customer.user_id, self.salesperson)
        self.assertEqual(customer.create_uid, self.salesperson)
        contact = customer.child_ids
        self.assertEqual(contact.mapped("name"), ["王立新"])
        self.assertFalse(contact.is_company)
        self.assertEqual(contact.user_id, self.salesperson)
