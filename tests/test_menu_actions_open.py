# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every Freight CRM menu a role can see opens for that role, the way the web
client opens it: views loaded, the list read with the fields of its list
view, and the first record read with the fields of its form view. An
AccessError or a broken view anywhere fails here, per role."""

from lxml import etree

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

ROLES = {
    "salesperson": "freight_crm.group_freight_salesperson",
    "service": "freight_crm.group_freight_service",
    "manager": "freight_crm.group_freight_manager",
    "legal": "freight_crm.group_freight_legal",
}


def _specification(arch):
    """web_read specification of a view's own fields (subviews excluded)."""
    return {
        node.get("name"): {}
        for node in etree.fromstring(arch).iter("field")
        if not any(parent.tag == "field" for parent in node.iterancestors())
    }


@tagged("post_install", "-at_install")
class TestMenuActionsOpen(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(cls.env, login=f"menu_{role}", groups=group)
            for role, group in ROLES.items()
        }
        root = cls.env.ref("freight_crm.freight_crm_menu_root")
        cls.menus = cls.env["ir.ui.menu"].search([("id", "child_of", root.id)])

    def _window_actions(self, user):
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

        def shown(menu):
            # The web client shows a menu only under visible parents.
            return not menu or (menu.id in visible and shown(menu.parent_id))

        for menu in self.menus.filtered(shown):
            action = menu.action
            if action and action._name == "ir.actions.act_window":
                yield menu, action

    def _open(self, user, action):
        env = self.env(user=user)
        model = env[action.res_model]
        eval_context = env["ir.actions.actions"]._get_eval_context()
        domain = safe_eval(action.domain or "[]", eval_context)
        context = safe_eval(action.context or "{}", eval_context)
        model = model.with_context(**context)
        modes = action.view_mode.split(",")
        views = model.get_views([(False, mode) for mode in modes] + [(False, "search")])
        records = []
        if "list" in modes:
            arch = views["views"]["list"]["arch"]
            records = model.web_search_read(domain, _specification(arch), limit=5)[
                "records"
            ]
        elif "kanban" in modes:
            records = model.search_read(domain, ["display_name"], limit=5)
        if "form" in modes and records:
            arch = views["views"]["form"]["arch"]
            model.browse(records[0]["id"]).web_read(_specification(arch))
        return views

    def test_every_visible_menu_opens_for_every_role(self):
        for role, user in self.users.items():
            opened = 0
            for menu, action in self._window_actions(user):
                with self.subTest(role=role, menu=menu.complete_name):
                    self._open(user, action)
                    opened += 1
            self.assertGreater(opened, 0, f"{role} sees no Freight CRM window action")

    def test_plain_internal_user_sees_no_freight_menu(self):
        internal = new_test_user(
            self.env, login="menu_internal", groups="base.group_user"
        )
        self.assertEqual(list(self._window_actions(internal)), [])
