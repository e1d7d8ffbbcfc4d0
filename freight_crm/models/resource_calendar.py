# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from pytz import timezone, utc

from odoo import models
from odoo.tools.date_utils import float_to_time
from odoo.tools.intervals import Intervals

from .resource_calendar_leaves import MAKEUP_WORKDAY

# A make-up working day is worked with the hours of this weekday (Monday).
MAKEUP_WORKDAY_HOURS_OF = "0"


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

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
                ("date_from", "<=", end_dt.astimezone(utc).replace(tzinfo=None)),
                ("date_to", ">=", start_dt.astimezone(utc).replace(tzinfo=None)),
            ]
        )
        calendar_tz = timezone(self.tz or "UTC")
        return sorted(
            {
                utc.localize(leave.date_from).astimezone(calendar_tz).date()
                for leave in leaves
            }
        )

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
