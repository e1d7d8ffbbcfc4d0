# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from datetime import date

from odoo import api, fields, models
from odoo.fields import Domain


class ResPartner(models.Model):
    """Quarterly re-grade of the signed customers (R-GRD-6)."""

    _inherit = "res.partner"

    @api.model
    def _freight_quarter_start(self, day):
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)

    @api.model
    def _freight_regrade_domain(self, quarter_start):
        return Domain("freight_customer_state", "=", "signed") & (
            Domain("freight_regrade_quarter", "=", False)
            | Domain("freight_regrade_quarter", "<", quarter_start)
        )

    @api.model
    def _cron_freight_regrade(self):
        """Re-grade every signed customer once per quarter, in batches.

        Each batch stamps its customers with the quarter and commits, so a
        crash loses at most the batch in progress and a rerun picks up the
        customers not stamped yet: no customer is re-graded twice in a
        quarter, however often the cron runs."""
        today = fields.Date.context_today(self)
        quarter_start = self._freight_quarter_start(today)
        params = self._freight_grading_params()
        batch_size = max(params["freight_crm.regrade_batch_size"], 1)
        grades = self.env["freight.customer.grade"]._freight_active_grades()
        domain = self._freight_regrade_domain(quarter_start)
        remaining = self.search_count(domain)
        while remaining:
            partners = self.search(domain, order="id", limit=batch_size)
            if not partners:
                break
            partners._freight_regrade_batch(quarter_start, grades, params, today)
            remaining = max(remaining - len(partners), 0)
            time_left = self.env["ir.cron"]._commit_progress(
                len(partners), remaining=remaining
            )
            if not time_left:
                break
        return True

    def _freight_regrade_batch(self, quarter_start, grades, params, today):
        targets = {
            partner: partner._freight_target_grade(grades, params, today)
            for partner in self
        }
        self._freight_change_grades(targets, source="regrade", notify=True)
        self.with_context(tracking_disable=True).write(
            {"freight_regrade_quarter": quarter_start}
        )
