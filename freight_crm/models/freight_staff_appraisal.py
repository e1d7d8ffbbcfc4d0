# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.roles import MANAGER
from ..tools.settings_table import freight_setting_value
from .freight_appraisal_indicator import ROLES
from .freight_workflow_guard import WORKFLOW

# The rulebook leaves the appraisal cycle and the result bands to the
# company (考核评估周期): settings, defaults in tools/settings.py.
FROZEN_ONCE_CONFIRMED = (
    "user_id",
    "role",
    "period_start",
    "period_end",
    "comment",
    "improvement",
)


class FreightStaffAppraisal(models.Model):
    """The customer management appraisal (客户管理考核) of a salesperson or
    customer service employee for a period: indicator lines scored against
    their targets, less the penalty points of confirmed complaint
    penalties, and what the result leads to (考核结果运用)."""

    _name = "freight.staff.appraisal"
    _description = "Staff Appraisal"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "period_start desc, user_id, id desc"

    user_id = fields.Many2one(
        "res.users",
        string="Employee",
        required=True,
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
    )
    role = fields.Selection(
        ROLES,
        compute="_compute_role",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    period_start = fields.Date(
        required=True,
        default=lambda self: self._freight_period_of(fields.Date.context_today(self))[
            0
        ],
        tracking=True,
    )
    period_end = fields.Date(
        required=True,
        default=lambda self: self._freight_period_of(fields.Date.context_today(self))[
            1
        ],
        tracking=True,
    )
    line_ids = fields.One2many(
        "freight.staff.appraisal.line", "appraisal_id", string="Indicators", copy=True
    )
    weight_total = fields.Float(
        string="Total Weight (%)", digits=(5, 1), compute="_compute_scores", store=True
    )
    measured_weight = fields.Float(
        string="Measured Weight (%)",
        digits=(5, 1),
        compute="_compute_scores",
        store=True,
        help="Weight of the indicators with an actual figure: the indicator "
        "score is their weighted score, renormalised to this weight.",
    )
    unmeasured_count = fields.Integer(
        string="Blank Indicators",
        compute="_compute_scores",
        store=True,
        help="Indicators without an actual figure: enter them (or collect "
        "them again) before confirming.",
    )
    indicator_score = fields.Float(
        digits=(5, 1), compute="_compute_scores", store=True, aggregator="avg"
    )
    penalty_points = fields.Float(
        digits=(5, 1),
        readonly=True,
        copy=False,
        help="Points deducted by the employee's confirmed complaint penalties "
        "in the period, counted when the appraisal is confirmed.",
    )
    final_score = fields.Float(
        digits=(5, 1), compute="_compute_final_score", store=True, aggregator="avg"
    )
    result = fields.Selection(
        [
            ("excellent", "Excellent"),
            ("good", "Good"),
            ("qualified", "Qualified"),
            ("unqualified", "Unqualified"),
        ],
        compute="_compute_final_score",
        store=True,
    )
    comment = fields.Text(string="Appraisal Comment")
    improvement = fields.Text(
        string="Improvement Plan",
        help="What the employee improves: required when the result is unqualified.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Date(readonly=True, copy=False)

    _period_unique = models.Constraint(
        "UNIQUE(user_id, period_start)",
        "An employee has one appraisal per period.",
    )

    @api.depends("user_id")
    def _compute_role(self):
        for appraisal in self:
            user = appraisal.user_id.sudo()
            appraisal.role = (
                "service"
                if user
                and not user._freight_is_salesperson()
                and user._freight_is_service()
                else "sales"
            )

    @api.depends("line_ids.weight", "line_ids.score", "line_ids.actual")
    def _compute_scores(self):
        for appraisal in self:
            lines = appraisal.line_ids
            measured = lines.filtered(lambda line: line.actual is not False)
            weight = sum(measured.mapped("weight"))
            appraisal.weight_total = sum(lines.mapped("weight"))
            appraisal.measured_weight = weight
            appraisal.unmeasured_count = len(lines - measured)
            appraisal.indicator_score = (
                sum(line.score * line.weight for line in measured) / weight
                if weight
                else 0.0
            )

    @api.depends("indicator_score", "penalty_points")
    def _compute_final_score(self):
        bands = self._freight_bands()
        for appraisal in self:
            score = max(appraisal.indicator_score - appraisal.penalty_points, 0.0)
            appraisal.final_score = score
            appraisal.result = next(
                (result for result, floor in bands if score >= floor), "unqualified"
            )

    @api.depends("user_id", "period_start")
    def _compute_display_name(self):
        for appraisal in self:
            appraisal.display_name = self.env._(
                "%(employee)s, %(start)s – %(end)s",
                employee=appraisal.user_id.name or "",
                start=appraisal.period_start or "",
                end=appraisal.period_end or "",
            )

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "penalty_points": WORKFLOW,
            "confirmed_by_id": WORKFLOW,
            "confirmed_date": WORKFLOW,
        }

    def _freight_guard_refuse(self, name, rule, value, record):
        if rule == WORKFLOW:
            raise UserError(
                self.env._(
                    "%s of an appraisal is set by its Confirm button only.",
                    self._freight_guard_label(name),
                )
            )
        return super()._freight_guard_refuse(name, rule, value, record)

    @api.constrains("period_start", "period_end")
    def _check_period(self):
        for appraisal in self:
            if appraisal.period_end < appraisal.period_start:
                raise ValidationError(
                    self.env._("The appraisal period must end on or after its start.")
                )

    @api.constrains("user_id")
    def _check_user_is_staff(self):
        self._freight_check_staff()

    @api.model_create_multi
    def create(self, vals_list):
        appraisals = super().create(vals_list)
        new = appraisals.filtered(lambda a: not a.line_ids)
        new._freight_add_indicator_lines()
        new._freight_collect_actuals()
        return appraisals

    def _freight_guard_frozen(self):
        """A confirmed appraisal keeps its figures and result, its lines
        included."""
        self.ensure_one()
        if self.state != "confirmed":
            return ()
        return (*FROZEN_ONCE_CONFIRMED, "line_ids")

    def _freight_guard_frozen_message(self, changed):
        return self.env._(
            "%s is confirmed: its figures and result stay as confirmed. These "
            "can no longer be changed:",
            self.display_name,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(appraisal.state == "confirmed" for appraisal in self):
            raise UserError(
                self.env._(
                    "A confirmed appraisal is kept on file and cannot be deleted."
                )
            )

    def _freight_add_indicator_lines(self):
        """One line per active indicator of the appraisal's role, with the
        indicator's target and weight: one search and one create for all."""
        indicators = (
            self.env["freight.appraisal.indicator"]
            .sudo()
            .search([("role", "in", (*set(self.mapped("role")), "both"))])
        )
        self.env["freight.staff.appraisal.line"].sudo().create(
            [
                {
                    "appraisal_id": appraisal.id,
                    "indicator_id": indicator.id,
                    "target": indicator.target,
                    "weight": indicator.weight,
                }
                for appraisal in self
                for indicator in indicators
                if indicator.role in (appraisal.role, "both")
            ]
        )

    def action_confirm(self):
        """A manager other than the employee confirms the appraisal; the
        penalty points of the period are counted now."""
        action = self.env._("Confirm the appraisal")
        self._freight_check_approval(action, ("draft",), ("user_id",))
        for appraisal in self:
            if abs(appraisal.weight_total - 100) > 0.05:
                raise UserError(
                    self.env._(
                        "%(action)s: the weights of %(appraisal)s add up to "
                        "%(total)s %%, not 100 %%.",
                        action=action,
                        appraisal=appraisal.display_name,
                        total=round(appraisal.weight_total, 1),
                    )
                )
            blank = appraisal.line_ids.filtered(lambda line: line.actual is False)
            if blank:
                raise UserError(
                    self.env._(
                        "%(action)s: %(appraisal)s has indicators without an "
                        "actual figure: %(indicators)s. Enter them, or collect "
                        "the actuals again.",
                        action=action,
                        appraisal=appraisal.display_name,
                        indicators=", ".join(blank.indicator_id.mapped("name")),
                    )
                )
        penalties = self._freight_collect_penalties()
        for appraisal in self:
            appraisal.sudo().penalty_points = penalties.get(appraisal.id, 0.0)
        unexplained = self.filtered(
            lambda a: a.result == "unqualified" and not (a.improvement or "").strip()
        )
        if unexplained:
            raise UserError(
                self.env._(
                    "%(action)s: %(appraisal)s is unqualified; write the "
                    "improvement plan first.",
                    action=action,
                    appraisal=unexplained[0].display_name,
                )
            )
        return self._freight_record_approval(
            "confirmed_by_id", "confirmed_date", state="confirmed"
        )

    def action_draft(self):
        action = self.env._("Back to draft")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("confirmed",), action)
        self.sudo().write(
            {
                "state": "draft",
                "confirmed_by_id": False,
                "confirmed_date": False,
                "penalty_points": 0.0,
            }
        )
        return True

    def _freight_collect_penalties(self):
        """``{appraisal id: points}`` deducted for the period. Addons that
        keep penalties (complaints) override it: call ``super()`` and add."""
        return {}

    # Settings
    @api.model
    def _freight_param(self, key):
        return freight_setting_value(self.env, key)

    @api.model
    def _freight_bands(self):
        return [
            (result, self._freight_param(f"freight_crm.appraisal_{key}_score"))
            for result, key in (
                ("excellent", "excellent"),
                ("good", "good"),
                ("qualified", "pass"),
            )
        ]

    @api.model
    def _freight_period_of(self, day):
        """The appraisal period ``day`` lies in: periods of the set number of
        months from 1 January."""
        months = self._freight_param("freight_crm.appraisal_period_months")
        first_month = (day.month - 1) // months * months + 1
        start = date(day.year, first_month, 1)
        end = min(
            start + relativedelta(months=months) - relativedelta(days=1),
            date(day.year, 12, 31),
        )
        return start, end
