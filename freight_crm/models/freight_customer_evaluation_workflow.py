# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of freight.customer.evaluation per file.
# pylint: disable=consider-merging-classes-inherited
from odoo import models
from odoo.exceptions import UserError
from odoo.tools.float_utils import float_compare

from ..tools.roles import MANAGER
from ..tools.settings_table import freight_setting_value

# Optional: the user (id) who reviews every submitted evaluation.
REVIEWER_PARAM = "freight_crm.evaluation_reviewer_id"
REVIEW_ACTIVITY = "freight_crm.mail_activity_evaluation_review"


class FreightCustomerEvaluation(models.Model):
    """The evaluation's workflow: draft -> submitted (salesperson) ->
    confirmed (manager), and the grade it gives the customer."""

    _inherit = "freight.customer.evaluation"

    def action_submit(self):
        """Submit drafts for a manager's review (提交审核): one activity for
        the reviewer chosen by _freight_reviewer()."""
        return self._freight_submit_for_review(
            self.env._("Submit for review"),
            REVIEW_ACTIVITY,
            lambda evaluation: evaluation.env._(
                "%(user)s submitted evaluation %(name)s of %(customer)s "
                "(score %(score)s) for your review.",
                user=self.env.user.name,
                name=evaluation.name,
                customer=evaluation.partner_id.display_name,
                score=evaluation.total_score,
            ),
        )

    def _freight_reviewer(self):
        """The one manager who reviews this evaluation: the reviewer set in
        the ``freight_crm.evaluation_reviewer_id`` parameter if that user is
        an active Freight CRM manager, else the Freight CRM manager with the
        smallest id (the longest-standing one). The submitter is never their
        own reviewer while the four-eyes rule is on."""
        self.ensure_one()
        Users = self.env["res.users"].sudo()
        managers = self._freight_group_members(MANAGER)
        author = self.env.user
        if not self._freight_self_approval_allowed():
            managers = managers.filtered(lambda u: u != author)
        param = freight_setting_value(self.env, REVIEWER_PARAM)
        configured = Users.browse(int(param)) if param and param.isdigit() else Users
        if configured and configured in managers:
            return configured
        if not managers:
            raise UserError(
                self.env._(
                    "No other Freight CRM manager can review evaluation %s: ask "
                    "an administrator to appoint one.",
                    self.name,
                )
            )
        return managers[0]

    def action_draft(self):
        """Send a submitted evaluation back to draft: the reviewing manager
        returns it, or the submitter withdraws it."""
        return self._freight_withdraw_review(
            REVIEW_ACTIVITY,
            self.env._(
                "Only its submitter or a Freight CRM manager can send an "
                "evaluation back to draft."
            ),
        )

    def action_confirm(self):
        """Confirm the evaluation: weighted total, grade, history, policy."""
        self._check_can_confirm()
        # Graded from the lines as they are now, with the thresholds as they
        # are now: never from a stored total or grade.
        self._freight_recompute_grading()
        self._check_graded()
        for evaluation in self:
            partner = evaluation.partner_id
            grade = evaluation.grade_id
            evaluation._freight_record_approval(
                "confirmed_by_id",
                "confirmed_date",
                [REVIEW_ACTIVITY],
                state="confirmed",
                previous_grade_id=partner.freight_grade_id.id,
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

    def _freight_recompute_grading(self):
        """Recompute the weighted scores, totals and grades from the lines
        (as the ORM does, not through write)."""
        lines = self.line_ids
        self.env.add_to_compute(lines._fields["weighted_score"], lines)
        self.env.add_to_compute(self._fields["total_score"], self)
        self.env.add_to_compute(self._fields["grade_id"], self)
        lines._recompute_recordset(["weighted_score"])
        self._recompute_recordset(["total_score", "grade_id"])

    def _check_can_confirm(self):
        self._freight_check_manager(
            message=self.env._("Only a Freight CRM manager can confirm an evaluation.")
        )
        confirmed = self.filtered(lambda e: e.state == "confirmed")
        if confirmed:
            raise UserError(
                self.env._(
                    "Evaluation %s is already confirmed: create a new "
                    "evaluation to grade the customer again.",
                    confirmed[0].name,
                )
            )
        self._freight_check_authors(
            ("create_uid", "submitted_by_id"),
            lambda evaluation: self.env._("Confirm evaluation %s", evaluation.name),
        )
        self._freight_check_complete()

    def _freight_check_complete(self):
        for evaluation in self:
            if not evaluation.line_ids:
                raise UserError(
                    self.env._(
                        "Evaluation %s has no criteria: add one line per "
                        "criterion first.",
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

    def _check_graded(self):
        for evaluation in self:
            if not evaluation.grade_id:
                raise UserError(
                    self.env._(
                        "No customer grade matches the score %s: check the "
                        "thresholds of the customer grades.",
                        evaluation.total_score,
                    )
                )
