# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The settings of freight_crm, each written once (see settings_table).

The defaults are the rulebook's figures; where the rulebook names a rule
without a figure, the default is the common practice said in the row's
comment."""

from .settings_table import FreightSetting as S
from .settings_table import freight_register

SETTINGS = freight_register(
    # Grading (R-GRD-4, R-GRD-6, R-GRD-7)
    S("freight_crm.rule_grading", bool, False),
    S("freight_crm.rule_volume_a", float, 5000000.0, lowest=0),
    S("freight_crm.rule_volume_b", float, 1000000.0, lowest=0),
    S("freight_crm.rule_years_a", int, 3, lowest=0),
    S("freight_crm.rule_years_b", int, 1, lowest=0),
    S("freight_crm.key_account_contribution", float, 1000000.0, lowest=0),
    S("freight_crm.grade_change_activity_days", int, 7, lowest=0),
    S("freight_crm.regrade_batch_size", int, 1000, lowest=1, technical=True),
    # Four eyes on every approval; the evaluations' appointed reviewer
    # (a res.users id, empty: any other manager).
    S("freight_crm.allow_self_approval", bool, False),
    S("freight_crm.evaluation_reviewer_id", str, "", technical=True),
    # Credit standing from the rewards and penalties ledger (R-REW-1)
    S("freight_crm.reward_base_score", float, 80.0, lowest=0, highest=100),
    S("freight_crm.reward_points", float, 5.0, lowest=0),
    S("freight_crm.penalty_points", float, 15.0, lowest=0),
    # Admission and contracts (R-ONB-3, R-CON-2, R-CON-4)
    S("freight_crm.admission_min_capital", float, 500000.0, lowest=0),
    S("freight_crm.due_diligence_days", int, 3, lowest=0, highest=366),
    S("freight_crm.contract_approval_days", int, 5, lowest=0, highest=366),
    S("freight_crm.contract_expiry_warning_days", int, 30, lowest=0, highest=366),
    # Service KPI targets (R-KPI-1)
    S("freight_crm.kpi_on_time_target", float, 98.0, lowest=0, highest=100),
    S("freight_crm.kpi_intact_target", float, 99.5, lowest=0, highest=100),
    S("freight_crm.kpi_document_target", float, 100.0, lowest=0, highest=100),
    S("freight_crm.kpi_satisfaction_target", float, 90.0, lowest=0, highest=100),
    S("freight_crm.kpi_enquiry_minutes", float, 30.0, lowest=0),
    S("freight_crm.kpi_exception_hours", float, 2.0, lowest=0),
    # Potential customers re-assessed (R-CLS-4)
    S("freight_crm.potential_reassess_months", int, 6, lowest=1, highest=120),
    S("freight_crm.potential_reassess_batch_size", int, 1000, lowest=1, technical=True),
    # Key accounts: the rulebook names churn management and the half-yearly
    # plan without figures; a 30 % fall and a month's notice are defaults.
    S("freight_crm.churn_volume_drop_percent", float, 30.0, lowest=0, highest=100),
    S("freight_crm.churn_batch_size", int, 500, lowest=1, technical=True),
    S("freight_crm.key_account_plan_reminder_days", int, 30, lowest=0, highest=183),
    # Staff training: class hours a year most logistics companies ask of
    # account managers and of frontline staff; reminded two months ahead.
    S(
        "freight_crm.training_hours_account_manager",
        float,
        40.0,
        lowest=0,
        highest=1000,
    ),
    S("freight_crm.training_hours_staff", float, 24.0, lowest=0, highest=1000),
    S("freight_crm.training_reminder_days", int, 60, lowest=0, highest=365),
    # Supervision inspections once a quarter
    S("freight_crm.inspection_interval_months", int, 3, lowest=1, highest=24),
    # Staff appraisal: a quarter, bands of 90 / 75 / 60 points; on time
    # within a week.
    S("freight_crm.appraisal_period_months", int, 3, lowest=1, highest=12),
    S("freight_crm.appraisal_excellent_score", float, 90.0, lowest=0, highest=100),
    S("freight_crm.appraisal_good_score", float, 75.0, lowest=0, highest=100),
    S("freight_crm.appraisal_pass_score", float, 60.0, lowest=0, highest=100),
    S("freight_crm.appraisal_on_time_days", int, 7, lowest=0, highest=366),
)
