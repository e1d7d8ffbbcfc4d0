# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
import math
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import ValidationError

# What a manager writes by hand that the grading flow applies instead.
MANUAL_GRADE_FIELDS = ("freight_grade_id", "freight_score")


class ResPartner(models.Model):
    """The one grade-change flow (R-GRD-5, R-POL-2): evaluations, rules,
    the quarterly re-grade, the override wizard and a manager's plain
    write of the grade or score all go through ``_freight_change_grades``:
    history row, grade policy re-applied, chatter, activity."""

    _inherit = "res.partner"

    # CRUD hooks: a manager's hand-written grade or score takes the flow
    def _freight_plain_vals(self, vals):
        vals = super()._freight_plain_vals(vals)
        manual = self._freight_manual_grade_vals(vals)
        if not manual:
            return vals
        return {key: value for key, value in vals.items() if key not in manual}

    def _freight_after_create(self, vals_list):
        res = super()._freight_after_create(vals_list)
        for partner, vals in zip(self, vals_list, strict=True):
            manual = partner._freight_manual_grade_vals(vals)
            if manual:
                partner._freight_apply_manual_grade(manual)
        return res

    def _freight_after_write(self, vals):
        res = super()._freight_after_write(vals)
        manual = self._freight_manual_grade_vals(vals)
        if manual:
            self._freight_apply_manual_grade(manual)
        return res

    def _freight_manual_grade_vals(self, vals):
        """Grade and score a manager (not the flows, which run as superuser)
        changes in ``vals``: on a new record any value set, on existing ones
        a value that differs from one of them. Before and after the plain
        write it gives the same answer, since the plain write leaves them
        out."""
        if self.env.su or not set(vals) & set(MANUAL_GRADE_FIELDS):
            return {}
        if not self.env.user._freight_is_manager():
            return {}
        manual = {}
        for name in set(vals) & set(MANUAL_GRADE_FIELDS):
            if not self:
                changed = bool(vals[name])
            else:
                changed = any(
                    not partner._freight_guard_same(name, vals[name], partner[name])
                    for partner in self
                )
            if changed:
                manual[name] = vals[name]
        return manual

    def _freight_apply_manual_grade(self, manual):
        """A hand-written grade is an override; a hand-written score gives
        the grade its thresholds reach. Both stand for the current quarter
        like an override by the wizard."""
        Grade = self.env["freight.customer.grade"]
        reason = self.env._("Set by hand by %s.", self.env.user.name)
        scores = {}
        if "freight_score" in manual:
            try:
                score = float(manual["freight_score"] or 0.0)
            except (TypeError, ValueError):
                score = math.nan
            # NaN fails the comparison as well.
            if not 0.0 <= score <= 100.0:
                raise ValidationError(
                    self.env._("The evaluation score must lie between 0 and 100.")
                )
            self.sudo().with_context(tracking_disable=True).write(
                {"freight_score": score}
            )
            scores = dict.fromkeys(self, score)
        if manual.get("freight_grade_id"):
            grade = Grade.browse(manual["freight_grade_id"])
        elif "freight_score" in manual:
            grade = Grade._freight_active_grades()._freight_grade_for_score(
                scores[self[:1]]
            )
        else:
            # Clearing the grade: no grade to apply a policy of.
            self.sudo().write({"freight_grade_id": False})
            for partner in self:
                partner.message_post(body=reason)
            return
        self._freight_override_grade(grade, reason, scores=scores)

    def _freight_override_grade(self, grade, reason, scores=None):
        """A manager's override (wizard or plain write): the grade flow,
        then the customer is stamped with the current quarter so that the
        quarterly re-grade does not undo it before the next one."""
        partners = self.sudo()
        partners._freight_change_grades(
            dict.fromkeys(partners, grade),
            source="override",
            scores={p.sudo(): s for p, s in (scores or {}).items()},
            reason=reason,
            force_policy=True,
        )
        partners.with_context(tracking_disable=True).write(
            {
                "freight_regrade_quarter": partners._freight_quarter_start(
                    fields.Date.context_today(self)
                )
            }
        )

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
            self.browse(partner_ids).sudo().with_context(tracking_disable=True).write(
                values
            )
        self.env["freight.customer.grade.history"].sudo().create(
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
        days = self._freight_grading_params()["freight_crm.grade_change_activity_days"]
        deadline = fields.Date.context_today(self) + relativedelta(days=days)
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
