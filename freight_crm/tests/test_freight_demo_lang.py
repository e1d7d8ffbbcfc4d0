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
        tag = self.env["res.partner.category"].create({"name": "Key shipper"})
        tag.update_field_translations("name", {"zh_CN": "重点货主"})
        Users = self.env["res.users"]
        read = Users._freight_demo_run_as(
            user.id, "res.partner.category", "read", tag.ids, ["name"]
        )
        self.assertEqual(read[0]["name"], "重点货主")
        user.lang = "en_US"
        read = Users._freight_demo_run_as(
            user.id, "res.partner.category", "read", tag.ids, ["name"]
        )
        self.assertEqual(read[0]["name"], "Key shipper")
        with self.assertRaises(ValueError):
            Users._freight_demo_run_as(
                user.id, "res.users", "_freight_demo_set_lang", [], user.ids, "zh_CN"
            )

    def test_demo_step_logs_its_tracking_in_its_own_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.ref("base.cn").update_field_translations("name", {"zh_CN": "中国"})
        user = new_test_user(
            self.env,
            login="freight_demo_tracker",
            groups="freight_crm.group_freight_salesperson",
            lang="zh_CN",
        )
        china = self.env.ref("base.cn").id
        Partner = self.env["res.partner"]
        first, customer = Partner.create(
            [
                {"name": name, "is_company": True, "country_id": china}
                for name in ("宁波港通物流有限公司", "宁波恒达机械制造有限公司")
            ]
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        # A data file's change first, without a language, then a demo step.
        first.with_env(self.env(context={})).street = "明州路1号"
        self.env["res.users"]._freight_demo_run_as(
            user.id, "res.partner", "write", customer.ids, {"street": "明州路366号"}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        values = customer.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "contact_address_inline"
        )
        self.assertTrue(values)
        self.assertIn("中国", values.new_value_char)
        self.assertNotIn("China", values.new_value_char)
