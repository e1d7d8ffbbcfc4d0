# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict

from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id


class ResPartner(models.Model):
    """The grade change applied in bulk by the quarterly re-grade (R-GRD-6):
    plain SQL, a constant number of queries per batch, the same effects as
    ``_freight_change_grades`` (policy, history row, chatter note)."""

    _inherit = "res.partner"

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
