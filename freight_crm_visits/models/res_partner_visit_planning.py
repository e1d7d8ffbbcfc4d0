# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import bisect
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.freight_crm.tools.cron_batch import freight_cron_batches
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

# Session-level advisory lock key of the visit planner, and the sequence in
# which each planner leaves the id of the transaction that planned: a
# sequence is outside transactions, the next planner reads it whatever its
# snapshot.
PLANNING_LOCK = 7_305_240_011
PLANNING_XID_SEQUENCE = "freight_visit_planning_xid_seq"


# pylint: disable=consider-merging-classes-inherited


class ResPartner(models.Model):
    """Visit planning (R-VIS-2): the cron that plans the due visits."""

    _inherit = "res.partner"

    def init(self):
        res = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE SEQUENCE IF NOT EXISTS %s MINVALUE 0",
                SQL.identifier(PLANNING_XID_SEQUENCE),
            )
        )
        return res

    @api.model
    def _freight_visit_horizon(self):
        return freight_setting_value(
            self.env, "freight_crm_visits.planning_horizon_days"
        )

    @api.model
    def _freight_due_for_visit_ids(self, limit_date):
        """Ids of the active customers due by ``limit_date`` without a
        planned visit, read once. NOT EXISTS probes the partial index of
        planned visits per customer, so the plan stays linear in the number
        of due customers whatever the table statistics say."""
        self.flush_model(["freight_next_visit_date", "active"])
        self.env["freight.visit"].flush_model(["partner_id", "state"])
        self.env.cr.execute(
            SQL(
                """
                SELECT partner.id
                  FROM res_partner partner
                 WHERE partner.freight_next_visit_date <= %(limit)s
                   AND partner.active
                   AND NOT EXISTS (
                        SELECT 1
                          FROM freight_visit visit
                         WHERE visit.partner_id = partner.id
                           AND visit.state = 'planned'
                   )
                 ORDER BY partner.id
                """,
                limit=limit_date,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _cron_freight_plan_visits(self, batch_size=1000):
        """Plan a visit for every customer due within the horizon that has no
        planned visit yet. The due customers are read once; each batch's
        visits and activities (with their followers) are created in batched
        creates, so the number of queries grows with the number of batches,
        not of customers. In a cron run every batch is committed with its
        progress; a run out of time leaves the rest to the next run, which
        finds them still due (planned ones no longer are)."""
        # One planner at a time, whoever starts it (the cron's job lock only
        # covers runs started by ir.cron): a second caller finds the lock
        # taken and leaves the work to the first. One that takes the lock
        # next but cannot see what the last one planned (it committed after
        # this transaction began, or is committing) leaves it too.
        self.env.cr.execute("SELECT pg_try_advisory_lock(%s)", [PLANNING_LOCK])
        if not self.env.cr.fetchone()[0]:
            return self.env["freight.visit"]
        try:
            if not self._freight_sees_last_planning():
                return self.env["freight.visit"]
            return self._freight_plan_due_visits(batch_size)
        finally:
            self.env.cr.execute("SELECT pg_advisory_unlock(%s)", [PLANNING_LOCK])

    @api.model
    def _freight_sees_last_planning(self):
        """Whether this transaction sees the last planner's work: none yet,
        its own, or committed (or rolled back) before this snapshot."""
        self.env.cr.execute(
            SQL(
                """
                SELECT NOT is_called
                       OR last_value::text::xid8 = pg_current_xact_id_if_assigned()
                       OR pg_visible_in_snapshot(
                            last_value::text::xid8, pg_current_snapshot())
                  FROM %s
                """,
                SQL.identifier(PLANNING_XID_SEQUENCE),
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _freight_leave_planning_xid(self):
        self.env.cr.execute(
            "SELECT setval(%s, pg_current_xact_id()::text::bigint)",
            [PLANNING_XID_SEQUENCE],
        )

    def _freight_plan_due_visits(self, batch_size):
        today = fields.Date.context_today(self)
        limit = today + timedelta(days=self._freight_visit_horizon())
        due_ids = self._freight_due_for_visit_ids(limit)
        visits = [self.env["freight.visit"]]

        def fetch(last_id):
            start = bisect.bisect_right(due_ids, last_id)
            return self.browse(due_ids[start : start + batch_size])

        def plan(batch):
            visits[0] |= batch._freight_create_planned_visits(today)
            self._freight_leave_planning_xid()

        # Out of time: the cron is rescheduled for the rest.
        freight_cron_batches(self.env, fetch, plan, remaining=len(due_ids))
        return visits[0]

    def _freight_create_planned_visits(self, today):
        if not self:
            return self.env["freight.visit"]
        visit_vals = []
        for partner in self:
            visit_vals.append(
                {
                    "partner_id": partner.id,
                    "user_id": partner._freight_account_manager().id,
                    "visit_date": max(partner.freight_next_visit_date, today),
                    "grade_id": partner.freight_grade_id.id,
                    "channel": partner._freight_visit_policy()[1],
                    "company_id": (partner.company_id or self.env.company).id,
                }
            )
        quiet = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_create_nosubscribe": True,
            "mail_activity_quick_update": True,
        }
        # Planned visits do not move the last and next visit dates (only held
        # ones do): spare the recomputation of every planned customer.
        dates = [
            self._fields["freight_last_visit_date"],
            self._fields["freight_next_visit_date"],
        ]
        with self.env.protecting(dates, self):
            visits = self.env["freight.visit"].with_context(**quiet).create(visit_vals)
        visits._freight_subscribe_salespeople()
        self._freight_schedule_visit_activities(visits)
        return visits

    @api.model
    def _freight_schedule_visit_activities(self, visits):
        """One to-do per planned visit for its account manager, in the
        manager's language, in one INSERT: the values the ORM would store
        (model, document name, type, summary, deadline, assignee and its
        time zone), without its per-activity bookkeeping. The managers
        follow the visits already; their to-do counters are refreshed."""
        activity_type = self.env.ref("freight_crm_visits.mail_activity_type_visit")
        summaries = {}
        for lang in set(visits.user_id.mapped("lang")):
            summaries[lang] = activity_type.with_context(lang=lang).summary
        self.env["mail.activity"].flush_model()
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_activity (
                    res_model_id, res_model, res_id, res_name,
                    activity_type_id, summary, automated, active,
                    date_deadline, user_id, user_tz, create_uid, create_date,
                    write_uid, write_date)
                SELECT %(model_id)s, %(model)s, todo.res_id, todo.res_name,
                       %(type)s, todo.summary, TRUE, TRUE, todo.deadline,
                       todo.user_id, partner.tz, %(uid)s, %(now)s, %(uid)s,
                       %(now)s
                  FROM unnest(%(res_ids)s::int[], %(names)s::varchar[],
                              %(summaries)s::varchar[], %(deadlines)s::date[],
                              %(users)s::int[])
                       AS todo(res_id, res_name, summary, deadline, user_id)
                  JOIN res_users users ON users.id = todo.user_id
                  JOIN res_partner partner ON partner.id = users.partner_id
                """,
                model_id=self.env["ir.model"]._get_id("freight.visit"),
                model="freight.visit",
                type=activity_type.id,
                uid=self.env.uid,
                now=now,
                res_ids=visits.ids,
                names=[visit.display_name for visit in visits],
                summaries=[summaries[visit.user_id.lang] for visit in visits],
                deadlines=[visit.visit_date for visit in visits],
                users=[visit.user_id.id for visit in visits],
            )
        )
        visits.invalidate_recordset(["activity_ids"])
        today = fields.Date.context_today(self)
        for user, planned in visits.grouped("user_id").items():
            due = len(planned.filtered(lambda visit: visit.visit_date <= today))
            if due:
                user._bus_send(
                    "mail.activity/updated",
                    {"activity_created": True, "count_diff": due},
                )
