# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestVisitFlow(FreightVisitCase):
    def setUp(self):
        super().setUp()
        self.visit = self._make_visit(
            self.customer,
            date(2026, 3, 9),
            planned_content="Discuss Q2 shipping plan",
        ).with_user(self.salesperson)

    def test_flow_in_order(self):
        self.visit.action_done()
        self.assertEqual(self.visit.state, "done")
        self.visit.actual_content = "Customer ships 4 x 40HQ a week from May."
        self.visit.action_submit()
        self.assertEqual(self.visit.state, "submitted")
        self.visit.with_user(self.manager).action_approve()
        self.assertEqual(self.visit.state, "approved")
        self.assertEqual(self.visit.approver_id, self.manager)
        self.assertEqual(self.visit.approval_date, date(2026, 3, 10))

    def test_return_with_reason_and_resubmit(self):
        self.visit.action_done()
        self.visit.actual_content = "Visited."
        self.visit.action_submit()
        wizard_action = self.visit.with_user(self.manager).action_return()
        self.assertEqual(wizard_action["res_model"], "freight.visit.return.wizard")
        wizard = Form(
            self.env["freight.visit.return.wizard"]
            .with_user(self.manager)
            .with_context(**wizard_action["context"])
        )
        wizard.reason = "Add the competitors and the customer's needs."
        wizard.save().action_confirm()
        self.assertEqual(self.visit.state, "returned")
        self.assertIn("competitors", self.visit.return_reason)
        self.visit.competitors = "Two local forwarders"
        self.visit.action_submit()
        self.visit.with_user(self.manager).action_approve()
        self.assertEqual(self.visit.state, "approved")
        self.assertFalse(self.visit.return_reason)

    def test_out_of_order_refused(self):
        with self.assertRaisesRegex(UserError, "cannot submit"):
            self.visit.action_submit()
        with self.assertRaisesRegex(UserError, "cannot approve"):
            self.visit.with_user(self.manager).action_approve()
        self.visit.action_done()
        with self.assertRaisesRegex(UserError, "cannot mark as done"):
            self.visit.action_done()
        with self.assertRaisesRegex(UserError, "cannot approve"):
            self.visit.with_user(self.manager).action_approve()
        self.assertEqual(self.visit.state, "done")

    def test_approval_by_direct_write_refused(self):
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.visit.write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.visit.write({"approver_id": self.salesperson.id})
        self.assertEqual(self.visit.state, "planned")

    def test_future_visit_cannot_be_done(self):
        self.visit.visit_date = date(2026, 3, 10) + timedelta(days=1)
        with self.assertRaisesRegex(UserError, "dated in the future"):
            self.visit.action_done()
        self.assertEqual(self.visit.state, "planned")

    def test_direct_writes_keep_the_flow_rules(self):
        # RPC or import writes cannot skip what the buttons check, and
        # nothing of a refused write is kept.
        tomorrow = date(2026, 3, 11)
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.visit.write({"state": "submitted"})
        self.assertEqual(self.visit.state, "planned")
        # A planned visit can be moved to any date, but not marked done then.
        self.visit.visit_date = tomorrow
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.visit.write({"state": "done"})
        with self.assertRaisesRegex(UserError, "dated in the future"):
            self.visit.action_done()
        self.assertEqual(self.visit.state, "planned")
        self.visit.visit_date = date(2026, 3, 9)
        self.visit.action_done()
        with self.assertRaisesRegex(UserError, "dated in the future"):
            self.visit.visit_date = tomorrow
        self.assertEqual(self.visit.visit_date, date(2026, 3, 9))

    def test_submit_without_actual_content_refused(self):
        self.visit.action_done()
        self.visit.actual_content = "   "
        with self.assertRaisesRegex(UserError, "actual content"):
            self.visit.action_submit()
        self.assertEqual(self.visit.state, "done")

    def test_return_without_reason_refused(self):
        self.visit.action_done()
        self.visit.actual_content = "Visited."
        self.visit.action_submit()
        with self.assertRaisesRegex(UserError, "reason"):
            self.visit.with_user(self.manager).action_return(reason=" ")
        self.assertEqual(self.visit.state, "submitted")

    def test_approval_by_non_manager_refused(self):
        self.visit.action_done()
        self.visit.actual_content = "Visited."
        self.visit.action_submit()
        with self.assertRaisesRegex(UserError, "Only a Freight CRM manager"):
            self.visit.action_approve()
        with self.assertRaisesRegex(UserError, "Only a Freight CRM manager"):
            self.visit.action_return(reason="no")
        self.assertEqual(self.visit.state, "submitted")

    def test_done_visit_closes_planning_activity(self):
        self.visit.activity_schedule(
            "freight_crm_visits.mail_activity_type_visit", user_id=self.salesperson.id
        )
        self.visit.action_done()
        self.assertFalse(self.visit.activity_ids)

    def test_only_planned_visits_can_be_deleted(self):
        self.visit.action_done()
        with self.assertRaisesRegex(UserError, "Only planned visits"):
            self.visit.unlink()

    def test_abnormal_relationship_notifies_department_manager(self):
        self.env.company.freight_visit_manager_id = self.manager
        self.visit.write(
            {
                "relationship_abnormal": True,
                "abnormal_description": "Volume down 40 %, talking to a competitor.",
            }
        )
        message = self.visit.message_ids.filtered(
            lambda m: self.manager.partner_id in m.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn("competitor", message.body)
        notified = self.env["mail.notification"].search(
            [
                ("mail_message_id", "=", message.id),
                ("res_partner_id", "=", self.manager.partner_id.id),
            ]
        )
        self.assertTrue(notified)
        activity = self.visit.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("freight_crm_visits.mail_activity_type_abnormal")
            )
        )
        self.assertEqual(activity.user_id, self.manager)
        # Saving again does not notify twice.
        self.visit.write({"relationship_abnormal": True})
        self.assertEqual(len(self.visit.activity_ids), 1)

    def test_abnormal_without_configured_manager_notifies_all_managers(self):
        self.env.company.freight_visit_manager_id = False
        visit = self._make_visit(
            self.customer, date(2026, 3, 9), relationship_abnormal=True
        )
        self.assertIn(self.manager, visit.activity_ids.user_id)

    def test_report_renders(self):
        self.visit.actual_content = "Quarterly review"
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "freight_crm_visits.report_freight_visit", self.visit.ids
        )
        self.assertIn(b"SALES Customer Visit Record", html)
        self.assertIn(self.customer.name.encode(), html)

    def test_report_renders_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["freight_crm_visits"], ["zh_CN"], overwrite=True
        )
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "freight_crm_visits.report_freight_visit", self.visit.ids
            )
        )
        html = html.decode()
        self.assertIn("SALES客户拜访记录表", html)
        self.assertIn("会谈地址", html)
        self.assertIn("审批人", html)


@tagged("post_install", "-at_install")
class TestVisitDefaults(FreightVisitCase):
    def test_meeting_address_from_the_customer(self):
        self.customer.write({"street": "浦东新区世纪大道100号", "city": "上海"})
        visit = self._make_visit(self.customer, date.today())
        self.assertEqual(visit.address, "浦东新区世纪大道100号, 上海")
        visit.with_user(self.salesperson).address = "客户仓库：外高桥保税区"
        self.assertEqual(visit.address, "客户仓库：外高桥保税区")
