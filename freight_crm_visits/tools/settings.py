# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The settings of freight_crm_visits, each written once (see
freight_crm/tools/settings_table.py). The visit interval and channel of a
grade are on the grade (Configuration → Customer Grades). Each range keeps
the calendar arithmetic within what it handles."""

from odoo.addons.freight_crm.tools.settings_table import FreightSetting as S
from odoo.addons.freight_crm.tools.settings_table import freight_register

SETTINGS = freight_register(
    # Visits planned this many days ahead of their due date.
    S("freight_crm_visits.planning_horizon_days", int, 14, 0, 366),
    # 每月15号: the monthly review's day of the month.
    S("freight_crm_visits.review_day", int, 15, 1, 31),
    # 超过三个月的应收账款: receivables overdue after three months.
    S("freight_crm_visits.receivable_overdue_months", int, 3, 0, 120),
    # Greetings planned a few days before the day.
    S("freight_crm_visits.care_lead_days", int, 3, 0, 366),
    # 每年至少一次: a satisfaction survey at least once a year.
    S("freight_crm_visits.survey_interval_months", int, 12, 1, 120),
)
