# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import glob
import os

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.translate import code_translations, translation_file_reader

from odoo.addons import helpdesk_mgmt

from ..tools.i18n_extra import extra_po_paths


def po_terms(path):
    """{msgid: msgstr} of a PO or POT file."""
    with open(path, "rb") as fileobj:
        return {
            row["src"]: row["value"]
            for row in translation_file_reader(fileobj, fileformat="po")
        }


@tagged("post_install", "-at_install")
class TestFreightComplaintI18n(TransactionCase):
    """helpdesk_mgmt in Chinese: the translation shipped in i18n_extra."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search(
            [("name", "in", ("helpdesk_mgmt", "freight_crm_complaints"))]
        )._update_translations("zh_CN")
        cls.service = new_test_user(
            cls.env,
            login="i18n_service",
            groups="freight_crm.group_freight_service",
            lang="zh_CN",
        )

    def test_po_covers_every_helpdesk_term(self):
        pot_dir = os.path.join(os.path.dirname(helpdesk_mgmt.__file__), "i18n")
        pot = po_terms(glob.glob(os.path.join(pot_dir, "*.pot"))[0])
        po_path = list(extra_po_paths("helpdesk_mgmt", "zh_CN"))
        self.assertEqual(len(po_path), 1)
        po = po_terms(po_path[0])
        self.assertFalse(set(pot) - set(po), "helpdesk_mgmt terms untranslated")
        untranslated = [src for src, value in po.items() if not value or value == src]
        self.assertFalse(untranslated)

    def test_records_and_labels_in_chinese(self):
        env = self.env(user=self.service, context={"lang": "zh_CN"})
        self.assertEqual(
            env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").name, "新建"
        )
        self.assertEqual(
            env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress").name, "处理中"
        )
        self.assertEqual(
            env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").name, "电话"
        )
        self.assertEqual(
            env.ref("helpdesk_mgmt.helpdesk_ticket_main_menu").name, "服务台"
        )
        fields = env["helpdesk.ticket"].fields_get(["channel_id", "number"], ["string"])
        self.assertEqual(fields["channel_id"]["string"], "渠道")
        self.assertEqual(fields["number"]["string"], "工单号")

    def test_portal_pages_in_chinese(self):
        view = self.env.ref("helpdesk_mgmt.portal_create_ticket").with_context(
            lang="zh_CN"
        )
        self.assertIn("提交新工单", view.arch_db)
        self.assertIn("提交工单", view.arch_db)
        self.assertNotIn("Send a new ticket", view.arch_db)

    def test_code_terms_in_chinese(self):
        terms = code_translations.get_python_translations("helpdesk_mgmt", "zh_CN")
        self.assertEqual(terms["Search in Title"], "按标题搜索")
        self.assertEqual(terms["Newest"], "最新")

    def test_root_cause_in_chinese(self):
        cause = self.env.ref(
            "freight_crm_complaints.complaint_root_cause_operations_documents"
        )
        Cause = self.env["freight.complaint.root.cause"].with_user(self.service)
        chinese = cause.with_user(self.service).with_context(lang="zh_CN")
        category = chinese.parent_id.name
        self.assertNotEqual(category, cause.with_context(lang="en_US").parent_id.name)
        self.assertEqual(chinese.display_name, f"{category} / {chinese.name}")
        self.assertEqual(
            cause.with_context(lang="en_US").display_name,
            "Own operations error / Unqualified documents",
        )
        found = Cause.with_context(lang="zh_CN").name_search(chinese.name)
        self.assertIn(cause.id, [cause_id for cause_id, _name in found])
