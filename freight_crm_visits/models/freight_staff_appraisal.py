# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import models

HELD = ("approved",)


class FreightStaffAppraisal(models.Model):
    """Visits held against plan and monthly reviews submitted on time."""

    _inherit = "freight.staff.appraisal"

    def _freight_measure(self, measure):
        if measure == "visits_done":
            return self._freight_measure_visits_done()
        if measure == "reviews_on_time":
            # A review still to fill has no submission date: late.
            return self._freight_measure_on_time(
                "freight.visit.review", "user_id", "date", "submitted_date"
            )
        return super()._freight_measure(measure)

    def _freight_measure_visits_done(self):
        """Share of the visits planned in the period (dated in it) that were
        held and approved. None when no visit was planned."""
        result = {}
        Visit = self.env["freight.visit"].sudo()
        for (start, __, stop), appraisals in self._freight_periods().items():
            rows = Visit._read_group(
                [
                    ("user_id", "in", appraisals.user_id.ids),
                    *self._freight_period_domain("visit_date", start, stop),
                ],
                ["user_id", "state"],
                ["__count"],
            )
            planned = defaultdict(int)
            held = defaultdict(int)
            for user, state, count in rows:
                planned[user.id] += count
                if state in HELD:
                    held[user.id] += count
            result.update(
                self._freight_per_appraisal(
                    appraisals,
                    {
                        user_id: 100.0 * held[user_id] / total
                        for user_id, total in planned.items()
                    },
                )
            )
        return result
