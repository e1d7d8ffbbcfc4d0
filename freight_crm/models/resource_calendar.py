# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from odoo import models


class ResourceCalendar(models.Model):
    """Working time of the rulebook's deadlines, counted on a company's
    working calendar: ``company.resource_calendar_id._freight_…()``. An empty
    calendar (a company without one) counts calendar days in UTC."""

    _inherit = "resource.calendar"

    def _freight_plan_working_days(self, days, start):
        """The datetime (UTC, naive) at the end of the ``days``-th working
        day counted from ``start`` (aware, or naive UTC) on this calendar."""
        if not self:
            return start + timedelta(days=days)
        self.ensure_one()
        if start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        end = self.plan_days(days, start)
        if not end:
            return (start + timedelta(days=days)).replace(tzinfo=None)
        return end.astimezone(UTC).replace(tzinfo=None)

    def _freight_start_of_next_day(self, day):
        """Midnight after ``day`` in this calendar's time zone, as an aware
        datetime: working days are counted from the day after an event."""
        tz = ZoneInfo((self.tz if self else None) or "UTC")
        return datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
