# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # --- Grading (R-GRD-4, R-GRD-6, R-GRD-7) --------------------------------
    freight_rule_grading = freight_setting_field(
        "freight_crm.rule_grading",
        string="Rule-based Grading",
        help="Grade customers from annual business volume and years of "
        "cooperation instead of evaluation scores.",
    )
    freight_allow_self_approval = freight_setting_field(
        "freight_crm.allow_self_approval",
        string="Allow Self-approval",
        help="Let a manager approve a visit, review, evaluation, contract "
        "step or complaint solution they wrote or submitted themselves.",
    )
    freight_rule_volume_a = freight_setting_field(
        "freight_crm.rule_volume_a",
        string="Grade A Volume Above",
        help="Annual business volume (company currency) above which a "
        "customer is grade A.",
    )
    freight_rule_volume_b = freight_setting_field(
        "freight_crm.rule_volume_b",
        string="Grade B Volume From",
        help="Annual business volume (company currency) from which a "
        "customer is at least grade B.",
    )
    freight_rule_years_a = freight_setting_field(
        "freight_crm.rule_years_a",
        string="Grade A Cooperation Above (Years)",
    )
    freight_rule_years_b = freight_setting_field(
        "freight_crm.rule_years_b",
        string="Grade B Cooperation From (Years)",
    )
    freight_key_account_contribution = freight_setting_field(
        "freight_crm.key_account_contribution",
        string="Key Account Contribution",
        help="Contribution value (company currency) from which a customer "
        "is flagged as key account.",
    )

    @api.constrains(
        "freight_rule_volume_a",
        "freight_rule_volume_b",
        "freight_rule_years_a",
        "freight_rule_years_b",
        "freight_key_account_contribution",
    )
    def _check_freight_grading_settings(self):
        """Rule thresholds must describe A above B above C (R-GRD-4)."""
        for settings in self:
            figures = (
                settings.freight_rule_volume_a,
                settings.freight_rule_volume_b,
                settings.freight_rule_years_a,
                settings.freight_rule_years_b,
                settings.freight_key_account_contribution,
            )
            if any(figure < 0 for figure in figures):
                raise ValidationError(
                    self.env._(
                        "Grading thresholds and the key-account contribution "
                        "cannot be negative."
                    )
                )
            if settings.freight_rule_volume_b > settings.freight_rule_volume_a:
                raise ValidationError(
                    self.env._(
                        "The grade B volume (%(b)s) cannot be above the grade A "
                        "volume (%(a)s).",
                        a=settings.freight_rule_volume_a,
                        b=settings.freight_rule_volume_b,
                    )
                )
            if settings.freight_rule_years_b > settings.freight_rule_years_a:
                raise ValidationError(
                    self.env._(
                        "The grade B cooperation years (%(b)s) cannot be above "
                        "the grade A cooperation years (%(a)s).",
                        a=settings.freight_rule_years_a,
                        b=settings.freight_rule_years_b,
                    )
                )

    freight_grade_change_activity_days = freight_setting_field(
        "freight_crm.grade_change_activity_days",
        string="Grade Change Review (Days)",
        help="Days the account manager has to review a customer whose grade "
        "the quarterly re-grade changed.",
    )
    freight_reward_base_score = freight_setting_field(
        "freight_crm.reward_base_score",
        string="Credit Standing of a Clean Ledger",
        help="Credit-standing score (0-100) proposed for a customer whose "
        "rewards and penalties ledger has entries but starts from zero.",
    )
    freight_reward_points = freight_setting_field(
        "freight_crm.reward_points",
        string="Points per Reward",
    )
    freight_penalty_points = freight_setting_field(
        "freight_crm.penalty_points",
        string="Points per Penalty",
    )

    @api.constrains(
        "freight_grade_change_activity_days",
        "freight_reward_base_score",
        "freight_reward_points",
        "freight_penalty_points",
    )
    def _check_freight_reward_settings(self):
        for settings in self:
            if (
                settings.freight_grade_change_activity_days < 0
                or min(settings.freight_reward_points, settings.freight_penalty_points)
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Review days and reward or penalty points cannot be negative."
                    )
                )
            if not 0 <= settings.freight_reward_base_score <= 100:
                raise ValidationError(
                    self.env._(
                        "The credit standing of a clean ledger lies between 0 and 100."
                    )
                )

    # --- End of grading settings --------------------------------------------

    def set_values(self):
        old_threshold = self.env["res.partner"]._freight_grading_params()[
            "freight_crm.key_account_contribution"
        ]
        res = super().set_values()
        if self.freight_key_account_contribution != old_threshold:
            self._freight_recompute_key_accounts()
        return res

    def _freight_recompute_key_accounts(self):
        partners = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("freight_contribution_value", "!=", 0),
                    ("freight_is_key_account", "=", True),
                ]
            )
        )
        self.env.add_to_compute(partners._fields["freight_is_key_account"], partners)

    # --- Admission, contracts, KPIs (R-ONB-3, R-CON-2, R-CON-4, R-KPI-1) ---
    freight_due_diligence_days = freight_setting_field(
        "freight_crm.due_diligence_days",
        string="Due Diligence (Working Days)",
    )
    freight_admission_min_capital = freight_setting_field(
        "freight_crm.admission_min_capital",
        string="Minimum Registered Capital (CNY)",
    )
    freight_contract_approval_days = freight_setting_field(
        "freight_crm.contract_approval_days",
        string="Contract Approval (Working Days)",
    )
    freight_contract_expiry_warning_days = freight_setting_field(
        "freight_crm.contract_expiry_warning_days",
        string="Contract Expiry Warning (Days)",
    )
    freight_kpi_on_time_target = freight_setting_field(
        "freight_crm.kpi_on_time_target",
        string="On-time Rate Target (%)",
    )
    freight_kpi_intact_target = freight_setting_field(
        "freight_crm.kpi_intact_target",
        string="Cargo Intact Rate Target (%)",
    )
    freight_kpi_document_target = freight_setting_field(
        "freight_crm.kpi_document_target",
        string="Document Accuracy Target (%)",
    )
    freight_kpi_satisfaction_target = freight_setting_field(
        "freight_crm.kpi_satisfaction_target",
        string="Quarterly Satisfaction Target",
    )
    freight_kpi_enquiry_minutes = freight_setting_field(
        "freight_crm.kpi_enquiry_minutes",
        string="Enquiry Response Target (Minutes)",
    )
    freight_kpi_exception_hours = freight_setting_field(
        "freight_crm.kpi_exception_hours",
        string="Exception Notice Target (Hours)",
    )
