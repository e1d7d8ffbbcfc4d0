# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Days on a local clock and the naive UTC datetimes Odoo stores, written
once (pytz, like Odoo's resource module)."""

from datetime import datetime, time

from pytz import timezone, utc


def freight_local_midnight(tz_name, day):
    """Midnight starting ``day`` in time zone ``tz_name`` (empty: UTC), as an
    aware datetime."""
    return timezone(tz_name or "UTC").localize(datetime.combine(day, time.min))


def freight_naive_utc(moment):
    """An aware datetime as Odoo stores it: UTC, naive."""
    return moment.astimezone(utc).replace(tzinfo=None)


def freight_local_day(tz_name, stored):
    """The day in time zone ``tz_name`` of a stored (naive UTC) datetime."""
    return utc.localize(stored).astimezone(timezone(tz_name or "UTC")).date()
