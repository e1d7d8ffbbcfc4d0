# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of helpdesk.ticket per file.
# pylint: disable=consider-merging-classes-inherited
from datetime import datetime, time, timedelta

from pytz import timezone, utc

from odoo import api, fields, models

from odoo.addons.freight_crm.tools.local_time import freight_naive_utc

# Working days looked back from a demo complaint's nominal day to find one.
DEMO_WINDOW = timedelta(days=31)


class HelpdeskTicket(models.Model):
    """Demo data: complaints received on working days, in office hours, some
    days or weeks ago, as the customer-service desk takes them in."""

    _inherit = "helpdesk.ticket"

    @api.model
    def _freight_demo_at(self, days_ago, local_time, work_hours=0.0):
        """The moment (naive UTC, as a string) ``local_time`` ("HH:MM", in the
        company calendar's time zone) of the last working day on or before
        ``days_ago`` days ago that is already past, plus ``work_hours``
        working hours of that calendar: a demo complaint's intake, and its
        approval, closing or callback after it."""
        calendar = self.env.company.resource_calendar_id
        tz = timezone(calendar.tz or "Asia/Shanghai")
        now = fields.Datetime.now()
        hour, minute = (int(part) for part in local_time.split(":"))
        target = datetime.now(tz).date() - timedelta(days=days_ago)
        begin = utc.localize(datetime.combine(target, time.min)) - DEMO_WINDOW
        end = utc.localize(datetime.combine(target, time.max)) + timedelta(days=1)
        working_days = sorted(
            {
                start.astimezone(tz).date()
                for start, _stop, _meta in calendar._work_intervals_batch(begin, end)[
                    False
                ]
            },
            reverse=True,
        )
        moment = None
        for day in working_days:
            local = tz.localize(datetime.combine(day, time(hour, minute)))
            candidate = freight_naive_utc(local)
            if day <= target and candidate <= now:
                moment = candidate
                break
        if moment is None:
            moment = now - timedelta(days=days_ago)
        if work_hours:
            moment = (
                calendar._freight_plan_hours_batch([(moment, work_hours)])[0] or moment
            )
        return fields.Datetime.to_string(min(moment, now))

    @api.model
    def _freight_demo_date_intake(self, ticket_ids):
        """Demo data: the complaints read as created when they were received
        and handled when they were closed. Creation date, assignment date and
        creation line at the intake time (set in SQL, as no write sets them);
        the last stage change, and the chatter of a closed complaint, at its
        closing or last callback; the activities still open on a closed
        complaint done by their assignees."""
        tickets = self.browse(ticket_ids)
        for activity in tickets.filtered("stage_id.closed").activity_ids:
            user = activity.user_id
            activity.with_user(user).with_context(lang=user.lang).sudo().action_done()
        self.env.flush_all()
        self.env.cr.execute(
            """
            UPDATE helpdesk_ticket
               SET create_date = freight_intake_date,
                   assigned_date = CASE WHEN user_id IS NOT NULL
                                        THEN freight_intake_date END,
                   last_stage_update = COALESCE(closed_date, freight_intake_date)
             WHERE id IN %s AND freight_intake_date IS NOT NULL
            """,
            [tuple(tickets.ids)],
        )
        self.env.cr.execute(
            """
            WITH handled AS (
                SELECT t.id, t.freight_intake_date AS intake,
                       CASE WHEN s.closed THEN GREATEST(
                           COALESCE(t.closed_date, t.freight_intake_date),
                           (SELECT max(c.date) FROM freight_complaint_callback c
                             WHERE c.ticket_id = t.id))
                       END AS done,
                       (SELECT min(id) FROM mail_message
                         WHERE model = 'helpdesk.ticket' AND res_id = t.id) AS first
                  FROM helpdesk_ticket t
                  JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
                 WHERE t.id IN %s AND t.freight_intake_date IS NOT NULL
            )
            UPDATE mail_message m
               SET date = CASE WHEN m.id = h.first THEN h.intake ELSE h.done END
              FROM handled h
             WHERE m.model = 'helpdesk.ticket' AND m.res_id = h.id
               AND (m.id = h.first OR (h.done IS NOT NULL AND h.done < m.date))
            """,
            [tuple(tickets.ids)],
        )
        tickets.invalidate_recordset(
            ["create_date", "assigned_date", "last_stage_update"]
        )
        self.env["mail.message"].invalidate_model(["date"])
        return True
