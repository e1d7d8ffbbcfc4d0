# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The chatter's creation line in one language, activities and their
assignment notices in the assignee's."""

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightMailLang(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env.ref("base.model_res_partner").with_context(
            lang="en_US"
        ).update_field_translations("name", {"zh_CN": "联系人"})
        groups = "freight_crm.group_freight_salesperson"
        cls.user_zh = new_test_user(
            cls.env, login="mail_lang_zh", groups=groups, lang="zh_CN"
        )
        cls.user_en = new_test_user(
            cls.env, login="mail_lang_en", groups=groups, lang="en_US"
        )
        cls.colleague_zh = new_test_user(
            cls.env, login="mail_lang_zh2", groups=groups, lang="zh_CN"
        )
        cls.activity_type = cls.env["mail.activity.type"].create(
            {"name": "Check the file", "summary": "Check the customer file"}
        )
        cls.activity_type.update_field_translations(
            "summary", {"zh_CN": "核对客户档案"}
        )

    def _creation_line(self, partner):
        return partner.message_ids.filtered(lambda m: m.message_type == "notification")[
            -1:
        ].body

    def test_creation_line_in_the_users_language(self):
        # As a data file creates records: no language in the context.
        env = self.env(user=self.user_zh, context={})
        partner = env["res.partner"].create({"name": "宁波港通物流有限公司"})
        line = self._creation_line(partner)
        self.assertIn("联系人", line)
        self.assertNotIn("Contact", line)
        self.assertIn(partner.with_context(lang="zh_CN")._creation_message(), str(line))
        env = self.env(user=self.user_en, context={})
        partner = env["res.partner"].create({"name": "Ningbo Port Logistics"})
        self.assertIn("Contact created", self._creation_line(partner))

    def test_activity_in_the_assignees_language(self):
        partner = self.env["res.partner"].create({"name": "杭州顺达电子商务有限公司"})
        # Scheduled by a Chinese-speaking user for both colleagues.
        scheduler = partner.with_user(self.user_zh).with_context(lang="zh_CN").sudo()
        to_en = scheduler.activity_schedule(
            activity_type_id=self.activity_type.id, user_id=self.user_en.id
        )
        to_zh = scheduler.activity_schedule(
            activity_type_id=self.activity_type.id, user_id=self.colleague_zh.id
        )
        self.assertEqual(to_en.summary, "Check the customer file")
        self.assertEqual(to_zh.summary, "核对客户档案")
        notices = self.env["mail.message"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        to_en_notice = notices.filtered(
            lambda m: self.user_en.partner_id in m.partner_ids
        )
        to_zh_notice = notices.filtered(
            lambda m: self.colleague_zh.partner_id in m.partner_ids
        )
        self.assertIn("Check the customer file", to_en_notice.body)
        self.assertIn("assigned to you", to_en_notice.subject)
        self.assertNotIn("核对客户档案", to_en_notice.body)
        self.assertIn("核对客户档案", to_zh_notice.body)

    def test_notice_in_each_recipients_language(self):
        partner = self.env["res.partner"].create({"name": "苏州锦绣家纺电商有限公司"})
        messages = (
            partner.with_user(self.user_zh)
            .with_context(lang="zh_CN")
            ._freight_post_in_recipient_lang(
                self.user_en | self.user_zh,
                lambda record: f"[{record.env.lang}]",
                subtype_xmlid="mail.mt_note",
            )
        )
        self.assertEqual(len(messages), 2)
        by_lang = {m.body.striptags(): m.partner_ids for m in messages}
        self.assertEqual(by_lang["[en_US]"], self.user_en.partner_id)
        self.assertEqual(by_lang["[zh_CN]"], self.user_zh.partner_id)
        single = partner._freight_post_in_recipient_lang(
            self.env["res.users"], lambda record: "nobody", subtype_xmlid="mail.mt_note"
        )
        self.assertEqual(len(single), 1)
        self.assertFalse(single.partner_ids)
