# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL


class FreightRegradeRun(models.Model):
    """One quarterly re-grade (R-GRD-6): its cursor makes the job resumable
    and idempotent. Each batch advances the cursor in the transaction that
    applies it, so a crash loses the batch in progress and nothing else; a
    rerun resumes after the cursor, and a finished run is never repeated.
    The account managers' digest to-dos hang on the run."""

    _name = "freight.regrade.run"
    _description = "Quarterly Re-grade Run"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _order = "quarter desc"

    name = fields.Char(required=True, readonly=True)
    quarter = fields.Date(required=True, readonly=True)
    state = fields.Selection(
        [("running", "Running"), ("done", "Done")],
        default="running",
        required=True,
        readonly=True,
    )
    last_partner_id = fields.Integer(
        string="Last Customer ID",
        readonly=True,
        help="Customers up to this ID are re-graded: a rerun resumes after it.",
    )
    history_start_id = fields.Integer(
        string="First History ID",
        readonly=True,
        help="Grade history rows after this ID were written by this run.",
    )
    processed_count = fields.Integer(string="Customers Re-graded", readonly=True)
    changed_count = fields.Integer(string="Grades Changed", readonly=True)
    date_done = fields.Datetime(string="Finished On", readonly=True)

    _quarter_unique = models.Constraint(
        "UNIQUE(quarter)", "There is one re-grade run per quarter."
    )

    @api.model
    def _freight_run_for(self, quarter):
        """The run of ``quarter``, created on the first call."""
        run = self.sudo().search([("quarter", "=", quarter)], limit=1)
        if run:
            return run
        self.env["freight.customer.grade.history"].flush_model()
        self.env.cr.execute(
            "SELECT COALESCE(MAX(id), 0) FROM freight_customer_grade_history"
        )
        return (
            self.sudo()
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(
                {
                    "name": f"{quarter.year} Q{(quarter.month - 1) // 3 + 1}",
                    "quarter": quarter,
                    "history_start_id": self.env.cr.fetchone()[0],
                }
            )
        )

    def _freight_advance(self, last_partner_id, processed, changed):
        """Move the cursor past a batch: plain SQL, in the batch's own
        transaction, one query whatever the batch size."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                """
                UPDATE freight_regrade_run
                   SET last_partner_id = %(last)s,
                       processed_count = COALESCE(processed_count, 0) + %(processed)s,
                       changed_count = COALESCE(changed_count, 0) + %(changed)s,
                       write_date = NOW() AT TIME ZONE 'UTC'
                 WHERE id = %(id)s
                """,
                last=last_partner_id,
                processed=processed,
                changed=changed,
                id=self.id,
            )
        )
        self.invalidate_recordset(
            ["last_partner_id", "processed_count", "changed_count"]
        )

    def _freight_finish(self):
        """Close the run: one digest to-do per account manager listing their
        customers whose grade changed, and a summary in the run's chatter."""
        self.ensure_one()
        self._freight_notify_account_managers()
        self.sudo().with_context(tracking_disable=True).write(
            {"state": "done", "date_done": fields.Datetime.now()}
        )
        self._message_log(
            body=self.env._(
                "Re-grade of %(quarter)s done: %(count)s customers re-graded, "
                "%(changed)s grade changes.",
                quarter=self.name,
                count=self.processed_count,
                changed=self.changed_count,
            )
        )

    def _freight_changes_by_manager(self):
        """{account manager id: [(customer id, name, old grade id, new grade
        id)]} of the changes this run wrote, read in one query."""
        self.env["freight.customer.grade.history"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT partner.user_id, partner.id, partner.name,
                       history.old_grade_id, history.new_grade_id
                  FROM freight_customer_grade_history history
                  JOIN res_partner partner ON partner.id = history.partner_id
                 WHERE history.id > %(start)s
                   AND history.source = 'regrade'
                   AND partner.user_id IS NOT NULL
                 ORDER BY partner.user_id, partner.name, partner.id
                """,
                start=self.history_start_id,
            )
        )
        changes = defaultdict(list)
        for user_id, *change in self.env.cr.fetchall():
            changes[user_id].append(change)
        return changes

    def _freight_notify_account_managers(self):
        changes = self._freight_changes_by_manager()
        if not changes:
            return
        codes = {
            grade.id: grade.code
            for grade in self.env["freight.customer.grade"]
            .sudo()
            .with_context(active_test=False)
            .search([])
        }
        users = self.env["res.users"].sudo().browse(list(changes))
        activity_type = self.env.ref(
            "freight_crm.mail_activity_type_regrade_digest", raise_if_not_found=False
        )
        days = self.env["res.partner"]._freight_grading_params()[
            "freight_crm.grade_change_activity_days"
        ]
        deadline = fields.Date.context_today(self) + relativedelta(days=days)
        model_id = self.env["ir.model"]._get_id(self._name)
        values = []
        for user in users:
            lines = changes[user.id]
            env = self.with_context(lang=user.lang).env
            values.append(
                {
                    "res_model_id": model_id,
                    "res_id": self.id,
                    "activity_type_id": activity_type.id if activity_type else False,
                    "summary": env._(
                        "Re-grade %(quarter)s: %(count)s of your customers "
                        "changed grade",
                        quarter=self.name,
                        count=len(lines),
                    ),
                    "note": self._freight_digest_note(lines, codes),
                    "user_id": user.id,
                    "date_deadline": deadline,
                }
            )
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(values)

    @api.model
    def _freight_digest_note(self, lines, codes):
        items = Markup("").join(
            Markup(
                '<li><a href="#" data-oe-model="res.partner" data-oe-id="%s">'
                "%s</a>: %s &#8594; %s</li>"
            )
            % (partner_id, name, codes.get(old_id, "-"), codes.get(new_id, "-"))
            for partner_id, name, old_id, new_id in lines
        )
        return Markup("<ul>%s</ul>") % items
