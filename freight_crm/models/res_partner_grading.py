# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .freight_workflow_guard import COMPUTED
from .res_partner import MANAGER

# The grading settings (R-GRD-4, R-GRD-6, R-GRD-7), defaults in
# tools/settings.py.
GRADING_PARAMS = (
    "freight_crm.rule_grading",
    "freight_crm.rule_volume_a",
    "freight_crm.rule_volume_b",
    "freight_crm.rule_years_a",
    "freight_crm.rule_years_b",
    "freight_crm.key_account_contribution",
    "freight_crm.regrade_batch_size",
    "freight_crm.grade_change_activity_days",
)


class ResPartner(models.Model):
    """Grading of the customer (R-GRD-*): grade, score, key account, the
    rule-based grade and the one grade-change flow every path goes
    through (history row, grade policy, chatter, activity)."""

    _inherit = "res.partner"

    freight_grade_id = fields.Many2one(
        "freight.customer.grade",
        string="Customer Grade",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    freight_score = fields.Float(
        string="Evaluation Score",
        digits=(5, 2),
        tracking=True,
        help="Weighted score of the latest confirmed evaluation (0-100).",
    )
    # Contribution and key accounts (R-GRD-7)
    freight_contribution_value = fields.Monetary(
        string="Contribution Value",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
        help="Profit contribution of the customer over the period below.",
    )
    freight_contribution_period = fields.Char(
        string="Contribution Period", help="e.g. 2026 or 2026 Q1-Q3."
    )
    freight_industry_influence = fields.Boolean(
        string="Industry Influence",
        help="Flag a customer as key account for its influence in its "
        "industry, whatever its contribution.",
    )
    freight_is_key_account = fields.Boolean(
        string="Key Account",
        compute="_compute_freight_is_key_account",
        store=True,
        index=True,
        help="Contribution above the key-account amount of the settings, or "
        "flagged for industry influence.",
    )
    # Grading bookkeeping (R-GRD-5, R-GRD-6)
    freight_evaluation_date = fields.Date(
        string="Last Evaluation", readonly=True, copy=False
    )
    freight_grade_history_ids = fields.One2many(
        "freight.customer.grade.history", "partner_id", string="Grade History"
    )
    freight_evaluation_ids = fields.One2many(
        "freight.customer.evaluation", "partner_id", string="Evaluations"
    )
    freight_evaluation_count = fields.Integer(
        compute="_compute_freight_evaluation_count"
    )
    freight_regrade_quarter = fields.Date(
        string="Re-graded for Quarter",
        index=True,
        readonly=True,
        copy=False,
        help="First day of the quarter in which this customer's grade last "
        "changed by the quarterly re-grade or by hand: the re-grade leaves a "
        "customer graded by hand in the current quarter as it is.",
    )
    freight_grade_code = fields.Char(
        related="freight_grade_id.code", string="Grade Code"
    )

    @api.depends("freight_contribution_value", "freight_industry_influence")
    def _compute_freight_is_key_account(self):
        params = self._freight_grading_params()
        threshold = params["freight_crm.key_account_contribution"]
        for partner in self.sudo():
            partner.freight_is_key_account = partner.freight_industry_influence or (
                threshold > 0 and partner.freight_contribution_value >= threshold
            )

    @api.model
    def _freight_guard_policy(self):
        # Set by the grading flows (evaluation, override, rules, re-grade),
        # which write the grade history: only a manager sets them by hand
        # (R-GRD-5), and then through the same flow. A salesperson cannot
        # lower an A/B customer to C to slip through the contract gate.
        return dict(
            super()._freight_guard_policy(),
            freight_grade_id=MANAGER,
            freight_score=MANAGER,
            freight_evaluation_date=MANAGER,
            freight_regrade_quarter=MANAGER,
            freight_is_key_account=COMPUTED,
        )

    def _compute_freight_evaluation_count(self):
        counts = dict(
            self.env["freight.customer.evaluation"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_evaluation_count = counts.get(partner, 0)

    # Integration hooks
    def _freight_prefill_score(self, criterion):
        """Score (0-100) proposed for ``criterion`` on a new evaluation of
        this customer, or None to leave it to the evaluation team. Other
        modules extend this. Scores passed in the context key
        ``freight_prefill_scores`` ({criterion id: score}) come first; the
        credit standing criterion then takes its score from the rewards and
        penalties ledger (R-REW-1: repeated arrears or breach lower it)."""
        self.ensure_one()
        prefill = self.env.context.get("freight_prefill_scores", {})
        credit = self.env.ref(
            "freight_crm.criterion_credit_standing", raise_if_not_found=False
        )
        if criterion.id not in prefill and criterion == credit:
            return self._freight_reward_credit_score()
        return prefill.get(criterion.id)

    def action_freight_open_evaluations(self):
        self._freight_ensure_one(self.env._("Evaluations"))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm.freight_customer_evaluation_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_freight_override_grade(self):
        self._freight_ensure_one(self.env._("Override Grade"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Override Grade"),
            "res_model": "freight.grade.override.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    # Grading
    @api.model
    def _freight_grading_params(self):
        return self._freight_params(GRADING_PARAMS)

    def _freight_rule_grade(self, grades, params, today):
        """Rule-based grade (R-GRD-4): A when volume > 5 M or cooperation
        > 3 years; B when volume 1-5 M or cooperation 1-3 years; else C.
        Each clause gives a grade and the better (lower sequence) wins."""
        self.ensure_one()
        by_code = {grade.code: grade for grade in grades}
        volume = self.freight_annual_volume
        start = self.freight_cooperation_start
        if volume > params["freight_crm.rule_volume_a"]:
            volume_code = "A"
        elif volume >= params["freight_crm.rule_volume_b"]:
            volume_code = "B"
        else:
            volume_code = "C"
        years_code = "C"
        if start:
            if start < today - relativedelta(years=params["freight_crm.rule_years_a"]):
                years_code = "A"
            elif start <= today - relativedelta(
                years=params["freight_crm.rule_years_b"]
            ):
                years_code = "B"
        candidates = [
            by_code[code] for code in (volume_code, years_code) if code in by_code
        ]
        if not candidates:
            return grades.browse()
        return min(candidates, key=lambda g: (g.sequence, g.code))

    def _freight_target_grade(self, grades, params, today):
        """Grade the customer should have now: rule-based when switched on,
        else from the score of its latest confirmed evaluation; an empty
        recordset keeps the current grade (never evaluated)."""
        self.ensure_one()
        if params["freight_crm.rule_grading"]:
            return self._freight_rule_grade(grades, params, today)
        if self.freight_evaluation_date:
            return grades._freight_grade_for_score(self.freight_score)
        return grades.browse()

    def action_freight_apply_rule_grade(self):
        """Grade the selected customers by the rules now (R-GRD-4)."""
        if not (self.env.su or self.env.user._freight_is_manager()):
            raise UserError(
                self.env._("Only a Freight CRM manager can grade customers by rules.")
            )
        grades = self.env["freight.customer.grade"]._freight_active_grades()
        params = self._freight_grading_params()
        today = fields.Date.context_today(self)
        targets = {
            partner: partner._freight_rule_grade(grades, params, today)
            for partner in self
        }
        self.sudo()._freight_change_grades(
            {p: g for p, g in targets.items() if g}, source="rule"
        )
        return True
