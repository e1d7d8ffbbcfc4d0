# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cross-addon checks on the installed database (run by `make test`)."""

from odoo.tests import TransactionCase, tagged

ADDONS = ("freight_crm", "freight_crm_complaints", "freight_crm_visits")


@tagged("post_install", "-at_install")
class TestAddonsInstalled(TransactionCase):
    def test_three_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(sorted(modules.mapped("name")), sorted(ADDONS))
        self.assertEqual(set(modules.mapped("state")), {"installed"})

    def test_demo_logins_have_their_roles(self):
        if not self.env["ir.module.module"].search([("name", "=", "freight_crm")]).demo:
            self.skipTest("database installed without demo data")
        roles = {
            "sales": "freight_crm.group_freight_salesperson",
            "service": "freight_crm.group_freight_service",
            "manager": "freight_crm.group_freight_manager",
        }
        for login, group in roles.items():
            user = self.env["res.users"].search([("login", "=", login)])
            self.assertTrue(user, login)
            self.assertTrue(user.has_group(group), login)

    def test_complaints_menu_under_freight_root(self):
        menu = self.env.ref(
            "freight_crm_complaints.helpdesk_ticket_menu_freight_complaint"
        )
        self.assertEqual(
            menu.parent_id, self.env.ref("freight_crm.freight_crm_menu_root")
        )
