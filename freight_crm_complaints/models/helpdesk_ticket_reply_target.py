# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of helpdesk.ticket per file.
# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict
from datetime import datetime, timedelta

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.date_utils import float_to_time

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED, WORKFLOW
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

# Work intervals read past the latest intake of a batch to find the next
# working day (a long holiday such as the National Day week fits in it).
NEXT_DAY_WINDOW = timedelta(days=31)
REPLY_STATES = [
    ("pending", "Awaiting Reply"),
    ("on_time", "Replied on Time"),
    ("late", "Replied Late"),
]


class HelpdeskTicket(models.Model):
    """Reply target of a complaint received outside office hours: answered
    before the reply hour (10:00) of the next working day of the team's
    calendar (else the company's), public holidays skipped.

    The reply is the first customer-visible message an employee sends from
    the complaint (chatter "Send message" or an outgoing email): notes,
    tracking and the customer's own messages do not count."""

    _inherit = "helpdesk.ticket"

    freight_off_hours = fields.Boolean(
        string="Received Off Hours",
        compute="_compute_freight_reply_due",
        store=True,
        index=True,
        help="The complaint came in outside the working day of the team's "
        "calendar: at night, on a weekend or on a public holiday.",
    )
    freight_reply_due = fields.Datetime(
        string="Reply Due",
        compute="_compute_freight_reply_due",
        store=True,
        index=True,
        copy=False,
        help="The reply hour of the next working day after an off-hours "
        "intake (非工作时间留言次日10点前回复).",
    )
    freight_first_reply_date = fields.Datetime(
        string="First Reply",
        readonly=True,
        copy=False,
        help="When an employee first sent the customer a message from the "
        "complaint (notes do not count).",
    )
    freight_reply_state = fields.Selection(
        REPLY_STATES,
        string="Off-hours Reply",
        compute="_compute_freight_reply_state",
        store=True,
        index=True,
    )
    freight_reply_late = fields.Boolean(
        string="Off-hours Reply Late",
        compute="_compute_freight_reply_late",
        search="_search_freight_reply_late",
        help="Replied after the reply due time, or still unanswered past it.",
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy.update(
            {
                "freight_off_hours": COMPUTED,
                "freight_reply_due": COMPUTED,
                "freight_reply_state": COMPUTED,
                "freight_first_reply_date": WORKFLOW,
            }
        )
        return policy

    # Calendars are read, not depended on, as for the resolution deadline.
    @api.depends("freight_is_complaint", "freight_intake_date", "team_id")
    def _compute_freight_reply_due(self):
        # 非工作时间留言次日10点前回复: the hour (local, on the team's
        # calendar) by which an off-hours complaint is answered.
        hour = freight_setting_value(
            self.env, "freight_crm_complaints.off_hours_reply_hour"
        )
        by_calendar = defaultdict(list)
        for ticket in self:
            ticket.freight_off_hours = False
            ticket.freight_reply_due = False
            if not (ticket.freight_is_complaint and ticket.freight_intake_date):
                continue
            calendar = ticket._freight_calendar()
            if calendar:
                by_calendar[calendar].append(ticket)
        for calendar, tickets in by_calendar.items():
            intakes = [ticket.freight_intake_date for ticket in tickets]
            dues = self._freight_off_hours_reply_due(calendar, intakes, hour)
            for ticket, due in zip(tickets, dues, strict=True):
                ticket.freight_off_hours = bool(due)
                ticket.freight_reply_due = due

    @api.model
    def _freight_off_hours_reply_due(self, calendar, intakes, hour):
        """For each intake (naive UTC): False when it falls within a working
        day of ``calendar`` (from its first start to its last stop, a lunch
        break included), else the reply ``hour`` of the next working day
        (naive UTC). The calendar's work intervals are read once."""
        tz = timezone(calendar.tz or "UTC")
        starts = [utc.localize(intake) for intake in intakes]
        intervals = calendar._work_intervals_batch(
            min(starts) - timedelta(days=1), max(starts) + NEXT_DAY_WINDOW
        )[False]
        days = {}
        for begin, stop, _meta in intervals:
            day = begin.astimezone(tz).date()
            first, last = days.get(day, (begin, stop))
            days[day] = (min(first, begin), max(last, stop))
        ordered = sorted(days.items())
        dues = []
        for start in starts:
            today = days.get(start.astimezone(tz).date())
            if today and today[0] <= start < today[1]:
                dues.append(False)
                continue
            next_day = next(
                (day for day, (first, _last) in ordered if first > start), None
            )
            if next_day is None:
                next_day = start.astimezone(tz).date() + timedelta(days=1)
            due = tz.localize(datetime.combine(next_day, float_to_time(hour)))
            dues.append(due.astimezone(utc).replace(tzinfo=None))
        return dues

    @api.depends("freight_reply_due", "freight_first_reply_date")
    def _compute_freight_reply_state(self):
        for ticket in self:
            due, reply = ticket.freight_reply_due, ticket.freight_first_reply_date
            if not due:
                ticket.freight_reply_state = False
            elif not reply:
                ticket.freight_reply_state = "pending"
            else:
                ticket.freight_reply_state = "on_time" if reply <= due else "late"

    @api.depends("freight_reply_state", "freight_reply_due")
    def _compute_freight_reply_late(self):
        now = fields.Datetime.now()
        for ticket in self:
            state = ticket.freight_reply_state
            ticket.freight_reply_late = state == "late" or (
                state == "pending" and ticket.freight_reply_due < now
            )

    def _search_freight_reply_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = Domain("freight_reply_state", "=", "late") | (
            Domain("freight_reply_state", "=", "pending")
            & Domain("freight_reply_due", "<", fields.Datetime.now())
        )
        return domain if (operator == "=") == value else ~domain

    # Mail hook ---------------------------------------------------------
    def _message_post_after_hook(self, message, msg_values):
        res = super()._message_post_after_hook(message, msg_values)
        if self._freight_is_customer_reply(message):
            waiting = self.sudo().filtered(
                lambda t: t.freight_is_complaint and not t.freight_first_reply_date
            )
            if waiting:
                waiting.write({"freight_first_reply_date": message.sudo().date})
        return res

    @api.model
    def _freight_is_customer_reply(self, message):
        """A message the customer sees, sent by an employee."""
        message = message.sudo()
        if message.message_type not in ("comment", "email_outgoing"):
            return False
        if message.subtype_id != self.env.ref("mail.mt_comment"):
            return False
        # OdooBot's automated messages answer nobody.
        if message.author_id == self.env.ref("base.partner_root"):
            return False
        authors = message.author_id.user_ids
        return bool(authors) and not any(user.share for user in authors)
