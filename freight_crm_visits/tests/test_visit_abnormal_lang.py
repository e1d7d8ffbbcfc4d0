# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import new_test_user, tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitAbnormalLang(FreightVisitCase):
    def test_abnormal_notice_in_each_managers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        manager_zh = new_test_user(
            self.env,
            login="fv_manager_zh",
            groups="freight_crm.group_freight_manager",
            lang="zh_CN",
        )
        self.manager.lang = "en_US"
        self.env.company.freight_visit_manager_id = False
        visit = self._make_visit(self.customer, date(2026, 3, 9))
        visit.with_user(self.salesperson).with_context(lang="zh_CN").write(
            {"relationship_abnormal": True, "abnormal_description": "货量下降40%"}
        )
        to_en = visit.message_ids.filtered(
            lambda m: self.manager.partner_id in m.partner_ids
        )
        to_zh = visit.message_ids.filtered(
            lambda m: manager_zh.partner_id in m.partner_ids
        )
        self.assertEqual(len(to_en), 1)
        self.assertIn("Abnormal customer relationship reported", to_en.body)
        self.assertNotIn(manager_zh.partner_id, to_en.partner_ids)
        self.assertEqual(len(to_zh), 1)
        self.assertIn("本次拜访上报客户关系异常", to_zh.body)
        abnormal = self.env.ref("freight_crm_visits.mail_activity_type_abnormal")
        activities = visit.activity_ids.filtered(
            lambda a: a.activity_type_id == abnormal
        )
        self.assertEqual(
            activities.filtered(lambda a: a.user_id == self.manager).summary,
            abnormal.with_context(lang="en_US").summary,
        )
        self.assertEqual(
            activities.filtered(lambda a: a.user_id == manager_zh).summary,
            abnormal.with_context(lang="zh_CN").summary,
        )
