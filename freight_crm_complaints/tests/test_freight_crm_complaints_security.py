# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightCrmComplaintsSecurity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, login="fcc_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="fcc_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="fcc_manager", groups="freight_crm.group_freight_manager"
        )
        cls.internal = new_test_user(
            cls.env, login="fcc_internal", groups="base.group_user"
        )
        cls.menu = cls.env.ref(
            "freight_crm_complaints.helpdesk_ticket_menu_freight_complaint"
        )

    def test_module_installed(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "freight_crm_complaints")]
        )
        self.assertEqual(module.state, "installed")
        self.assertIn("helpdesk_mgmt", module.dependencies_id.mapped("name"))

    def test_roles_carry_helpdesk_access(self):
        self.assertTrue(self.service.has_group("helpdesk_mgmt.group_helpdesk_user"))
        self.assertFalse(self.service.has_group("helpdesk_mgmt.group_helpdesk_manager"))
        self.assertTrue(
            self.salesperson.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )
        self.assertFalse(
            self.salesperson.has_group("helpdesk_mgmt.group_helpdesk_user")
        )
        self.assertTrue(self.manager.has_group("helpdesk_mgmt.group_helpdesk_manager"))

    def test_complaints_menu_visibility(self):
        menus = self.env["ir.ui.menu"]
        for user in (self.salesperson, self.service, self.manager):
            self.assertIn(
                self.menu.id, menus.with_user(user)._visible_menu_ids(), user.login
            )
        self.assertNotIn(
            self.menu.id, menus.with_user(self.internal)._visible_menu_ids()
        )
