# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import FreightComplaintCase, shanghai

NOW = shanghai(2026, 11, 23, 15, 0)  # Monday afternoon
DUE_INTAKE = shanghai(2026, 11, 23, 9, 30)  # level 2 reached at 14:30


@tagged("post_install", "-at_install")
class TestFreightComplaintCronScale(FreightComplaintCase):
    def _due_complaints(self, count):
        return self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"到港延误 {n}",
                    "description": "<p>延误</p>",
                    "team_id": self.cs_team.id,
                    "user_id": self.service.id,
                    "partner_id": self.customer.id,
                    "freight_intake_date": DUE_INTAKE,
                }
                for n in range(count)
            ]
        )

    def _insert_open_complaints(self, count):
        """Open complaints not yet due, written in one INSERT to stay fast."""
        stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        self.env.flush_all()
        self.env.cr.execute(
            """
            INSERT INTO helpdesk_ticket (
                number, name, description, company_id, team_id, stage_id,
                user_id, priority, active, sequence,
                freight_complaint_class, freight_intake_date, freight_deadline,
                freight_next_escalation, freight_escalation_level,
                freight_solution_state, create_date, write_date)
            SELECT 'BULK' || n, 'bulk ' || n, '<p>bulk</p>', %(company)s,
                   %(team)s, %(stage)s, %(user)s, '1', TRUE, 10,
                   'general', %(now)s, %(later)s, %(later)s, 0,
                   'draft', %(now)s, %(now)s
              FROM generate_series(1, %(count)s) AS n
            """,
            {
                "company": self.env.company.id,
                "team": self.cs_team.id,
                "stage": stage.id,
                "user": self.service.id,
                "now": NOW,
                "later": shanghai(2026, 11, 30, 9, 0),
                "count": count,
            },
        )

    def _run_cron_counting_queries(self):
        Ticket = self.env["helpdesk.ticket"]
        self.env.flush_all()
        self.env.invalidate_all()
        with freeze_time(NOW):
            start = self.env.cr.sql_log_count
            Ticket._cron_freight_escalate()
            self.env.flush_all()
            return self.env.cr.sql_log_count - start

    def test_query_count_flat_with_ten_thousand_open_complaints(self):
        first = self._due_complaints(10)
        few_queries = self._run_cron_counting_queries()
        self.assertEqual(set(first.mapped("freight_escalation_level")), {2})

        self._insert_open_complaints(10_000)
        second = self._due_complaints(10)
        many_queries = self._run_cron_counting_queries()
        self.assertEqual(set(second.mapped("freight_escalation_level")), {2})
        # The 10,000 open complaints that are not due cost nothing: the cron
        # only reads the indexed next-escalation time.
        self.assertLessEqual(many_queries, few_queries)
        # And the due complaints themselves stay within a fixed budget each
        # (10 complaints climbing two steps: log, followers, activity).
        self.assertLess(few_queries, 20 * 60)
        bulk = self.env["helpdesk.ticket"].search_count(
            [("name", "=like", "bulk %"), ("freight_escalation_level", "=", 0)]
        )
        self.assertEqual(bulk, 10_000)

    def _batch_queries(self, count, expected):
        """Queries of one escalation run over ``count`` due complaints, what
        the commit writes (tracking, bus) included."""
        tickets = self._due_complaints(count)
        Ticket = self.env["helpdesk.ticket"]
        self.env.flush_all()
        self.env.cr.precommit.run()  # the set-up's own tracking, not the run's
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        with freeze_time(NOW), self.assertQueryCount(expected):
            Ticket._cron_freight_escalate()
            self.env.flush_all()
            self.env.cr.precommit.run()
        self.assertEqual(set(tickets.mapped("freight_escalation_level")), {2})
        return self.env.cr.sql_log_count - start

    def test_batch_query_count_flat_in_batch_size(self):
        """Two or twenty due complaints escalated in one batch (two steps
        each: log, followers, notifications, activities, next escalation):
        the same number of queries."""
        self._batch_queries(2, 66)  # warm the ORM caches
        self.assertEqual(self._batch_queries(2, 52), self._batch_queries(20, 52))
