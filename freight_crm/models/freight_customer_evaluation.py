# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.float_utils import float_compare

# Written by action_confirm() only: a draft cannot be marked confirmed, nor
# its confirmer forged, by a plain write (form, import or RPC).
CONFIRMATION_FIELDS = (
    "state",
    "previous_grade_id",
    "confirmed_by_id",
    "confirmed_date",
)
# What a confirmed evaluation graded, and so the grade history rests on:
# frozen once confirmed (the note and the team stay editable).
CONFIRMED_FROZEN_FIELDS = (
    "partner_id",
    "date",
    "company_id",
    "line_ids",
    *CONFIRMATION_FIELDS,
)


class FreightCustomerEvaluation(models.Model):
    """A dated evaluation of one customer (附表1 客户评估表, R-GRD-2).
    Confirming it grades the customer (R-GRD-3, R-GRD-5) and re-applies the
    grade policy (R-POL-2)."""

    _name = "freight.customer.evaluation"
    _description = "Customer Evaluation"
    _inherit = ("mail.thread", "mail.activity.mixin")
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
    evaluator_ids = fields.Many2many(
        "res.users",
        string="Evaluation Team",
        help="Members of the evaluation team (operations centre, marketing "
        "centre, finance department, management).",
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
        [("draft", "Draft"), ("confirmed", "Confirmed")],
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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_create_draft(vals)
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("freight.customer.evaluation")
                    or "/"
                )
            if "line_ids" not in vals and vals.get("partner_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["line_ids"] = self._default_line_commands(partner)
        return super().create(vals_list)

    @api.model
    def _check_create_draft(self, vals):
        """A new evaluation starts as a draft: confirming goes through
        action_confirm(), which grades the customer."""
        if vals.get("state", "draft") != "draft" or any(
            vals.get(name) for name in CONFIRMATION_FIELDS if name != "state"
        ):
            raise UserError(
                self.env._(
                    "Create the evaluation as a draft, then confirm it with "
                    "its Confirm button."
                )
            )

    def write(self, vals):
        # action_confirm() writes as superuser with this key; a context key
        # alone could be sent by any RPC caller.
        if not (self.env.su and self.env.context.get("freight_evaluation_confirm")):
            self._check_write_allowed(vals)
        res = super().write(vals)
        if "partner_id" in vals:
            # Record rules are checked before a write only: a salesperson
            # must not move a draft onto another salesperson's customer.
            self.check_access("write")
        return res

    def _check_write_allowed(self, vals):
        """Refuse to forge a confirmation or to rewrite a confirmed
        evaluation (R-GRD-5: the grade history rests on it)."""
        forged = set(vals) & set(CONFIRMATION_FIELDS)
        if forged:
            raise UserError(
                self.env._(
                    "%s of an evaluation is set by its Confirm button only.",
                    self._freight_field_labels(forged),
                )
            )
        frozen = set(vals) & set(CONFIRMED_FROZEN_FIELDS)
        confirmed = self.filtered(lambda e: e.state == "confirmed")
        if frozen and confirmed:
            raise UserError(
                self.env._(
                    "Evaluation %(name)s is confirmed: %(fields)s can no longer "
                    "be changed. Create a new evaluation to grade the customer "
                    "again.",
                    name=confirmed[0].name,
                    fields=self._freight_field_labels(frozen),
                )
            )

    def _freight_field_labels(self, field_names):
        return ", ".join(
            self._fields[name].get_description(self.env)["string"]
            for name in sorted(field_names)
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
        confirmed = self.filtered(lambda e: e.state == "confirmed")
        if confirmed:
            raise UserError(
                self.env._(
                    "Evaluation %s is confirmed: its criteria and scores can "
                    "no longer be changed.",
                    confirmed[0].name,
                )
            )

    def action_confirm(self):
        """Confirm the evaluation: weighted total, grade, history, policy."""
        # Thresholds may have changed since the draft was scored.
        self.filtered(lambda e: e.state == "draft")._compute_grade_id()
        self._check_can_confirm()
        for evaluation in self:
            partner = evaluation.partner_id
            grade = evaluation.grade_id
            evaluation.sudo().with_context(freight_evaluation_confirm=True).write(
                {
                    "state": "confirmed",
                    "previous_grade_id": partner.freight_grade_id.id,
                    "confirmed_by_id": self.env.user.id,
                    "confirmed_date": fields.Datetime.now(),
                }
            )
            partner.sudo().write(
                {
                    "freight_score": evaluation.total_score,
                    "freight_evaluation_date": evaluation.date,
                }
            )
            partner.sudo()._freight_change_grades(
                {partner: grade},
                source="evaluation",
                scores={partner: evaluation.total_score},
                evaluation=evaluation,
                force_policy=True,
            )
        return True

    def _check_can_confirm(self):
        if not (
            self.env.su or self.env.user.has_group("freight_crm.group_freight_manager")
        ):
            raise UserError(
                self.env._("Only a Freight CRM manager can confirm an evaluation.")
            )
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._(
                        "Evaluation %s is already confirmed: create a new "
                        "evaluation to grade the customer again.",
                        evaluation.name,
                    )
                )
            if not evaluation.line_ids:
                raise UserError(
                    self.env._(
                        "Evaluation %s has no criteria: add one line per "
                        "criterion before confirming.",
                        evaluation.name,
                    )
                )
            total_weight = sum(evaluation.line_ids.mapped("weight"))
            if float_compare(total_weight, 100.0, precision_digits=2) != 0:
                raise UserError(
                    self.env._(
                        "The weights of evaluation %(name)s total %(total)s: "
                        "adjust them so that they total 100.",
                        name=evaluation.name,
                        total=round(total_weight, 2),
                    )
                )
            if not evaluation.grade_id:
                raise UserError(
                    self.env._(
                        "No customer grade matches the score %s: check the "
                        "thresholds of the customer grades.",
                        evaluation.total_score,
                    )
                )
