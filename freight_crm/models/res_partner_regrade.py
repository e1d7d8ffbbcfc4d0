# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.cron_batch import freight_cron_batches

# Columns the re-grade reads per customer, in this order.
REGRADE_COLUMNS = (
    "id",
    "freight_grade_id",
    "freight_annual_volume",
    "freight_cooperation_start",
    "freight_score",
    "freight_evaluation_date",
)


class ResPartner(models.Model):
    """Quarterly re-grade of the signed customers (R-GRD-6)."""

    _inherit = "res.partner"

    @api.model
    def _freight_quarter_start(self, day):
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)

    @api.model
    def _cron_freight_regrade(self):
        """Re-grade every signed customer once per quarter, in batches read
        by keyset (id after the run's cursor). Each batch writes only the
        customers whose grade changes and advances the cursor in the same
        transaction, then commits: a crash loses at most the batch in
        progress, a rerun resumes after the cursor, and a finished run is
        not repeated, however often the cron runs. A customer a manager
        graded by hand this quarter keeps that grade."""
        today = fields.Date.context_today(self)
        quarter = self._freight_quarter_start(today)
        run = self.env["freight.regrade.run"]._freight_run_for(quarter)
        if run.state == "done":
            return True
        params = self._freight_grading_params()
        batch_size = params["freight_crm.regrade_batch_size"]
        grades = self.env["freight.customer.grade"]._freight_active_grades()
        grader = self._freight_regrade_grader(grades, params, today)
        plan = dict(self._freight_regrade_plan(quarter, grades), grader=grader)
        freight_cron_batches(
            self.env,
            lambda last_id: self._freight_regrade_rows(quarter, last_id, batch_size),
            lambda rows: self._freight_regrade_batch(rows, plan, run),
            last_id=run.last_partner_id,
            remaining=self._freight_regrade_count(quarter, run.last_partner_id),
            always_commit=True,
            on_done=run._freight_finish,
        )
        return True

    @api.model
    def _freight_regrade_where(self, quarter, after_id):
        return SQL(
            """
            partner.freight_customer_state = 'signed'
            AND partner.active
            AND partner.id > %(after)s
            AND (partner.freight_regrade_quarter IS NULL
                 OR partner.freight_regrade_quarter < %(quarter)s)
            """,
            after=after_id,
            quarter=quarter,
        )

    @api.model
    def _freight_regrade_count(self, quarter, after_id):
        self.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT COUNT(*) FROM res_partner partner WHERE %s",
                self._freight_regrade_where(quarter, after_id),
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _freight_regrade_rows(self, quarter, after_id, limit):
        """The next ``limit`` customers due after ``after_id``, as tuples of
        ``REGRADE_COLUMNS``: one index range scan, whatever the offset."""
        self.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT %s FROM res_partner partner WHERE %s ORDER BY partner.id "
                "LIMIT %s",
                SQL(", ").join(
                    SQL.identifier("partner", name) for name in REGRADE_COLUMNS
                ),
                self._freight_regrade_where(quarter, after_id),
                limit,
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _freight_regrade_grader(self, grades, params, today):
        """A function of a ``REGRADE_COLUMNS`` row giving the grade id the
        customer should have now (None keeps the current one), with the
        thresholds and the grade lookup computed once per run: rule-based
        when switched on (R-GRD-4), else from the score of the latest
        confirmed evaluation."""
        ordered = grades.sorted(lambda g: (g.sequence, g.code))
        if params["freight_crm.rule_grading"]:
            return self._freight_rule_grader(ordered, params, today)
        thresholds = [
            (grade.id, grade.score_threshold, grade.score_threshold_strict)
            for grade in ordered
        ]

        def by_score(row):
            if not row[5]:
                return None  # never evaluated
            score = row[4] or 0.0
            for grade_id, threshold, strict in thresholds:
                if score > threshold or (not strict and score == threshold):
                    return grade_id
            return None

        return by_score

    @api.model
    def _freight_rule_grader(self, ordered, params, today):
        """R-GRD-4 as a table: the volume clause and the cooperation clause
        each give a code, the better grade of the two wins."""
        rank = {grade.code: index for index, grade in enumerate(ordered)}
        ids = {grade.code: grade.id for grade in ordered}
        best = {}
        for volume_code in "ABC":
            for years_code in "ABC":
                known = [code for code in (volume_code, years_code) if code in ids]
                best[volume_code, years_code] = (
                    ids[min(known, key=rank.get)] if known else None
                )
        volume_a = params["freight_crm.rule_volume_a"]
        volume_b = params["freight_crm.rule_volume_b"]
        start_a = today - relativedelta(years=params["freight_crm.rule_years_a"])
        start_b = today - relativedelta(years=params["freight_crm.rule_years_b"])

        def by_rules(row):
            volume, start = row[2] or 0.0, row[3]
            volume_code = (
                "A" if volume > volume_a else "B" if volume >= volume_b else "C"
            )
            years_code = "C"
            if start and start < start_a:
                years_code = "A"
            elif start and start <= start_b:
                years_code = "B"
            return best[volume_code, years_code]

        return by_rules

    @api.model
    def _freight_regrade_batch(self, rows, plan, run):
        """Grade one batch of rows and apply the changes in a constant
        number of queries; unchanged customers are not written."""
        grader = plan["grader"]
        changes = []
        for row in rows:
            target = grader(row)
            if target and target != row[1]:
                changes.append((row[0], row[1], target, row[4]))
        self._freight_apply_regrade_changes(changes, plan)
        run._freight_advance(rows[-1][0], len(rows), len(changes))
