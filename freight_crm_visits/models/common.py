# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What several files of the addon share: the visit channels, the customer
states with a visit plan and safe month arithmetic."""

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

# The latest date the workflow stores: a longer interval means "not due".
LAST_DATE = date(MAX_YEAR, 12, 31)


def add_months(day, months):
    """``day`` plus ``months``, capped at LAST_DATE instead of overflowing
    the calendar on absurd intervals."""
    if months > (LAST_DATE.year - day.year) * 12:
        return LAST_DATE
    return min(day + relativedelta(months=months), LAST_DATE)
