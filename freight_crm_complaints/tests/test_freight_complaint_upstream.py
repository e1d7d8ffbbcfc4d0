# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tickets of teams that do not handle complaints stay plain helpdesk_mgmt
tickets; complaint data of an older version migrates."""

import ast
import importlib.util
from pathlib import Path

from freezegun import freeze_time

from odoo.tests import tagged

from .common import FreightComplaintCase, shanghai

MIGRATION = Path(__file__).parent.parent / "migrations" / "19.0.1.1.0"


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, MIGRATION / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestFreightComplaintUpstream(FreightComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.it_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "IT support", "user_ids": [(6, 0, [cls.service.id])]}
        )

    def _plain_ticket(self, **vals):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.service)
            .create(
                dict(
                    {
                        "name": "打印机故障",
                        "description": "<p>打印机无法打印。</p>",
                        "team_id": self.it_team.id,
                        "user_id": self.service.id,
                    },
                    **vals,
                )
            )
        )

    def test_plain_ticket_is_no_complaint(self):
        ticket = self._plain_ticket()
        self.assertFalse(ticket.freight_is_complaint)
        self.assertFalse(ticket.freight_complaint_class)
        self.assertFalse(ticket.freight_deadline)
        self.assertFalse(ticket.freight_next_escalation)
        self.assertFalse(ticket.sudo().freight_first_owner_id)
        # Closed in helpdesk_mgmt's Done stage, no callback asked.
        ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.assertTrue(ticket.closed)
        self.assertFalse(
            self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_stage_done"
            ).freight_requires_callback
        )

    def test_cron_escalates_complaints_only(self):
        with freeze_time(shanghai(2026, 11, 23, 9, 0)):
            plain = self._plain_ticket()
        complaint = self._complaint(shanghai(2026, 11, 23, 9, 0))
        with freeze_time(shanghai(2026, 11, 24, 9, 0)):
            self.env["helpdesk.ticket"]._cron_freight_escalate()
        self.assertEqual(complaint.sudo().freight_escalation_level, 3)
        self.assertEqual(plain.sudo().freight_escalation_level, 0)

    def test_complaints_action_shows_complaints_only(self):
        plain = self._plain_ticket()
        complaint = self._complaint(shanghai(2026, 11, 23, 9, 0))
        action = self.env.ref(
            "freight_crm_complaints.helpdesk_ticket_action_freight_complaint"
        )
        found = (
            self.env["helpdesk.ticket"]
            .with_user(self.service)
            .search(ast.literal_eval(action.domain))
        )
        self.assertIn(complaint, found)
        self.assertNotIn(plain, found)

    def test_ticket_moved_to_complaint_team_becomes_complaint(self):
        ticket = self._plain_ticket()
        ticket.team_id = self.cs_team
        self.assertTrue(ticket.freight_is_complaint)
        self.assertEqual(ticket.freight_complaint_class, "general")
        self.assertEqual(ticket.sudo().freight_first_owner_id, self.service)
        # Back out of the complaint teams: a leader's decision.
        with self.assertRaisesRegex(Exception, "stays with a complaint team"):
            ticket.team_id = self.it_team
        ticket.with_user(self.supervisor).team_id = self.it_team
        self.assertFalse(ticket.freight_is_complaint)

    def test_migration_flags_teams_of_complaints(self):
        pre = load_script("pre-migration")
        post = load_script("post-migration")
        ticket = self._plain_ticket()
        teamless = self._plain_ticket(team_id=False, user_id=False)
        self.assertFalse(teamless.team_id)
        # As a database of the former version stores them: every ticket had
        # a complaint class, Done required the callback.
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET freight_complaint_class = 'general' "
            "WHERE id IN %s",
            ((ticket | teamless)._ids,),
        )
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.env.cr.execute(
            "UPDATE helpdesk_ticket_stage SET freight_requires_callback = TRUE "
            "WHERE id = %s",
            (done.id,),
        )
        self.env.invalidate_all()
        pre.migrate(self.env.cr, "19.0.1.0.0")
        post.migrate(self.env.cr, "19.0.1.0.0")
        self.env.invalidate_all()
        self.assertTrue(self.it_team.freight_is_complaint_team)
        self.assertTrue(ticket.freight_is_complaint)
        self.assertEqual(
            teamless.team_id,
            self.env.ref("freight_crm_complaints.helpdesk_ticket_team_complaint"),
        )
        self.assertTrue(teamless.freight_is_complaint)
        self.assertFalse(done.freight_requires_callback)
