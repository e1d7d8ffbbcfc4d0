# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner_admission import ADMISSION_PARAMS
from .res_partner_grading import GRADING_PARAMS
from .res_partner_risk import REWARD_PARAMS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # --- Grading (R-GRD-4, R-GRD-6, R-GRD-7) --------------------------------
    freight_rule_grading = fields.Boolean(
        string="Rule-based Grading",
        config_parameter="freight_crm.rule_grading",
        help="Grade customers from annual business volume and years of "
        "cooperation instead of evaluation scores.",
    )
    freight_allow_self_approval = fields.Boolean(
        string="Allow Self-approval",
        config_parameter="freight_crm.allow_self_approval",
        help="Let a manager approve a visit, review, evaluation, contract "
        "step or complaint solution they wrote or submitted themselves.",
    )
    freight_rule_volume_a = fields.Float(
        string="Grade A Volume Above",
        config_parameter="freight_crm.rule_volume_a",
        default=GRADING_PARAMS["freight_crm.rule_volume_a"],
        help="Annual business volume (company currency) above which a "
        "customer is grade A.",
    )
    freight_rule_volume_b = fields.Float(
        string="Grade B Volume From",
        config_parameter="freight_crm.rule_volume_b",
        default=GRADING_PARAMS["freight_crm.rule_volume_b"],
        help="Annual business volume (company currency) from which a "
        "customer is at least grade B.",
    )
    freight_rule_years_a = fields.Integer(
        string="Grade A Cooperation Above (Years)",
        config_parameter="freight_crm.rule_years_a",
        default=GRADING_PARAMS["freight_crm.rule_years_a"],
    )
    freight_rule_years_b = fields.Integer(
        string="Grade B Cooperation From (Years)",
        config_parameter="freight_crm.rule_years_b",
        default=GRADING_PARAMS["freight_crm.rule_years_b"],
    )
    freight_key_account_contribution = fields.Float(
        string="Key Account Contribution",
        config_parameter="freight_crm.key_account_contribution",
        default=GRADING_PARAMS["freight_crm.key_account_contribution"],
        help="Contribution value (company currency) from which a customer "
        "is flagged as key account.",
    )
    freight_regrade_batch_size = fields.Integer(
        string="Re-grade Batch Size",
        config_parameter="freight_crm.regrade_batch_size",
        default=GRADING_PARAMS["freight_crm.regrade_batch_size"],
        help="Customers re-graded and committed together by the quarterly re-grade.",
    )

    @api.constrains(
        "freight_rule_volume_a",
        "freight_rule_volume_b",
        "freight_rule_years_a",
        "freight_rule_years_b",
        "freight_key_account_contribution",
        "freight_regrade_batch_size",
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
            if settings.freight_regrade_batch_size < 1:
                raise ValidationError(
                    self.env._("The re-grade batch size must be at least 1.")
                )

    freight_grade_change_activity_days = fields.Integer(
        string="Grade Change Review (Days)",
        config_parameter="freight_crm.grade_change_activity_days",
        default=GRADING_PARAMS["freight_crm.grade_change_activity_days"],
        help="Days the account manager has to review a customer whose grade "
        "the quarterly re-grade changed.",
    )
    freight_reward_base_score = fields.Float(
        string="Credit Standing of a Clean Ledger",
        config_parameter="freight_crm.reward_base_score",
        default=REWARD_PARAMS["freight_crm.reward_base_score"],
        help="Credit-standing score (0-100) proposed for a customer whose "
        "rewards and penalties ledger has entries but starts from zero.",
    )
    freight_reward_points = fields.Float(
        string="Points per Reward",
        config_parameter="freight_crm.reward_points",
        default=REWARD_PARAMS["freight_crm.reward_points"],
    )
    freight_penalty_points = fields.Float(
        string="Points per Penalty",
        config_parameter="freight_crm.penalty_points",
        default=REWARD_PARAMS["freight_crm.penalty_points"],
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
    freight_due_diligence_days = fields.Integer(
        string="Due Diligence (Working Days)",
        config_parameter="freight_crm.due_diligence_days",
        default=ADMISSION_PARAMS["freight_crm.due_diligence_days"],
    )
    freight_admission_min_capital = fields.Float(
        string="Minimum Registered Capital (CNY)",
        config_parameter="freight_crm.admission_min_capital",
        default=ADMISSION_PARAMS["freight_crm.admission_min_capital"],
    )
    freight_contract_approval_days = fields.Integer(
        string="Contract Approval (Working Days)",
        config_parameter="freight_crm.contract_approval_days",
        default=5,
    )
    freight_contract_expiry_warning_days = fields.Integer(
        string="Contract Expiry Warning (Days)",
        config_parameter="freight_crm.contract_expiry_warning_days",
        default=30,
    )
    freight_kpi_on_time_target = fields.Float(
        string="On-time Rate Target (%)",
        config_parameter="freight_crm.kpi_on_time_target",
        default=98.0,
    )
    freight_kpi_intact_target = fields.Float(
        string="Cargo Intact Rate Target (%)",
        config_parameter="freight_crm.kpi_intact_target",
        default=99.5,
    )
    freight_kpi_document_target = fields.Float(
        string="Document Accuracy Target (%)",
        config_parameter="freight_crm.kpi_document_target",
        default=100.0,
    )
    freight_kpi_satisfaction_target = fields.Float(
        string="Quarterly Satisfaction Target",
        config_parameter="freight_crm.kpi_satisfaction_target",
        default=90.0,
    )
    freight_kpi_enquiry_minutes = fields.Float(
        string="Enquiry Response Target (Minutes)",
        config_parameter="freight_crm.kpi_enquiry_minutes",
        default=30.0,
    )
    freight_kpi_exception_hours = fields.Float(
        string="Exception Notice Target (Hours)",
        config_parameter="freight_crm.kpi_exception_hours",
        default=2.0,
    )
