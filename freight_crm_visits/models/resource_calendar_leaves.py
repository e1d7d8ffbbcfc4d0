# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# pylint: disable=consider-merging-classes-inherited
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.freight_crm.tools.local_time import (
    freight_local_day,
    freight_local_midnight,
    freight_naive_utc,
)

# The leaves of a holiday entered one leave per day are read this far past
# the last one found in the greeting window, to mark the whole holiday as
# greeted: China's longest public holiday lasts nine days.
HOLIDAY_SPAN = timedelta(days=14)


class ResourceCalendarLeaves(models.Model):
    """Customer care (R-VIS-7) greets before the public holidays of the
    companies' working calendars: the calendar's days off without resource
    (make-up working days and a resource's own time off bring no
    greeting)."""

    _inherit = "resource.calendar.leaves"

    freight_greeting = fields.Boolean(
        string="Send Greetings",
        default=True,
        help="Customers whose grade asks for holiday greetings get a greeting "
        "activity a few days before the first day.",
    )
    freight_greetings_sent = fields.Boolean(
        string="Greetings Sent", readonly=True, copy=False
    )

    @api.model
    def _freight_holiday_domain(self, calendars):
        return Domain(
            [
                ("calendar_id", "in", calendars.ids),
                ("resource_id", "=", False),
                ("time_type", "=", "leave"),
            ]
        )

    @api.model
    def action_freight_holidays(self):
        """The public holidays of the calendars of the user's companies, new
        ones entered on the current company's calendar."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm_visits.resource_calendar_leaves_action_holidays"
        )
        calendars = self.env.companies.resource_calendar_id
        action["domain"] = list(self._freight_holiday_domain(calendars))
        action["context"] = {
            "default_calendar_id": self.env.company.resource_calendar_id.id,
            "default_resource_id": False,
            "default_time_type": "leave",
        }
        return action

    @api.model
    def _freight_holidays_to_greet(self, calendars, today, target):
        """The public holidays of ``calendars`` whose first day (in the
        calendar's time zone) falls in [today, target], still to be greeted,
        each as ``(first day, leaves)``, its first leave first. The leaves
        of a calendar that follow one another day after day are one holiday
        (a holiday may be entered one leave per day): it is greeted once,
        as its first leave says."""
        window = Domain.FALSE
        for tz_name, tz_calendars in calendars.grouped(
            lambda calendar: calendar.tz or "UTC"
        ).items():
            window |= (
                Domain("calendar_id", "in", tz_calendars.ids)
                & Domain("date_from", ">=", _stored_midnight(tz_name, today))
                & Domain(
                    "date_from",
                    "<",
                    _stored_midnight(tz_name, target + timedelta(days=1)),
                )
            )
        starts = self.search(
            self._freight_holiday_domain(calendars)
            & window
            & Domain("freight_greeting", "=", True)
            & Domain("freight_greetings_sent", "=", False)
        )
        if not starts:
            return []
        # The leaves next to them: a day-before one makes a start the
        # continuation of a holiday, later ones belong to its holiday.
        day_before = min(starts.mapped("date_from")) - timedelta(days=1)
        neighbours = self.search(
            self._freight_holiday_domain(starts.calendar_id)
            & Domain("date_to", ">=", day_before)
            & Domain("date_from", "<=", max(starts.mapped("date_to")) + HOLIDAY_SPAN)
        )
        holidays = []
        for calendar, leaves in (neighbours | starts).grouped("calendar_id").items():
            for first_day, holiday in _consecutive(
                leaves.sorted("date_from"), calendar.tz
            ):
                if holiday[0] in starts:
                    holidays.append((first_day, holiday))
        return holidays


def _stored_midnight(tz_name, day):
    return freight_naive_utc(freight_local_midnight(tz_name, day))


def _consecutive(leaves, tz_name):
    """``leaves`` (sorted by start) in runs that follow one another day after
    day in ``tz_name``, each as ``(first day, leaves of the run)``."""
    runs = []
    last_day = None
    for leave in leaves:
        first_day = freight_local_day(tz_name, leave.date_from)
        last_of_leave = freight_local_day(tz_name, leave.date_to)
        if last_day is None or first_day > last_day + timedelta(days=1):
            runs.append([first_day, leave])
            last_day = last_of_leave
        else:
            runs[-1][1] |= leave
            last_day = max(last_day, last_of_leave)
    return [tuple(run) for run in runs]
