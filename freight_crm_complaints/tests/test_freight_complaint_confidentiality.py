# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import FreightComplaintCase, shanghai

# The handling record of a complaint: for the company's freight staff only.
STAFF_FIELDS = (
    "freight_first_owner_id",
    "freight_escalation_level",
    "freight_cause_analysis",
    "freight_corrective_measures",
    "freight_compensation_amount",
)


@tagged("post_install", "-at_install")
class TestFreightComplaintConfidentiality(FreightComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = new_test_user(
            cls.env,
            login="fcc_t_conf_sales_z",
            groups="freight_crm.group_freight_salesperson",
        )
        cls.other_customer.user_id = cls.other_salesperson
        # Salesperson X is a member of the complaint team.
        cls.cs_team.user_ids = [Command.link(cls.salesperson.id)]
        contact = cls.env["res.partner"].create(
            {"name": "韩梅梅", "parent_id": cls.customer.id}
        )
        cls.portal = new_test_user(
            cls.env,
            login="fcc_t_conf_portal",
            groups="base.group_portal",
            partner_id=contact.id,
        )
        intake = shanghai(2026, 11, 23, 9, 0)
        cls.own = cls._complaint(intake, partner_id=contact.id)
        # Unassigned complaint of Z's customer in X's team.
        cls.others = cls._complaint(
            intake, partner_id=cls.other_customer.id, user_id=False
        )
        cls.others.sudo().freight_cause_analysis = "<p>内部分析</p>"

    def test_portal_user_cannot_read_handling_record(self):
        ticket = self.own.with_user(self.portal)
        self.assertEqual(ticket.read(["name"])[0]["name"], self.own.name)
        for name in STAFF_FIELDS:
            with self.subTest(field=name), self.assertRaises(AccessError):
                ticket.read([name])
            with (
                self.subTest(field=name, entry="search"),
                self.assertRaises(AccessError),
            ):
                ticket.search([(name, "!=", False)])
        fields = ticket.fields_get()
        for name in STAFF_FIELDS:
            self.assertNotIn(name, fields)

    def test_plain_internal_user_cannot_read_handling_record(self):
        internal = new_test_user(
            self.env,
            login="fcc_t_conf_internal",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user",
        )
        for name in STAFF_FIELDS:
            with self.subTest(field=name), self.assertRaises(AccessError):
                self.own.with_user(internal).read([name])

    def test_team_rule_does_not_widen_salesperson_access(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.salesperson)
        self.assertIn(self.own, Ticket.search([]))
        self.assertNotIn(self.others, Ticket.search([]))
        with self.assertRaises(AccessError):
            self.others.with_user(self.salesperson).read(["name"])
        with self.assertRaises(AccessError):
            self.others.with_user(self.salesperson).write({"priority": "3"})
        # Z, whose customer it is, handles it.
        other = self.others.with_user(self.other_salesperson)
        self.assertIn("内部分析", other.freight_cause_analysis)

    def test_service_keeps_what_it_needs(self):
        ticket = self.others.with_user(self.service)
        values = ticket.read(list(STAFF_FIELDS) + ["partner_id"])[0]
        self.assertEqual(values["partner_id"][0], self.other_customer.id)
        ticket.write({"freight_compensation_amount": 200})
        self.assertEqual(ticket.freight_compensation_amount, 200)

    def test_salesperson_still_sees_plain_team_tickets(self):
        it_team = self.env["helpdesk.ticket.team"].create(
            {"name": "IT", "user_ids": [Command.link(self.salesperson.id)]}
        )
        # helpdesk_mgmt's rules read the user's teams: cached per user.
        self.env.registry.clear_cache()
        plain = self.env["helpdesk.ticket"].create(
            {
                "name": "电脑故障",
                "description": "<p>电脑无法开机。</p>",
                "team_id": it_team.id,
                "user_id": False,
            }
        )
        self.assertIn(
            plain, self.env["helpdesk.ticket"].with_user(self.salesperson).search([])
        )
