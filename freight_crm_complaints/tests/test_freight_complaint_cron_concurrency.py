# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFreightComplaintCronConcurrency(TransactionCase):
    """Two escalation runs at the same moment, on two database connections."""

    def _env(self, cr):
        return api.Environment(cr, api.SUPERUSER_ID, {})

    def test_two_runs_at_once_fire_each_level_once(self):
        with self.registry.cursor() as setup_cr:
            setup_env = self._env(setup_cr)
            ticket_id = (
                setup_env["helpdesk.ticket"]
                .create(
                    {
                        "team_id": setup_env.ref(
                            "freight_crm_complaints.helpdesk_ticket_team_complaint"
                        ).id,
                        "name": "并发升级测试",
                        "description": "<p>concurrency</p>",
                        "freight_intake_date": fields.Datetime.now()
                        - timedelta(days=10),
                    }
                )
                .id
            )
        try:
            with (
                self.registry.cursor() as first_cr,
                self.registry.cursor() as second_cr,
            ):
                first = self._env(first_cr)["helpdesk.ticket"]
                second = self._env(second_cr)["helpdesk.ticket"]
                # The first run holds the complaint's row until it commits.
                first._cron_freight_escalate()
                # The second run meanwhile skips the locked complaint (were
                # it to wait for the lock instead, the timeout fails the test).
                second_cr.execute("SET LOCAL lock_timeout = '5s'")
                second._cron_freight_escalate()
                self.assertEqual(second.browse(ticket_id).freight_escalation_level, 0)
                first_cr.commit()
                second_cr.rollback()
                # Run again after the commit: nothing is left to fire.
                second._cron_freight_escalate()
                second_cr.commit()
            with self.registry.cursor() as check_cr:
                ticket = self._env(check_cr)["helpdesk.ticket"].browse(ticket_id)
                self.assertEqual(ticket.freight_escalation_level, 3)
                logs = ticket.message_ids.filtered(
                    lambda m: "Escalated to level" in (m.body or "")
                )
                self.assertEqual(len(logs), 3)
        finally:
            with self.registry.cursor() as cleanup_cr:
                self._env(cleanup_cr)["helpdesk.ticket"].browse(ticket_id).unlink()
