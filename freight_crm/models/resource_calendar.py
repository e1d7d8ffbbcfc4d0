# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from pytz import timezone, utc

from odoo import models
from odoo.tools.date_utils import float_to_time
from odoo.tools.intervals import Intervals

from ..tools.local_time import (
    freight_local_day,
    freight_local_midnight,
    freight_naive_utc,
)
from .resource_calendar_leaves import MAKEUP_WORKDAY

# A make-up working day is worked with the hours of this weekday (Monday).
MAKEUP_WORKDAY_HOURS_OF = "0"
# Work intervals read past the latest start of a batch planned in working
# hours; a plan still short at the end of them is left to plan_hours.
PLAN_HOURS_WINDOW = timedelta(days=28)


class ResourceCalendar(models.Model):
    """Working time of the rulebook's deadlines, counted on a company's
    working calendar (``company.resource_calendar_id._freight_…()``), its
    public holidays skipped and its make-up working days (调休上班)
    counted. An empty calendar (a company without one) counts calendar days
    in UTC. Time zones are pytz's, like Odoo's resource module."""

    _inherit = "resource.calendar"

    # Deadlines in working days ------------------------------------------
    def _freight_plan_working_days(self, days, start):
        """The datetime (UTC, naive) at the end of the ``days``-th working
        day counted from ``start`` (aware, or naive UTC) on this calendar."""
        if not self:
            return start + timedelta(days=days)
        self.ensure_one()
        if start.tzinfo is None:
            start = utc.localize(start)
        end = self.plan_days(days, start, compute_leaves=True)
        if not end:
            return (start + timedelta(days=days)).replace(tzinfo=None)
        return freight_naive_utc(self._freight_end_of_working_day(end))

    def _freight_end_of_working_day(self, moment):
        """The end of the last work interval of ``moment``'s day (aware): the
        afternoon's end rather than the morning's on a day with a lunch
        break."""
        tz = timezone(self.tz or "UTC")
        local_day = moment.astimezone(tz).date()
        midnight = freight_local_midnight(self.tz, local_day + timedelta(days=1))
        intervals = self._work_intervals_batch(moment, midnight)[False]
        stops = [stop for _start, stop, _meta in intervals]
        return max(stops) if stops else moment

    def _freight_start_of_next_day(self, day):
        """Midnight after ``day`` in this calendar's time zone, as an aware
        datetime: working days are counted from the day after an event."""
        return freight_local_midnight(
            self.tz if self else None, day + timedelta(days=1)
        )

    # Deadlines in working hours -----------------------------------------
    def _freight_plan_hours_batch(self, starts_hours):
        """For each ``(start, hours)`` (start naive UTC), what
        ``plan_hours(hours, start, compute_leaves=True)`` gives (naive UTC,
        or False), the calendar's work intervals read once for the batch."""
        self.ensure_one()
        if not starts_hours:
            return []
        starts = [utc.localize(start) for start, _hours in starts_hours]
        intervals = list(
            self._work_intervals_batch(min(starts), max(starts) + PLAN_HOURS_WINDOW)[
                False
            ]
        )
        planned = []
        for start, (naive_start, hours) in zip(starts, starts_hours, strict=True):
            end = self._freight_consume_hours(intervals, start, hours)
            planned.append(
                freight_naive_utc(end)
                if end
                else self.plan_hours(hours, naive_start, compute_leaves=True)
            )
        return planned

    def _freight_work_hours_batch(self, periods):
        """For each ``(start, end)`` (naive UTC), the working hours between
        them, as ``get_work_duration_data(start, end)["hours"]`` counts
        them, the calendar's work intervals read once for the batch."""
        self.ensure_one()
        if not periods:
            return []
        bounds = [(utc.localize(start), utc.localize(end)) for start, end in periods]
        intervals = list(
            self._work_intervals_batch(
                min(start for start, _end in bounds), max(end for _start, end in bounds)
            )[False]
        )
        return [
            sum(
                (min(stop, end) - max(begin, start)).total_seconds() / 3600
                for begin, stop, _meta in intervals
                if begin < end and stop > start
            )
            for start, end in bounds
        ]

    @staticmethod
    def _freight_consume_hours(intervals, start, hours):
        """The moment ``hours`` of ``intervals`` after ``start``, counted as
        plan_hours counts them; None past the last interval."""
        for interval_start, interval_stop, _meta in intervals:
            if interval_stop <= start:
                continue
            interval_start = max(interval_start, start)
            interval_hours = (interval_stop - interval_start).total_seconds() / 3600
            if hours <= interval_hours:
                return interval_start + timedelta(hours=hours)
            hours -= interval_hours
        return None

    # Make-up working days -----------------------------------------------
    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """The calendar's attendances plus its make-up working days (调休上班),
        worked with the hours of a Monday: every working-day and
        working-hour computation (plan_days, plan_hours, work intervals)
        goes through here."""
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        if lunch or self.flexible_hours:
            return result
        makeup_days = self._freight_makeup_days(start_dt, end_dt)
        if not makeup_days:
            return result
        for resource_id, intervals in result.items():
            resource = self.env["resource.resource"].browse(resource_id)
            if resource and not resource.calendar_id:
                continue  # fully flexible resource: already works all the time
            resource_tz = tz or timezone((resource or self).tz)
            extra = self._freight_makeup_intervals(
                makeup_days,
                start_dt.astimezone(resource_tz),
                end_dt.astimezone(resource_tz),
                resource_tz,
            )
            if extra:
                result[resource_id] = intervals | Intervals(extra, keep_distinct=True)
        return result

    def _freight_makeup_days(self, start_dt, end_dt):
        """Local dates of the make-up working days of this calendar that
        overlap the period."""
        self.ensure_one()
        leaves = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.id),
                ("resource_id", "=", False),
                ("time_type", "=", MAKEUP_WORKDAY),
                ("date_from", "<=", freight_naive_utc(end_dt)),
                ("date_to", ">=", freight_naive_utc(start_dt)),
            ]
        )
        return sorted({freight_local_day(self.tz, leave.date_from) for leave in leaves})

    def _freight_makeup_intervals(self, days, start, end, tz):
        attendances = self.attendance_ids.filtered(
            lambda att: (
                att.dayofweek == MAKEUP_WORKDAY_HOURS_OF
                and not att.display_type
                and att.day_period != "lunch"
                and (not self.two_weeks_calendar or att.week_type == "0")
            )
        )
        intervals = []
        for day in days:
            for attendance in attendances:
                day_from = tz.localize(
                    datetime.combine(day, float_to_time(attendance.hour_from))
                )
                day_to = tz.localize(
                    datetime.combine(day, float_to_time(attendance.hour_to))
                )
                if max(start, day_from) < min(end, day_to):
                    intervals.append(
                        (max(start, day_from), min(end, day_to), attendance)
                    )
        return intervals
