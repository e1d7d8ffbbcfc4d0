# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightCrmSecurity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, login="fc_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="fc_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="fc_manager", groups="freight_crm.group_freight_manager"
        )
        cls.internal = new_test_user(
            cls.env, login="fc_internal", groups="base.group_user"
        )
        cls.menu_root = cls.env.ref("freight_crm.freight_crm_menu_root")
        cls.menu_customers = cls.env.ref(
            "freight_crm.res_partner_menu_freight_customer"
        )
        cls.menu_config = cls.env.ref("freight_crm.res_partner_industry_menu_freight")

    def _visible_menus(self, user):
        return self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_module_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", "freight_crm")])
        self.assertEqual(module.state, "installed")

    def test_groups_share_one_privilege(self):
        privilege = self.env.ref("freight_crm.res_groups_privilege_freight_crm")
        groups = (
            self.env.ref("freight_crm.group_freight_salesperson")
            | self.env.ref("freight_crm.group_freight_service")
            | self.env.ref("freight_crm.group_freight_manager")
        )
        self.assertEqual(groups.privilege_id, privilege)

    def test_manager_implies_salesperson_and_service(self):
        self.assertTrue(self.manager.has_group("freight_crm.group_freight_salesperson"))
        self.assertTrue(self.manager.has_group("freight_crm.group_freight_service"))
        self.assertTrue(self.manager.has_group("base.group_user"))

    def test_roles_do_not_imply_upwards(self):
        self.assertFalse(
            self.salesperson.has_group("freight_crm.group_freight_manager")
        )
        self.assertFalse(
            self.salesperson.has_group("freight_crm.group_freight_service")
        )
        self.assertFalse(self.service.has_group("freight_crm.group_freight_manager"))
        self.assertFalse(
            self.service.has_group("freight_crm.group_freight_salesperson")
        )
        self.assertTrue(self.salesperson.has_group("base.group_user"))
        self.assertTrue(self.service.has_group("base.group_user"))

    def test_admin_is_manager(self):
        self.assertTrue(
            self.env.ref("base.user_admin").has_group(
                "freight_crm.group_freight_manager"
            )
        )

    def test_menu_visible_to_freight_roles(self):
        for user in (self.salesperson, self.service, self.manager):
            visible = self._visible_menus(user)
            self.assertIn(self.menu_root.id, visible, user.login)
            self.assertIn(self.menu_customers.id, visible, user.login)

    def test_configuration_menu_for_managers_only(self):
        self.assertIn(self.menu_config.id, self._visible_menus(self.manager))
        self.assertNotIn(self.menu_config.id, self._visible_menus(self.salesperson))
        self.assertNotIn(self.menu_config.id, self._visible_menus(self.service))

    def test_menu_hidden_from_plain_internal_user(self):
        visible = self._visible_menus(self.internal)
        self.assertNotIn(self.menu_root.id, visible)
        self.assertNotIn(self.menu_customers.id, visible)
