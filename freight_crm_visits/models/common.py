# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What several files of the addon share: the visit channels, the customer
states with a visit plan, the settings table and safe month arithmetic."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.addons.freight_crm.models.freight_workflow_guard import MAX_YEAR

CHANNELS = [
    ("face_to_face", "Face-to-face Visit"),
    ("phone", "In-depth Phone Call"),
    ("survey", "Satisfaction Survey"),
]

# Customer states with a visit plan: potential customers follow the grade's
# potential-customer policy, admission and signed ones the signed policy.
PLANNED_STATES = ("potential", "admission", "signed")

# Every setting of the addon once: ir.config_parameter key suffix ->
# (type, rulebook default, lowest, highest). The settings screen and the
# code both read it; values out of range are brought back into it, so no
# setting can push the calendar arithmetic past what it handles.
SETTINGS = {
    "planning_horizon_days": (int, 14, 0, 366),
    "review_day": (int, 15, 1, 31),
    "receivable_overdue_months": (int, 3, 0, 120),
    "care_lead_days": (int, 3, 0, 366),
    "survey_interval_months": (int, 12, 1, 120),
}

# The latest date the workflow stores: a longer interval means "not due".
LAST_DATE = date(MAX_YEAR, 12, 31)


def setting_key(name):
    return f"freight_crm_visits.{name}"


def setting_default(name):
    return SETTINGS[name][1]


def get_setting(env, name):
    """The value of setting ``name``, its default when unset or unreadable."""
    kind, default, lowest, highest = SETTINGS[name]
    raw = env["ir.config_parameter"].sudo().get_param(setting_key(name))
    try:
        value = kind(raw) if raw not in (None, False, "") else default
    except (TypeError, ValueError):
        return default
    return min(max(value, lowest), highest)


def add_months(day, months):
    """``day`` plus ``months``, capped at LAST_DATE instead of overflowing
    the calendar on absurd intervals."""
    if months > (LAST_DATE.year - day.year) * 12:
        return LAST_DATE
    return min(day + relativedelta(months=months), LAST_DATE)
