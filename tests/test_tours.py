# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser tours (headless Chromium): flows as a person does them in the web
client. Skipped by Odoo where no Chromium is installed; `.ci/run` installs it."""

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="tour_manager",
            groups="freight_crm.group_freight_manager",
            lang="en_US",
        )
        cls.service = new_test_user(
            cls.env,
            login="tour_service",
            groups="freight_crm.group_freight_service",
            lang="en_US",
        )
        cls.salesperson = new_test_user(
            cls.env,
            login="tour_sales",
            groups="freight_crm.group_freight_salesperson",
            lang="en_US",
        )
        cls.legal = new_test_user(
            cls.env,
            login="tour_legal",
            groups="freight_crm.group_freight_legal",
            lang="en_US",
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "绍兴柯桥纺织品进出口有限公司",
                "is_company": True,
                "freight_customer_state": "signed",
                "user_id": cls.manager.id,
            }
        )

    def test_manager_confirms_evaluation(self):
        evaluation = self.env["freight.customer.evaluation"].create(
            {"partner_id": self.customer.id}
        )
        evaluation.line_ids.score = 90
        self.start_tour(
            f"/odoo/action-freight_crm.freight_customer_evaluation_action/{evaluation.id}",
            "freight_crm_confirm_evaluation",
            login=self.manager.login,
        )
        self.assertEqual(evaluation.state, "confirmed")
        self.assertEqual(self.customer.freight_grade_id.code, "A")
        self.assertEqual(evaluation.line_ids[:1].score, 95)

    def test_service_records_major_complaint(self):
        self.start_tour(
            "/odoo/action-freight_crm_complaints.helpdesk_ticket_action_freight_complaint/new",
            "freight_complaint_intake",
            login=self.service.login,
        )
        ticket = self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.freight_complaint_class, "major")
        self.assertEqual(ticket.freight_first_owner_id, self.service)
        self.assertTrue(ticket.freight_deadline)
        emergency = self.env.ref(
            "freight_crm_complaints.mail_activity_type_emergency_plan"
        )
        self.assertIn(emergency, ticket.activity_ids.activity_type_id)

    def test_salesperson_reports_visit(self):
        self.customer.user_id = self.salesperson
        visit = self.env["freight.visit"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.salesperson.id,
                "visit_date": fields.Date.today(),
            }
        )
        self.start_tour(
            f"/odoo/action-freight_crm_visits.freight_visit_action/{visit.id}",
            "freight_visit_report",
            login=self.salesperson.login,
        )
        self.assertEqual(visit.state, "submitted")
        self.assertIn("汉堡", visit.actual_content)

    def test_legal_approves_contract_step(self):
        self.customer.user_id = self.salesperson
        contract = (
            self.env["freight.customer.contract"]
            .with_user(self.salesperson)
            .create(
                {
                    "partner_id": self.customer.id,
                    "service_scope": "宁波至汉堡整柜海运、报关",
                    "date_start": fields.Date.today(),
                    "date_end": fields.Date.add(fields.Date.today(), years=1),
                    "is_long_term": True,
                }
            )
        )
        contract.with_user(self.salesperson).action_submit()
        contract.with_user(self.manager).action_manager_approve()
        self.start_tour(
            f"/odoo/action-freight_crm.freight_customer_contract_action/{contract.id}",
            "freight_crm_contract_legal_approval",
            login=self.legal.login,
        )
        self.assertEqual(contract.state, "deputy_review")
        self.assertEqual(contract.legal_approver_id, self.legal)
