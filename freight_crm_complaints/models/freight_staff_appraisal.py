# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import models

COMPLAINT = [("freight_is_complaint", "=", True)]
CLOSED = [*COMPLAINT, ("stage_id.closed", "=", True)]


class FreightStaffAppraisal(models.Model):
    """Confirmed complaint penalties deduct their points in the appraisal
    of the employee's period; the complaints the employee first received
    measure the complaint indicators."""

    _inherit = "freight.staff.appraisal"

    def _freight_collect_penalties(self):
        penalties = super()._freight_collect_penalties()
        points = self._freight_measure_grouped(
            "freight.complaint.penalty",
            "user_id",
            "date",
            "points:sum",
            [("state", "=", "confirmed")],
        )
        for appraisal_id, value in points.items():
            penalties[appraisal_id] = penalties.get(appraisal_id, 0.0) + value
        return penalties

    def _freight_measure(self, measure):
        if measure == "complaints_on_time":
            # Closed in the period: the share closed by the deadline.
            return self._freight_measure_grouped(
                "helpdesk.ticket",
                "freight_first_owner_id",
                "closed_date",
                "freight_on_time_rate:avg",
                CLOSED,
                is_datetime=True,
            )
        if measure == "complaints_escalated":
            return self._freight_measure_share(
                "freight_intake_date",
                "freight_escalation_level",
                COMPLAINT,
            )
        if measure == "callbacks_done":
            return self._freight_measure_share(
                "closed_date", "freight_callback_count", CLOSED
            )
        return super()._freight_measure(measure)

    def _freight_measure_share(self, date_field, count_field, domain):
        """``{appraisal id: %}`` of the employee's complaints (first owner)
        dated in the period by ``date_field`` whose ``count_field`` is
        positive. None without complaints."""
        result = {}
        Ticket = self.env["helpdesk.ticket"].sudo()
        for (start, __, stop), appraisals in self._freight_periods().items():
            rows = Ticket._read_group(
                [
                    *domain,
                    ("freight_first_owner_id", "in", appraisals.user_id.ids),
                    *self._freight_period_domain(
                        date_field, start, stop, is_datetime=True
                    ),
                ],
                ["freight_first_owner_id", count_field],
                ["__count"],
            )
            totals = defaultdict(int)
            positive = defaultdict(int)
            for user, value, count in rows:
                totals[user.id] += count
                if value and value > 0:
                    positive[user.id] += count
            result.update(
                self._freight_per_appraisal(
                    appraisals,
                    {
                        user_id: 100.0 * positive[user_id] / total
                        for user_id, total in totals.items()
                    },
                )
            )
        return result
