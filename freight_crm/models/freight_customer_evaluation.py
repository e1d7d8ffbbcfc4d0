# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .freight_workflow_guard import COMPUTED, PARENT, WORKFLOW

# What the grading rests on besides the lines and the customer: frozen once
# the evaluation left draft (the note and the team stay editable).
FROZEN_ONCE_SUBMITTED = ("date", "company_id")


class FreightCustomerEvaluation(models.Model):
    """A dated evaluation of one customer (附表1 客户评估表, R-GRD-2).
    Confirming it grades the customer (R-GRD-3, R-GRD-5) and re-applies the
    grade policy (R-POL-2)."""

    _name = "freight.customer.evaluation"
    _description = "Customer Evaluation"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "freight.review.mixin",
        "freight.workflow.guard",
    )
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    user_id = fields.Many2one(
        related="partner_id.user_id", string="Account Manager", store=True
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    panel_department_ids = fields.Many2many(
        "freight.department",
        string="Evaluation Panel",
        default=lambda self: self._default_panel_departments(),
        help="The departments the evaluation panel is made of: operations "
        "centre, marketing centre, finance department, senior management.",
    )
    evaluator_ids = fields.Many2many(
        "res.users",
        string="Evaluation Team",
        default=lambda self: self._default_panel_departments().user_ids,
        help="Who evaluates for the panel's departments; by default their members.",
    )
    line_ids = fields.One2many(
        "freight.customer.evaluation.line",
        "evaluation_id",
        string="Criteria",
        copy=True,
    )
    total_score = fields.Float(
        digits=(5, 2),
        compute="_compute_total_score",
        store=True,
        aggregator="avg",
        help="Sum of weight x score / 100 over the lines.",
    )
    grade_id = fields.Many2one(
        "freight.customer.grade",
        compute="_compute_grade_id",
        store=True,
        index=True,
        help="Grade the total score earns under the current thresholds; "
        "fixed when the evaluation is confirmed.",
    )
    previous_grade_id = fields.Many2one(
        "freight.customer.grade", readonly=True, copy=False
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime(readonly=True, copy=False)
    note = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("line_ids.weighted_score")
    def _compute_total_score(self):
        for evaluation in self:
            # Rounded as stored, so the grade follows the score users see.
            evaluation.total_score = round(
                sum(evaluation.line_ids.mapped("weighted_score")), 2
            )

    @api.depends("total_score")
    def _compute_grade_id(self):
        grades = self.env["freight.customer.grade"]._freight_active_grades()
        for evaluation in self:
            evaluation.grade_id = grades._freight_grade_for_score(
                evaluation.total_score
            )

    @api.model
    def _default_panel_departments(self):
        return self.env["freight.department"].search(
            [("on_evaluation_panel", "=", True)]
        )

    @api.model
    def _freight_guard_policy(self):
        return {
            "name": WORKFLOW,
            "state": WORKFLOW,
            "submitted_by_id": WORKFLOW,
            "submitted_date": WORKFLOW,
            "reviewer_id": WORKFLOW,
            "confirmed_by_id": WORKFLOW,
            "confirmed_date": WORKFLOW,
            "previous_grade_id": WORKFLOW,
            "total_score": COMPUTED,
            "grade_id": COMPUTED,
            "partner_id": PARENT,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "draft"

    def _freight_guard_computed_message(self, label):
        return self.env._(
            "%s of an evaluation is computed from its criteria: change "
            "the scores of the lines instead.",
            label,
        )

    def _freight_guard_workflow_message(self, label, record):
        if record is None:
            return self.env._(
                "Create the evaluation as a draft, then submit or confirm "
                "it with its buttons (%s).",
                label,
            )
        return self.env._(
            "%s of an evaluation is set by its Submit for Review and "
            "Confirm buttons only.",
            label,
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "line_ids" not in vals and vals.get("partner_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["line_ids"] = self._default_line_commands(partner)
        evaluations = super().create(vals_list)
        # Numbered once the guard accepted the values: the reference is the
        # sequence's, never the client's.
        for evaluation in evaluations.filtered(lambda e: e.name == "/"):
            evaluation.sudo().name = (
                self.env["ir.sequence"].next_by_code("freight.customer.evaluation")
                or "/"
            )
        return evaluations

    def write(self, vals):
        # A confirmed evaluation is frozen for superuser code too: the grade
        # history rests on it (R-GRD-5). Users meet the guard's check.
        if self.env.su:
            self.filtered(lambda e: e.state == "confirmed")._freight_guard_check_frozen(
                vals
            )
        return super().write(vals)

    def _freight_guard_frozen(self):
        """What a submitted or confirmed evaluation graded; the note and the
        team stay editable."""
        if self.state == "draft":
            return ()
        if self.state == "confirmed":
            return (*FROZEN_ONCE_SUBMITTED, *self._freight_guard_policy())
        return FROZEN_ONCE_SUBMITTED

    def _freight_guard_frozen_message(self, changed):
        return self.env._(
            "Evaluation %s is no longer a draft: create a new evaluation to "
            "grade the customer again. These can no longer be changed:",
            self.name,
        )

    @api.model
    def _default_line_commands(self, partner):
        """One line per active criterion, pre-filled with its weight and the
        score the customer file suggests (see _freight_prefill_score)."""
        commands = []
        for criterion in self.env["freight.evaluation.criterion"].search(
            [("active", "=", True)]
        ):
            score = partner._freight_prefill_score(criterion)
            commands.append(
                Command.create(
                    {
                        "criterion_id": criterion.id,
                        "weight": criterion.weight,
                        "score": score if score is not None else 0.0,
                    }
                )
            )
        return commands

    @api.onchange("partner_id")
    def _onchange_partner_id_lines(self):
        if self.partner_id and not self.line_ids:
            self.line_ids = self._default_line_commands(self.partner_id)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(evaluation.state == "confirmed" for evaluation in self):
            raise UserError(
                self.env._(
                    "A confirmed evaluation is part of the customer's grade "
                    "history and cannot be deleted."
                )
            )

    def _check_draft(self):
        closed = self.filtered(lambda e: e.state != "draft")
        if closed:
            raise UserError(
                self.env._(
                    "Evaluation %s is no longer a draft: its criteria and scores "
                    "can no longer be changed.",
                    closed[0].name,
                )
            )
