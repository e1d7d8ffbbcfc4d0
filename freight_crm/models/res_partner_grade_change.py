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
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id

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

    # Batch path of the quarterly re-grade: plain SQL, a constant number of
    # queries per batch, the same effects as _freight_change_grades.
    def _freight_regrade_plan(self, quarter, grades):
        """What every batch of a re-grade run writes, computed once per run:
        the policy values of each grade and the chatter note's header; the
        note bodies are added per (old, new) pair of grades as they come."""
        return {
            "policy": {
                grade.id: dict(
                    grade._freight_policy_values(),
                    freight_grade_id=grade.id,
                    freight_regrade_quarter=quarter,
                )
                for grade in grades.sudo()
            },
            "log": self._freight_log_header(),
            "bodies": {},
        }

    def _freight_apply_regrade_changes(self, changes, plan):
        """Apply ``changes``, a list of (customer id, old grade id, new grade
        id, score): grade, policy and quarter stamp (one UPDATE per target
        grade), history rows (one INSERT), chatter (one INSERT)."""
        if not changes:
            return
        partner_ids_by_grade = defaultdict(list)
        for partner_id, _old, new_id, _score in changes:
            partner_ids_by_grade[new_id].append(partner_id)
        for grade_id, partner_ids in partner_ids_by_grade.items():
            self._freight_update_sql(partner_ids, plan["policy"][grade_id])
        self._freight_insert_history_sql(changes, "regrade")
        self._freight_log_grade_changes(changes, plan)

    def _freight_update_sql(self, partner_ids, values):
        """Write the same stored ``values`` on ``partner_ids`` in one UPDATE,
        then let the ORM recompute what depends on them (next visit date,
        contract gate): a constant number of queries, no per-record write."""
        self.flush_model(list(values))
        self.env.cr.execute(
            SQL(
                "UPDATE res_partner SET %s, write_uid = %s, "
                "write_date = NOW() AT TIME ZONE 'UTC' WHERE id = ANY(%s)",
                SQL(", ").join(
                    SQL("%s = %s", SQL.identifier(name), value)
                    for name, value in values.items()
                ),
                self.env.uid,
                partner_ids,
            )
        )
        partners = self.browse(partner_ids)
        partners.invalidate_recordset([*values, "write_uid", "write_date"])
        partners.modified(list(values))

    def _freight_insert_history_sql(self, changes, source):
        history = self.env["freight.customer.grade.history"]
        history.flush_model()
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO freight_customer_grade_history (
                    partner_id, old_grade_id, new_grade_id, score, source,
                    date, user_id, create_uid, create_date, write_uid,
                    write_date)
                SELECT change.partner_id, change.old_id, change.new_id,
                       change.score, %(source)s, %(now)s, %(uid)s, %(uid)s,
                       %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(partners)s::int[], %(olds)s::int[],
                              %(news)s::int[], %(scores)s::numeric[])
                       AS change(partner_id, old_id, new_id, score)
                """,
                source=source,
                now=now,
                uid=self.env.uid,
                partners=[change[0] for change in changes],
                olds=[change[1] for change in changes],
                news=[change[2] for change in changes],
                scores=[change[3] or 0.0 for change in changes],
            )
        )
        self.browse([change[0] for change in changes]).invalidate_recordset(
            ["freight_grade_history_ids"]
        )

    def _freight_log_grade_changes(self, changes, plan):
        """The change in each customer's chatter: one note body per (old,
        new) pair of grades, rendered and sanitized once per run."""
        grades = self.env["freight.customer.grade"].sudo()
        body_field = self.env["mail.message"]._fields["body"]
        body_by_pair = plan["bodies"]
        bodies = {}
        for partner_id, old_id, new_id, _score in changes:
            if (old_id, new_id) not in body_by_pair:
                body = self._freight_grade_change_body(
                    grades.browse(old_id or []), grades.browse(new_id), "regrade", None
                )
                body_by_pair[old_id, new_id] = str(
                    body_field.convert_to_cache(body, self.env["mail.message"])
                )
            bodies[partner_id] = body_by_pair[old_id, new_id]
        self._freight_log_batch_sql(bodies, plan["log"])

    def _freight_log_header(self):
        """The values ``_message_log_batch`` gives every note it logs."""
        author_id, email_from = self._message_compute_author(None, None)
        return {
            "author_id": author_id,
            "email_from": email_from,
            "reply_to": self.env["mail.thread"]._notify_get_reply_to(
                default=email_from, author_id=author_id
            )[False],
            "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "message_id": generate_tracking_message_id("message-notify"),
        }

    def _freight_log_batch_sql(self, bodies, header):
        """``_message_log_batch`` in one INSERT: the same internal notes
        (author, note subtype, reply-to, part of the customer file as
        mail.message's create marks them) for {customer id: sanitized body},
        without the ORM's per-message bookkeeping, which costs more than the
        whole re-grade of the customer."""
        self.env["mail.message"].flush_model()
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_message (
                    model, res_id, body, message_type, subtype_id, author_id,
                    email_from, reply_to, message_id, is_internal,
                    email_add_signature, freight_confidential, date,
                    create_uid, create_date, write_uid, write_date)
                SELECT %(model)s, log.res_id, log.body, 'notification',
                       %(subtype_id)s, %(author_id)s, %(email_from)s,
                       %(reply_to)s, %(message_id)s, TRUE, FALSE,
                       partner.freight_is_customer, %(now)s,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(res_ids)s::int[], %(bodies)s::text[])
                       AS log(res_id, body)
                  JOIN res_partner partner ON partner.id = log.res_id
                """,
                model=self._name,
                now=now,
                uid=self.env.uid,
                res_ids=list(bodies),
                bodies=list(bodies.values()),
                **header,
            )
        )
        self.browse(list(bodies)).invalidate_recordset(["message_ids"])

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
