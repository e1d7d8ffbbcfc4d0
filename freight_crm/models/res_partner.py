# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

from .freight_customer_contract import plan_working_days, start_of_next_day

# ir.config_parameter keys of the grading settings, with the rulebook's
# values as defaults (R-GRD-4, R-GRD-6, R-GRD-7).
GRADING_PARAMS = {
    "freight_crm.rule_grading": False,
    "freight_crm.rule_volume_a": 5000000.0,
    "freight_crm.rule_volume_b": 1000000.0,
    "freight_crm.rule_years_a": 3,
    "freight_crm.rule_years_b": 1,
    "freight_crm.key_account_contribution": 1000000.0,
    "freight_crm.regrade_batch_size": 1000,
}
# Set by the grading flows only (evaluation, override, rules, re-grade), which
# run as superuser and write the grade history: a salesperson or service user
# cannot set them by a plain write (R-GRD-5: an override needs a manager and a
# reason), nor lower an A/B customer to C to slip through the contract gate.
GRADE_MANAGER_FIELDS = (
    "freight_grade_id",
    "freight_score",
    "freight_evaluation_date",
    "freight_regrade_quarter",
)
# Admission checklist (R-ONB-3): boolean field -> label of the criterion.
ADMISSION_CHECKS = (
    "freight_adm_licence_ok",
    "freight_adm_capital_ok",
    "freight_adm_no_violation",
    "freight_adm_needs_match",
    "freight_adm_accepts_credit",
)
# Fields only a manager may set, whatever the entry point.
ADMISSION_MANAGER_FIELDS = (
    "freight_admission_passed",
    "freight_admission_date",
    "freight_admission_user_id",
    "freight_admission_exception_user_id",
    "freight_admission_exception_date",
    "freight_anonymised",
    "freight_anonymised_date",
    "freight_anonymised_user_id",
)
MANAGER = "freight_crm.group_freight_manager"
# Credit standing from the rewards and penalties ledger (R-REW-1): a clean
# ledger starts here, each reward adds and each penalty takes away points.
REWARD_BASE_SCORE = 80.0
REWARD_POINTS = 5.0
PENALTY_POINTS = 15.0


