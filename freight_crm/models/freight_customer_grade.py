# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Bounds of the grade policy's numbers: beyond them a value is a typo, and
# the calendar arithmetic (visit plans, deadlines) would overflow.
VISIT_INTERVAL_RANGE = (1, 120)
PAYMENT_TERM_RANGE = (0, 3650)
DEADLINE_FACTOR_MAX = 10.0


class FreightCustomerGrade(models.Model):
    """A customer grade (A/B/C) with its score threshold and its policy
    (R-GRD-1, R-GRD-3, R-POL-1). Other addons read the policy fields."""

    _name = "freight.customer.grade"
    _description = "Customer Grade"
    _inherit = ("freight.workflow.guard",)
    _order = "sequence, code"
    _rec_name = "name"

    code = fields.Char(required=True, help="Short code, e.g. A, B, C.")
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(
        default=10, help="Best grade first: scores are matched in this order."
    )
    color = fields.Integer(help="Badge colour on customers.")
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    score_threshold = fields.Float(
        help="Lowest evaluation score (0-100) that earns this grade.",
    )
    score_threshold_strict = fields.Boolean(
        string="Strictly Above Threshold",
        help="If set, the score must be strictly greater than the threshold "
        "(A: score > 85); otherwise greater than or equal (B: score >= 60).",
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    # Grade policy (分级管理政策, R-POL-1)
    maintainer_role = fields.Selection(
        [
            ("general_manager", "General Manager"),
            ("regional_manager", "Regional Manager"),
            ("service_specialist", "Customer Service Specialist"),
        ],
        string="Maintained By",
        help="Who maintains customers of this grade.",
    )
    maintainer_user_id = fields.Many2one(
        "res.users",
        string="Default Maintainer",
        help="Account manager set on customers reaching this grade, if any.",
    )
    service_package = fields.Text(translate=True)
    visit_interval_months = fields.Integer(
        string="Visit Every (Months)",
        default=6,
        help="Months between two visits of a signed customer of this grade.",
    )
    visit_channel = fields.Selection(
        [
            ("face_to_face", "Face-to-face Visit"),
            ("phone", "In-depth Phone Call"),
            ("survey", "Satisfaction Survey"),
        ],
        default="survey",
    )
    complaint_deadline_factor = fields.Float(
        default=1.0,
        help="Multiplies complaint deadlines for customers of this grade "
        "(0.5 halves them). 1 keeps the class deadlines.",
    )
    credit_limit = fields.Monetary(currency_field="currency_id")
    payment_term_days = fields.Integer(string="Payment Term (Days)")
    advance_funding_limit = fields.Monetary(
        string="Advance-funding Limit", currency_field="currency_id"
    )
    commission_rule = fields.Text(translate=True)
    resource_guarantee = fields.Text(
        translate=True,
        help="Resources (space, equipment, vehicles, staff) the company "
        "guarantees to customers of this grade.",
    )
    contract_required = fields.Boolean(
        help="Customers of this grade need a signed, valid long-term contract "
        "before their first business is confirmed."
    )

    _code_company_uniq = models.Constraint(
        "UNIQUE(code, company_id)",
        "A grade code must be unique per company.",
    )
    _score_threshold_range = models.Constraint(
        "CHECK(score_threshold >= 0 AND score_threshold <= 100)",
        "The score threshold must be between 0 and 100.",
    )
    _visit_interval_range = models.Constraint(
        "CHECK(visit_interval_months BETWEEN 1 AND 120)",
        "The visit interval must be between 1 and 120 months.",
    )
    _money_positive = models.Constraint(
        "CHECK(credit_limit >= 0 AND advance_funding_limit >= 0 "
        "AND payment_term_days >= 0 AND complaint_deadline_factor > 0)",
        "Credit limit, advance-funding limit and payment term cannot be "
        "negative, and the complaint deadline factor must be positive.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._freight_check_policy_numbers(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._freight_check_policy_numbers(vals)
        return super().write(vals)

    @api.model
    def _freight_check_policy_numbers(self, vals):
        """Refuse out-of-range policy numbers with a clear message before
        they reach the database (whose integer columns would overflow)."""
        checks = (
            (
                "visit_interval_months",
                *VISIT_INTERVAL_RANGE,
                self.env._("The visit interval must be between 1 and 120 months."),
            ),
            (
                "payment_term_days",
                *PAYMENT_TERM_RANGE,
                self.env._("The payment term must be between 0 and 3650 days."),
            ),
            (
                "score_threshold",
                0,
                100,
                self.env._("The score threshold must be between 0 and 100."),
            ),
            (
                "complaint_deadline_factor",
                0,
                DEADLINE_FACTOR_MAX,
                self.env._(
                    "The complaint deadline factor must be above 0 and at most "
                    "10 (1 keeps the class deadlines)."
                ),
            ),
            (
                "credit_limit",
                0,
                None,
                self.env._("The credit limit cannot be negative."),
            ),
            (
                "advance_funding_limit",
                0,
                None,
                self.env._("The advance-funding limit cannot be negative."),
            ),
        )
        for name, low, high, message in checks:
            if name not in vals:
                continue
            try:
                value = float(vals[name] or 0)
            except (TypeError, ValueError):
                raise ValidationError(message) from None
            too_low = (
                value <= low if name == "complaint_deadline_factor" else value < low
            )
            if (
                not math.isfinite(value)
                or too_low
                or (high is not None and value > high)
            ):
                raise ValidationError(message)

    @api.model
    def _freight_active_grades(self):
        """The grades scores and rules choose from, best first."""
        return self.search([("active", "=", True)])

    def _freight_matches_score(self, score):
        self.ensure_one()
        if self.score_threshold_strict:
            return score > self.score_threshold
        return score >= self.score_threshold

    def _freight_grade_for_score(self, score):
        """Best grade of ``self`` (in sequence order) whose threshold the
        score reaches: 86 -> A (> 85), 85 and 60 -> B (>= 60), 59 -> C."""
        for grade in self.sorted(lambda g: (g.sequence, g.code)):
            if grade._freight_matches_score(score):
                return grade
        return self.browse()

    def _freight_policy_values(self):
        """Values the grade policy (R-POL-2) writes on its customers."""
        self.ensure_one()
        values = {
            "freight_credit_limit": self.credit_limit,
            "freight_payment_term_days": self.payment_term_days,
            "freight_advance_funding_limit": self.advance_funding_limit,
        }
        if self.maintainer_user_id:
            values["user_id"] = self.maintainer_user_id.id
        return values
