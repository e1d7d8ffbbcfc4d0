# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightDemoLang(TransactionCase):
    def test_demo_users_get_their_language_when_loaded(self):
        user = new_test_user(self.env, login="freight_demo_lang", lang="en_US")
        Users = self.env["res.users"]
        self.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "sr@latin")]
        ).active = False
        self.assertFalse(Users._freight_demo_set_lang(user.ids, "sr@latin"))
        self.assertEqual(user.lang, "en_US")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.assertTrue(Users._freight_demo_set_lang(user.ids, "zh_CN"))
        self.assertEqual(user.lang, "zh_CN")

    def test_demo_steps_run_in_the_acting_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        user = new_test_user(self.env, login="freight_demo_actor", lang="zh_CN")
        Users = self.env["res.users"]
        defaults = Users._freight_demo_run_as(
            user.id, "res.partner", "default_get", [], ["lang"]
        )
        self.assertEqual(defaults["lang"], "zh_CN")
        partner = Users._freight_demo_run_as(
            user.id, "res.partner", "create", [], {"name": "演示客户"}
        )
        self.assertEqual(partner.lang, "zh_CN")
        user.lang = "en_US"
        defaults = Users._freight_demo_run_as(
            user.id, "res.partner", "default_get", [], ["lang"]
        )
        self.assertEqual(defaults["lang"], "en_US")
        with self.assertRaises(ValueError):
            Users._freight_demo_run_as(
                user.id, "res.partner", "_freight_demo_set_lang", [], [], "zh_CN"
            )