class ResPartner(models.Model):
    _inherit = "res.partner"

    freight_customer_state = fields.Selection(
        [
            ("potential", "Potential Customer"),
            ("admission", "In Admission"),
            ("signed", "Signed Customer"),
            ("dormant", "Dormant"),
            ("eliminated", "Eliminated"),
        ],
        string="Customer State",
        index=True,
        tracking=True,
        help="Lifecycle of the customer (R-CLS-1).",
    )
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
    freight_currency_id = fields.Many2one(
        "res.currency", compute="_compute_freight_currency_id"
    )
    freight_annual_volume = fields.Monetary(
        string="Annual Business Volume",
        currency_field="freight_currency_id",
        help="Business volume of the last twelve months, in company currency.",
    )
    freight_cooperation_start = fields.Date(
        string="Cooperation Since",
        help="Date the first business with this customer was confirmed.",
    )
    freight_registered_capital = fields.Monetary(
        string="Registered Capital",
        currency_field="freight_currency_id",
    )

    # Customer basic information (附表2 客户基本资料表, R-FILE-1)
    freight_signed_type = fields.Selection(
        [("long_term", "Long-term Cooperation"), ("temporary", "Temporary")],
        string="Cooperation Type",
        tracking=True,
        help="For signed customers: long-term partner or temporary customer.",
    )
    freight_segment_id = fields.Many2one(
        "freight.industry.segment",
        string="Industry Segment",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    freight_service_focus = fields.Text(
        related="freight_segment_id.service_focus", string="Service Focus"
    )
    freight_fax = fields.Char(string="Fax")
    freight_legal_representative = fields.Char(string="Person in Charge")
    freight_founding_date = fields.Date(string="Founding Date")
    freight_floor_area = fields.Float(string="Floor Area (m²)")
    freight_headcount = fields.Integer(string="Headcount")
    freight_company_size = fields.Selection(
        [
            ("small", "Small (< 50 staff)"),
            ("medium", "Medium (50-300 staff)"),
            ("large", "Large (> 300 staff)"),
        ],
        string="Company Size",
    )
    freight_annual_revenue = fields.Monetary(
        string="Annual Revenue", currency_field="freight_currency_id"
    )
    freight_bank_name = fields.Char(
        string="Opening Bank", groups="freight_crm.group_freight_manager"
    )
    freight_bank_account = fields.Char(
        string="Bank Account", groups="freight_crm.group_freight_manager"
    )
    freight_resources = fields.Text(string="Resource Status")
    freight_current_providers = fields.Text(string="Current Logistics Providers")
    freight_logistics_needs = fields.Text(string="Main Logistics Needs and Solutions")
    freight_other_notes = fields.Text(string="Other Notes")
    # Key-account file (R-FILE-2)
    freight_credit_record = fields.Text(
        string="Credit Record", groups="freight_crm.group_freight_manager"
    )
    freight_financial_status = fields.Text(
        string="Financial Status", groups="freight_crm.group_freight_manager"
    )
    freight_industry_position = fields.Text(string="Industry Position")
    freight_competitor_notes = fields.Text(string="Competitor Notes")
    freight_project_start_date = fields.Date(string="Project Start Date")
    freight_milestones = fields.Text(string="Milestones and Anniversaries")
    # Money the grade policy and finance set (R-POL-2, R-SEC-1)
    freight_credit_limit = fields.Monetary(
        string="Approved Credit Line",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
    )
    freight_payment_term_days = fields.Integer(
        string="Payment Term (Days)", groups="freight_crm.group_freight_manager"
    )
    freight_advance_funding_limit = fields.Monetary(
        string="Advance-funding Limit",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
    )
    freight_receivable_amount = fields.Monetary(
        string="Receivables",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
    )
    freight_overdue_receivable = fields.Monetary(
        string="Receivables over 3 Months",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
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
        help="First day of the last quarter whose re-grade was applied to "
        "this customer: the quarterly re-grade skips customers already "
        "stamped with the current quarter.",
    )
    freight_grade_code = fields.Char(
        related="freight_grade_id.code", string="Grade Code"
    )

    _freight_money_positive = models.Constraint(
        "CHECK(freight_registered_capital >= 0 AND freight_annual_volume >= 0)",
        "Registered capital and annual business volume cannot be negative.",
    )

    @api.depends("company_id")
    def _compute_freight_currency_id(self):
        default_currency = self.env.company.currency_id
        for partner in self:
            partner.freight_currency_id = (
                partner.company_id.currency_id or default_currency
            )

    @api.depends("freight_contribution_value", "freight_industry_influence")
    def _compute_freight_is_key_account(self):
        params = self._freight_grading_params()
        threshold = params["freight_crm.key_account_contribution"]
        for partner in self.sudo():
            partner.freight_is_key_account = partner.freight_industry_influence or (
                threshold > 0 and partner.freight_contribution_value >= threshold
            )

    def _compute_freight_evaluation_count(self):
        counts = dict(
            self.env["freight.customer.evaluation"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_evaluation_count = counts.get(partner, 0)

    @api.constrains(
        "freight_registered_capital",
        "freight_annual_volume",
        "freight_annual_revenue",
        "freight_floor_area",
        "freight_headcount",
    )
    def _check_freight_figures(self):
        labels = {
            "freight_registered_capital": self.env._("Registered capital"),
            "freight_annual_volume": self.env._("Annual business volume"),
            "freight_annual_revenue": self.env._("Annual revenue"),
            "freight_floor_area": self.env._("Floor area"),
            "freight_headcount": self.env._("Headcount"),
        }
        for partner in self:
            for fname, label in labels.items():
                if partner[fname] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(customer)s cannot be negative.",
                            field=label,
                            customer=partner.display_name,
                        )
                    )

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
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm.freight_customer_evaluation_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_freight_override_grade(self):
        self.ensure_one()
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
        icp = self.env["ir.config_parameter"].sudo()
        params = {}
        for key, default in GRADING_PARAMS.items():
            raw = icp.get_param(key)
            if isinstance(default, bool):
                params[key] = raw not in (None, False, "", "False", "0")
            elif raw in (None, False, ""):
                params[key] = default
            else:
                params[key] = type(default)(float(raw))
        return params

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
        if not (
            self.env.su or self.env.user.has_group("freight_crm.group_freight_manager")
        ):
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

    def _freight_change_grades(
        self,
        grade_by_partner,
        source,
        scores=None,
        reason=None,
        evaluation=None,
        force_policy=False,
        notify=False,
    ):
        """Set the grade of several customers in a constant number of
        queries: one write per target grade (grade + policy, R-POL-2), one
        insert of history rows, one of chatter messages, one of activities.
        Customers whose grade does not change are skipped unless
        ``force_policy`` (a confirmed evaluation always re-applies the
        policy). Returns the customers that were written."""
        scores = scores or {}
        changed = {
            partner: grade
            for partner, grade in grade_by_partner.items()
            if grade and (force_policy or partner.freight_grade_id != grade)
        }
        if not changed:
            return self.browse()
        old_grades = {partner: partner.freight_grade_id for partner in changed}
        # Monetary policy values need the currency: compute it for the whole
        # batch at once rather than record by record inside the writes.
        self.browse([partner.id for partner in changed]).sudo().mapped(
            "freight_currency_id"
        )
        partner_ids_by_grade = defaultdict(list)
        for partner, grade in changed.items():
            partner_ids_by_grade[grade].append(partner.id)
        for grade, partner_ids in partner_ids_by_grade.items():
            values = dict(grade._freight_policy_values(), freight_grade_id=grade.id)
            self.browse(partner_ids).with_context(tracking_disable=True).write(values)
        self.env["freight.customer.grade.history"].create(
            [
                {
                    "partner_id": partner.id,
                    "old_grade_id": old_grades[partner].id,
                    "new_grade_id": grade.id,
                    "score": scores.get(partner, partner.freight_score),
                    "source": source,
                    "reason": reason,
                    "evaluation_id": evaluation.id if evaluation else False,
                }
                for partner, grade in changed.items()
            ]
        )
        partners = self.browse([partner.id for partner in changed])
        bodies = {
            partner.id: partner._freight_grade_change_body(
                old_grades[partner], grade, source, reason
            )
            for partner, grade in changed.items()
        }
        partners._message_log_batch(bodies=bodies)
        if notify:
            partners._freight_notify_grade_change(old_grades)
        return partners

    def _freight_grade_change_body(self, old_grade, new_grade, source, reason):
        source_label = dict(
            self.env["freight.customer.grade.history"]
            ._fields["source"]
            ._description_selection(self.env)
        )[source]
        if old_grade == new_grade:
            text = self.env._(
                "Grade %(grade)s confirmed (%(origin)s).",
                grade=new_grade.name,
                origin=source_label,
            )
        else:
            text = self.env._(
                "Grade changed from %(old)s to %(new)s (%(origin)s).",
                old=old_grade.name or self.env._("none"),
                new=new_grade.name,
                origin=source_label,
            )
        policy = self.env._(
            "Policy of %(grade)s applied: account manager, credit limit, "
            "payment term and advance-funding limit updated; visits every "
            "%(months)s month(s).",
            grade=new_grade.name,
            months=new_grade.visit_interval_months,
        )
        lines = [text, policy]
        if reason:
            lines.append(self.env._("Reason: %s", reason))
        return Markup("<br/>").join(lines)

    def _freight_notify_grade_change(self, old_grades):
        """One activity per re-graded customer for its account manager."""
        activity_type = self.env.ref(
            "freight_crm.mail_activity_type_grade_change", raise_if_not_found=False
        )
        model_id = self.env["ir.model"]._get_id("res.partner")
        deadline = fields.Date.context_today(self) + relativedelta(days=7)
        values = [
            {
                "res_model_id": model_id,
                "res_id": partner.id,
                "activity_type_id": activity_type.id if activity_type else False,
                "summary": partner.with_context(lang=partner.user_id.lang).env._(
                    "Grade changed from %(old)s to %(new)s: review the customer",
                    old=old_grades[partner].code or "-",
                    new=partner.freight_grade_id.code,
                ),
                "user_id": partner.user_id.id,
                "date_deadline": deadline,
            }
            for partner in self
            if partner.user_id
        ]
        if values:
            self.env["mail.activity"].with_context(
                mail_activity_quick_update=True
            ).create(values)

    # Quarterly re-grade (R-GRD-6)
    @api.model
    def _freight_quarter_start(self, day):
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)

    @api.model
    def _freight_regrade_domain(self, quarter_start):
        return Domain("freight_customer_state", "=", "signed") & (
            Domain("freight_regrade_quarter", "=", False)
            | Domain("freight_regrade_quarter", "<", quarter_start)
        )

    @api.model
    def _cron_freight_regrade(self):
        """Re-grade every signed customer once per quarter, in batches.

        Each batch stamps its customers with the quarter and commits, so a
        crash loses at most the batch in progress and a rerun picks up the
        customers not stamped yet: no customer is re-graded twice in a
        quarter, however often the cron runs."""
        today = fields.Date.context_today(self)
        quarter_start = self._freight_quarter_start(today)
        params = self._freight_grading_params()
        batch_size = max(params["freight_crm.regrade_batch_size"], 1)
        grades = self.env["freight.customer.grade"]._freight_active_grades()
        domain = self._freight_regrade_domain(quarter_start)
        remaining = self.search_count(domain)
        while remaining:
            partners = self.search(domain, order="id", limit=batch_size)
            if not partners:
                break
            partners._freight_regrade_batch(quarter_start, grades, params, today)
            remaining = max(remaining - len(partners), 0)
            time_left = self.env["ir.cron"]._commit_progress(
                len(partners), remaining=remaining
            )
            if not time_left:
                break
        return True

    def _freight_regrade_batch(self, quarter_start, grades, params, today):
        targets = {
            partner: partner._freight_target_grade(grades, params, today)
            for partner in self
        }
        self._freight_change_grades(targets, source="regrade", notify=True)
        self.with_context(tracking_disable=True).write(
            {"freight_regrade_quarter": quarter_start}
        )

    # --- Admission, contracts, risk (issue 4) ---
    # Onboarding (R-ONB-1, R-ONB-2)
    freight_onboarding_stage = fields.Selection(
        [
            ("qualification", "Qualification Review"),
            ("needs", "Needs Assessment"),
            ("negotiation", "Commercial Negotiation"),
            ("contract", "Contract Signing"),
        ],
        string="Onboarding Stage",
        default="qualification",
        tracking=True,
        help="Stage of a new customer's development (R-ONB-1). Moving past "
        "qualification review needs a passed admission.",
    )
    freight_first_contact_date = fields.Date(
        string="First Contact",
        tracking=True,
        help="Setting it schedules the due-diligence activity (business "
        "licence, operating status, reputation) within the configured number "
        "of working days.",
    )
    freight_due_diligence_deadline = fields.Date(
        string="Due Diligence Deadline", readonly=True, copy=False
    )
    # Admission checklist (R-ONB-3)
    freight_adm_licence_ok = fields.Boolean(
        string="Lawful Business Licence",
        tracking=True,
        help="Holds a lawful business licence and is qualified to operate.",
    )
    freight_adm_capital_ok = fields.Boolean(
        string="Registered Capital Sufficient",
        compute="_compute_freight_adm_capital_ok",
        help="Registered capital at least the admission threshold in Settings.",
    )
    freight_adm_no_violation = fields.Boolean(
        string="No Major Violation in 2 Years",
        tracking=True,
        help="No major violation of laws or regulations in the last two years.",
    )
    freight_adm_needs_match = fields.Boolean(
        string="Needs Match Our Capabilities",
        tracking=True,
    )
    freight_adm_accepts_credit = fields.Boolean(
        string="Accepts Credit Evaluation and Deposit",
        tracking=True,
        help="Accepts the company's credit evaluation and the performance "
        "deposit (if required).",
    )
    freight_admission_passed = fields.Boolean(
        string="Admission Passed", tracking=True, copy=False
    )
    freight_admission_date = fields.Datetime(copy=False, readonly=True)
    freight_admission_user_id = fields.Many2one(
        "res.users", string="Admitted By", copy=False, readonly=True
    )
    freight_admission_exception_reason = fields.Text(
        string="Exception Reason",
        copy=False,
        help="Why a manager admits the customer although a criterion fails.",
    )
    freight_admission_exception_user_id = fields.Many2one(
        "res.users", string="Exception Granted By", copy=False, readonly=True
    )
    freight_admission_exception_date = fields.Datetime(
        string="Exception Date", copy=False, readonly=True
    )
    # Contracts (R-CON-*)
    freight_contract_ids = fields.One2many(
        "freight.customer.contract",
        "partner_id",
        string="Contracts",
        groups="freight_crm.group_freight_salesperson,freight_crm.group_freight_legal",
    )
    freight_contract_count = fields.Integer(
        compute="_compute_freight_contract_count",
        groups="freight_crm.group_freight_salesperson,freight_crm.group_freight_legal",
    )
    freight_has_valid_contract = fields.Boolean(
        string="Valid Contract",
        compute="_compute_freight_contract_gate",
        help="Has a signed, valid, long-term contract today (R-CON-3).",
    )
    freight_contract_warning = fields.Char(
        compute="_compute_freight_contract_gate",
        help="What the contract gate misses for this customer.",
    )
    # Risk (R-RSK-1) and rewards/penalties (R-REW-1)
    freight_risk_ids = fields.One2many(
        "freight.customer.risk",
        "partner_id",
        string="Risks",
        groups="freight_crm.group_freight_salesperson",
    )
    freight_risk_blocked = fields.Boolean(
        string="High Risk",
        compute="_compute_freight_risk_blocked",
        search="_search_freight_risk_blocked",
        help="An open high risk blocks new contracts until a manager clears it.",
    )
    freight_reward_ids = fields.One2many(
        "freight.customer.reward",
        "partner_id",
        string="Rewards and Penalties",
        groups="freight_crm.group_freight_salesperson",
    )
    freight_share_ids = fields.One2many(
        "freight.customer.share",
        "partner_id",
        string="File Sharing Requests",
        groups="freight_crm.group_freight_salesperson",
    )
    freight_anonymised = fields.Boolean(string="Anonymised", readonly=True, copy=False)
    freight_anonymised_date = fields.Datetime(
        string="Anonymised On", readonly=True, copy=False
    )
    freight_anonymised_user_id = fields.Many2one(
        "res.users", string="Anonymised By", readonly=True, copy=False
    )

    @api.depends("freight_registered_capital")
    def _compute_freight_adm_capital_ok(self):
        threshold = self._freight_admission_min_capital()
        for partner in self:
            partner.freight_adm_capital_ok = (
                partner.freight_registered_capital >= threshold
            )

    def _compute_freight_contract_count(self):
        counts = dict(
            self.env["freight.customer.contract"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_contract_count = counts.get(partner, 0)

    @api.depends("freight_grade_id")
    def _compute_freight_contract_gate(self):
        missing = self._freight_contract_gate_missing()
        for partner in self:
            partner.freight_has_valid_contract = partner.id not in missing
            partner.freight_contract_warning = missing.get(partner.id, False)

    def _compute_freight_risk_blocked(self):
        blocked = self._freight_high_risk_partner_ids()
        for partner in self:
            partner.freight_risk_blocked = partner.id in blocked

    def _search_freight_risk_blocked(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        risks = (
            self.env["freight.customer.risk"]
            .sudo()
            ._read_group(
                [("level", "=", "high"), ("state", "=", "open")], ["partner_id"]
            )
        )
        ids = [partner.id for (partner,) in risks]
        wanted = (True in value) == (operator == "in")
        return [("id", "in" if wanted else "not in", ids)]

    @api.model_create_multi
    def create(self, vals_list):
        self._freight_check_manager_fields(vals_list)
        partners = super().create(vals_list)
        if not self.env.su:
            # A new customer has no contract yet: created signed, A/B fail.
            partners.filtered(
                lambda p: p.freight_customer_state == "signed"
            )._freight_check_contract_gate()
        partners.filtered("freight_first_contact_date")._freight_plan_due_diligence()
        return partners

    def write(self, vals):
        self._freight_check_manager_fields([vals])
        undo = "freight_anonymised" in vals and not vals["freight_anonymised"]
        if undo and any(self.mapped("freight_anonymised")):
            raise UserError(self.env._("An anonymisation cannot be undone."))
        self._freight_check_onboarding_stage(vals)
        if "user_id" in vals:
            self._freight_check_reassignment(vals["user_id"])
        if vals.get("freight_customer_state") == "signed" and not self.env.su:
            becoming_signed = self.filtered(
                lambda p: p.freight_customer_state != "signed"
            )
            grade = (
                self.env["freight.customer.grade"].browse(vals["freight_grade_id"])
                if "freight_grade_id" in vals
                else None
            )
            becoming_signed._freight_check_contract_gate(grade=grade)
        res = super().write(vals)
        if vals.get("freight_first_contact_date"):
            self._freight_plan_due_diligence()
        return res

    # Onboarding and admission --------------------------------------------
    @api.model
    def _freight_admission_min_capital(self):
        return float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm.admission_min_capital", 500000.0)
        )

    def _freight_grade_fields_changed(self, vals):
        """Grade fields of ``vals`` that would change a value: on a new
        record any value set, on existing ones a value that differs (the web
        client may send unchanged values back)."""
        changed = set()
        for name in set(vals) & set(GRADE_MANAGER_FIELDS):
            field = self._fields[name]
            new = field.convert_to_cache(vals[name], self)
            if not self:
                if new:
                    changed.add(name)
                continue
            for partner in self:
                old = field.convert_to_cache(partner[name], partner)
                if (old or False) != (new or False):
                    changed.add(name)
                    break
        return changed

    def _freight_check_manager_fields(self, vals_list):
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        for vals in vals_list:
            forbidden = set(vals) & set(ADMISSION_MANAGER_FIELDS)
            forbidden |= self._freight_grade_fields_changed(vals)
            if forbidden:
                raise AccessError(
                    self.env._(
                        "Only a Freight CRM manager can set: %s.",
                        ", ".join(
                            self._fields[name].get_description(self.env)["string"]
                            for name in sorted(forbidden)
                        ),
                    )
                )

    def _freight_check_reassignment(self, new_user_id):
        """The account manager decides who sees a customer's freight data
        (record rules): only managers move a customer away from another
        salesperson (R-SEC-1, R-VIS-6)."""
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        taken = self.filtered(
            lambda p: (
                p.freight_customer_state
                and p.user_id
                and p.user_id != self.env.user
                and p.user_id.id != new_user_id
            )
        )
        if taken:
            raise AccessError(
                self.env._(
                    "%s belongs to another salesperson: only a Freight CRM "
                    "manager can reassign it.",
                    taken[0].display_name,
                )
            )

    def _freight_check_onboarding_stage(self, vals):
        """Stages after qualification review need a passed admission."""
        if vals.get("freight_onboarding_stage") in (None, False, "qualification"):
            return
        if vals.get("freight_admission_passed"):
            return
        for partner in self:
            if not partner.freight_admission_passed:
                raise UserError(
                    self.env._(
                        "%s has not passed admission yet: complete the "
                        "qualification review first.",
                        partner.display_name,
                    )
                )

    def _freight_plan_due_diligence(self):
        """Due-diligence activity within N working days after first contact,
        on the company's working calendar (R-ONB-2)."""
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm.due_diligence_days", 3)
        )
        for partner in self:
            company = partner.company_id or self.env.company
            start = start_of_next_day(company, partner.freight_first_contact_date)
            deadline = plan_working_days(company, days, start).date()
            partner.freight_due_diligence_deadline = deadline
            partner.activity_unlink(["freight_crm.mail_activity_due_diligence"])
            partner.activity_schedule(
                "freight_crm.mail_activity_due_diligence",
                date_deadline=deadline,
                user_id=partner.user_id.id or self.env.user.id,
            )

    def _freight_failed_admission_criteria(self):
        """Labels of the admission criteria this customer fails."""
        self.ensure_one()
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in ADMISSION_CHECKS
            if not self[name]
        ]

    def action_freight_start_admission(self):
        self.write(
            {
                "freight_customer_state": "admission",
                "freight_onboarding_stage": "qualification",
            }
        )
        return True

    def action_freight_pass_admission(self):
        for partner in self:
            failed = partner._freight_failed_admission_criteria()
            if failed and not partner.freight_admission_exception_user_id:
                raise UserError(
                    self.env._(
                        "%(customer)s fails the admission criteria: %(criteria)s. "
                        "Fix them, or ask a manager to record an exception.",
                        customer=partner.display_name,
                        criteria=", ".join(failed),
                    )
                )
        self.sudo().write(
            {
                "freight_admission_passed": True,
                "freight_admission_date": fields.Datetime.now(),
                "freight_admission_user_id": self.env.user.id,
                "freight_onboarding_stage": "needs",
            }
        )
        return True

    def action_freight_record_admission_exception(self):
        """A manager admits a customer despite a failed criterion; who, when
        and why are recorded (R-ONB-3)."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only a Freight CRM manager can record an exception.")
            )
        for partner in self:
            if not (partner.freight_admission_exception_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%s: write the reason of the admission exception first.",
                        partner.display_name,
                    )
                )
        self.write(
            {
                "freight_admission_exception_user_id": self.env.user.id,
                "freight_admission_exception_date": fields.Datetime.now(),
            }
        )
        for partner in self:
            partner.message_post(
                body=self.env._(
                    "Admission exception granted: %s",
                    partner.freight_admission_exception_reason,
                )
            )
        return True

    # Contract gate (R-CON-3) --------------------------------------------
    def _freight_contract_gate_missing(self):
        """{partner id: what is missing} for partners without a signed,
        valid, long-term contract today. Three queries, whatever the number
        of partners."""
        partners = self.filtered("id")
        if not partners:
            return {}
        Contract = self.env["freight.customer.contract"].sudo()
        ids = partners.commercial_partner_id.ids
        valid = {
            partner.id
            for (partner,) in Contract._read_group(
                Contract._valid_domain() & Domain("partner_id", "in", ids),
                ["partner_id"],
            )
        }
        signed = {
            partner.id: count
            for partner, count in Contract._read_group(
                [("partner_id", "in", ids), ("state", "in", ("signed", "expired"))],
                ["partner_id"],
                ["__count"],
            )
        }
        missing = {}
        for partner in partners:
            commercial = partner.commercial_partner_id.id
            if commercial in valid:
                continue
            if signed.get(commercial):
                missing[partner.id] = self.env._(
                    "its contract is expired, not yet started or not a "
                    "long-term agreement"
                )
            else:
                missing[partner.id] = self.env._("no signed contract")
        return missing

    def _freight_check_contract_gate(self, grade=None):
        """Refuse confirming business for grade A/B customers (grade requires
        a contract) without a valid contract; return the customers that only
        get a warning (grade C). `grade` overrides the current grade."""
        missing = self._freight_contract_gate_missing()
        warned = self.browse()
        for partner in self:
            if partner.id not in missing:
                continue
            if grade is not None:
                partner_grade = grade
            else:
                # The stricter of its own grade and its company's: attaching
                # an A customer under a C company must not open the gate.
                partner_grade = partner.commercial_partner_id.freight_grade_id
                if partner.freight_grade_id.contract_required:
                    partner_grade = partner.freight_grade_id
            if partner_grade.contract_required:
                raise UserError(
                    self.env._(
                        "%(customer)s (grade %(grade)s) needs a signed, valid, "
                        "long-term contract before business is confirmed: "
                        "%(missing)s.",
                        customer=partner.display_name,
                        grade=partner_grade.code,
                        missing=missing[partner.id],
                    )
                )
            warned |= partner
        for partner in warned:
            partner.commercial_partner_id.message_post(
                body=self.env._(
                    "Reminder: %(customer)s has no signed, valid contract "
                    "(%(missing)s). Sign one as soon as possible.",
                    customer=partner.display_name,
                    missing=missing[partner.id],
                )
            )
        return warned

    def action_freight_view_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm.freight_customer_contract_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # Risk and rewards (R-RSK-1, R-REW-1) ---------------------------------
    def _freight_high_risk_partner_ids(self):
        risks = (
            self.env["freight.customer.risk"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("level", "=", "high"),
                    ("state", "=", "open"),
                ],
                ["partner_id"],
            )
        )
        blocked = {partner.id for (partner,) in risks}
        return {p.id for p in self if p.commercial_partner_id.id in blocked}

    def _freight_check_risk_allows_contract(self):
        blocked = self.browse(self._freight_high_risk_partner_ids())
        if blocked:
            raise UserError(
                self.env._(
                    "%s has an open high risk: a manager must clear it before a "
                    "new contract is started.",
                    ", ".join(blocked.mapped("display_name")),
                )
            )

    def _freight_reward_credit_score(self):
        """Credit-standing score 0-100 from the rewards and penalties ledger,
        or None without entries. Meant to pre-fill the credit standing line
        of the next evaluation (R-REW-1)."""
        self.ensure_one()
        entries = (
            self.env["freight.customer.reward"]
            .sudo()
            ._read_group(
                [("partner_id", "=", self.commercial_partner_id.id)],
                ["kind"],
                ["__count"],
            )
        )
        if not entries:
            return None
        counts = dict(entries)
        score = (
            REWARD_BASE_SCORE
            + REWARD_POINTS * counts.get("reward", 0)
            - PENALTY_POINTS * counts.get("penalty", 0)
        )
        return max(0.0, min(100.0, score))

    # Confidentiality (R-SEC-3) ------------------------------------------
    def action_freight_anonymise(self):
        """Irreversibly erase the personal and business data of customers no
        longer needed (已不需要的客户信息及时销毁); who and when are kept."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only a Freight CRM manager can anonymise a customer.")
            )
        if any(partner.freight_anonymised for partner in self):
            raise UserError(self.env._("This customer is already anonymised."))
        now = fields.Datetime.now()
        for partner in self.sudo():
            contacts = partner.child_ids.with_context(active_test=False)
            erase = {
                "name": self.env._("Anonymised customer %s", partner.id),
                "email": False,
                "phone": False,
                "street": False,
                "street2": False,
                "city": False,
                "zip": False,
                "website": False,
                "vat": False,
                "comment": False,
                "freight_bank_name": False,
                "freight_bank_account": False,
                "freight_first_contact_date": False,
                "freight_admission_exception_reason": False,
            }
            contacts.write(dict(erase, name=self.env._("Anonymised contact")))
            contacts.action_archive()
            partner.bank_ids.unlink()
            # The chatter keeps old values in tracking: erase it too.
            partner.message_ids.unlink()
            partner.with_context(tracking_disable=True).write(
                dict(
                    erase,
                    freight_anonymised=True,
                    freight_anonymised_date=now,
                    freight_anonymised_user_id=self.env.user.id,
                )
            )
            partner.message_post(
                body=self.env._(
                    "Customer data anonymised by %(user)s on %(date)s.",
                    user=self.env.user.name,
                    date=now,
                )
            )
        return True
