# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import FreightComplaintCase, shanghai


@tagged("post_install", "-at_install")
class TestFreightComplaintAccess(FreightComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        intake = shanghai(2026, 11, 23, 9, 0)
        cls.own_customer_ticket = cls._complaint(intake)
        cls.other_ticket = cls._complaint(
            intake, partner_id=cls.other_customer.id, name="费用结算有误"
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "王芳", "parent_id": cls.customer.id, "email": "wf@example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="fcc_t_portal",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.Ticket = cls.env["helpdesk.ticket"]

    def test_service_user_handles_all_complaints(self):
        tickets = self.Ticket.with_user(self.service).search([])
        self.assertIn(self.other_ticket, tickets)
        callback = (
            self.env["freight.complaint.callback"]
            .with_user(self.service)
            .create({"ticket_id": self.other_ticket.id, "satisfaction": 88})
        )
        self.assertEqual(callback.user_id, self.service)
        with self.assertRaises(AccessError):
            self.env.ref("freight_crm_complaints.complaint_deadline_general").with_user(
                self.service
            ).hours = 12
        with self.assertRaises(AccessError):
            self.step_1.with_user(self.service).hours = 1

    def test_salesperson_sees_own_customers_complaints(self):
        tickets = self.Ticket.with_user(self.salesperson).search([])
        self.assertIn(self.own_customer_ticket, tickets)
        self.assertNotIn(self.other_ticket, tickets)
        self.assertEqual(
            self.own_customer_ticket.with_user(
                self.salesperson
            ).freight_complaint_class,
            "general",
        )
        with self.assertRaises(AccessError):
            self.other_ticket.with_user(self.salesperson).read(["name"])
        callbacks = self.env["freight.complaint.callback"]
        self._callback_for(self.other_ticket)
        mine = self._callback_for(self.own_customer_ticket)
        self.assertEqual(callbacks.with_user(self.salesperson).search([]), mine)
        own = self.own_customer_ticket.with_user(self.salesperson)
        own.write(
            {
                "freight_cause_analysis": "<p>报价单版本错误。</p>",
                "freight_corrective_measures": "<p>退还差价。</p>",
                "freight_root_cause_id": self.cause_price.id,
            }
        )
        own.action_freight_submit_solution()
        with self.assertRaisesRegex(UserError, "Only a customer-service supervisor"):
            own.action_freight_approve_solution()

    def test_manager_configures_and_approves(self):
        deadline = self.env.ref("freight_crm_complaints.complaint_deadline_general")
        deadline.with_user(self.manager).hours = 16
        self.assertEqual(deadline.hours, 16)
        self.env["freight.complaint.root.cause"].with_user(self.manager).create(
            {"name": "拖车迟到", "parent_id": self.cause_documents.parent_id.id}
        )
        ticket = self.other_ticket.with_user(self.manager)
        ticket.write(
            {
                "freight_cause_analysis": "<p>单证员漏核对。</p>",
                "freight_corrective_measures": "<p>增加复核。</p>",
                "freight_root_cause_id": self.cause_documents.id,
            }
        )
        ticket.action_freight_submit_solution()
        # Four eyes: the manager who wrote the solution does not approve it.
        with self.assertRaisesRegex(UserError, "your own work"):
            ticket.action_freight_approve_solution()
        self.assertIs(
            ticket.with_user(self.supervisor).action_freight_approve_solution(), True
        )
        self.assertEqual(ticket.freight_solution_state, "approved")
        self.assertEqual(ticket.freight_approved_by_id, self.supervisor)

    def test_portal_customer_files_and_reads_own_complaints(self):
        vals = self.Ticket._freight_portal_complaint_vals("important")
        self.assertEqual(
            vals["channel_id"],
            self.env.ref("freight_crm_complaints.helpdesk_ticket_channel_portal").id,
        )
        self.assertEqual(
            self.Ticket._freight_portal_complaint_vals("bogus")[
                "freight_complaint_class"
            ],
            "general",
        )
        # As the portal controller does: create in sudo, as the portal user.
        filed = (
            self.Ticket.with_user(self.portal_user)
            .sudo()
            .create(
                dict(
                    vals,
                    name="集装箱破损",
                    description="<p>到港后发现集装箱破损。</p>",
                    partner_id=self.contact.id,
                )
            )
        )
        self.assertEqual(filed.freight_complaint_class, "important")
        self.assertTrue(filed.freight_deadline)
        # The complaint team's leader, if it has one, is its first owner.
        self.assertEqual(
            filed.sudo().freight_first_owner_id, filed.sudo().team_id.user_id
        )
        visible = self.Ticket.with_user(self.portal_user).search([])
        self.assertIn(filed, visible)
        self.assertIn(self.own_customer_ticket, visible)
        self.assertNotIn(self.other_ticket, visible)
        self.assertEqual(
            filed.with_user(self.portal_user).freight_complaint_class, "important"
        )
        with self.assertRaises(AccessError):
            filed.with_user(self.portal_user).write(
                {"freight_complaint_class": "major"}
            )
        with self.assertRaises(AccessError):
            self.env["freight.complaint.callback"].with_user(self.portal_user).search(
                []
            )

    def _callback_for(self, ticket):
        return self.env["freight.complaint.callback"].create(
            {"ticket_id": ticket.id, "satisfaction": 90}
        )

    def test_escalation_roles_imply_service(self):
        self.assertTrue(self.supervisor.has_group("freight_crm.group_freight_service"))
        self.assertTrue(
            self.department.has_group(
                "freight_crm_complaints.group_complaint_supervisor"
            )
        )
        self.assertTrue(self.department._freight_is_complaint_leader())
        self.assertFalse(self.service._freight_is_complaint_leader())
