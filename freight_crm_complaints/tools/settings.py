# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The settings of freight_crm_complaints, each written once (see
freight_crm/tools/settings_table.py). The complaint classes' deadlines and
the escalation ladder are records (Configuration), not settings."""

from odoo.addons.freight_crm.tools.settings_table import COMPANY, freight_register
from odoo.addons.freight_crm.tools.settings_table import FreightSetting as S

SETTINGS = freight_register(
    # The rulebook names the complaint penalty system (客户投诉处罚制度)
    # without figures: appraisal points deducted per complaint class.
    S("freight_crm_complaints.penalty_points_general", float, 2.0, 0, 100),
    S("freight_crm_complaints.penalty_points_important", float, 5.0, 0, 100),
    S("freight_crm_complaints.penalty_points_major", float, 10.0, 0, 100),
    # 非工作时间留言次日10点前回复: the hour (local, on the team's calendar)
    # by which a complaint received outside the working day is answered.
    S("freight_crm_complaints.off_hours_reply_hour", float, 10.0, 0, 23.99),
    # A complaint whose deadline is closer than this is shown as due soon.
    S("freight_crm_complaints.due_soon_hours", float, 4.0, 0, 168),
    # Working hours within which a complex complaint gets its approved plan.
    S("freight_crm_complaints.complex_plan_hours", float, 72.0, 0.1, 1000),
    # Class hours a training proposed on a complaint's corrective measures
    # is planned with (the manager confirms the hours actually attended).
    S("freight_crm_complaints.training_feed_hours", float, 1.0, 0.1, 1000),
    # Per company: how its complaint desk closes a case and how far back it
    # looks for a repeat of the same cause.
    S(
        "freight_crm_complaints.freight_complaint_callback_required",
        bool,
        True,
        scope=COMPANY,
    ),
    S(
        "freight_crm_complaints.freight_complaint_repeat_days",
        int,
        90,
        lowest=1,
        scope=COMPANY,
    ),
)
