# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of helpdesk.ticket per file.
# pylint: disable=consider-merging-classes-inherited
from datetime import datetime, time, timedelta

from pytz import timezone, utc

from odoo import api, fields, models

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
            candidate = local.astimezone(utc).replace(tzinfo=None)
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
        """Demo data: the complaints read as created when they were received:
        their creation date, assignment date and creation line at the intake
        time (set in SQL, as no write sets them), their last stage change at
        their closing, or else at the intake."""
        tickets = self.browse(ticket_ids)
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
            UPDATE mail_message m
               SET date = t.freight_intake_date
              FROM helpdesk_ticket t
             WHERE m.model = 'helpdesk.ticket' AND m.res_id = t.id
               AND t.id IN %s AND t.freight_intake_date IS NOT NULL
               AND m.id = (SELECT min(id) FROM mail_message
                            WHERE model = 'helpdesk.ticket' AND res_id = t.id)
            """,
            [tuple(tickets.ids)],
        )
        tickets.invalidate_recordset(
            ["create_date", "assigned_date", "last_stage_update"]
        )
        self.env["mail.message"].invalidate_model(["date"])
        return True
