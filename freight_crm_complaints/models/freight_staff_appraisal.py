# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class FreightStaffAppraisal(models.Model):
    """Confirmed complaint penalties deduct their points in the appraisal
    of the employee's period."""

    _inherit = "freight.staff.appraisal"

    def _freight_collect_penalties(self):
        penalties = super()._freight_collect_penalties()
        Penalty = self.env["freight.complaint.penalty"].sudo()
        for appraisal in self:
            found = Penalty.search(
                [
                    ("user_id", "=", appraisal.user_id.id),
                    ("state", "=", "confirmed"),
                    ("date", ">=", appraisal.period_start),
                    ("date", "<=", appraisal.period_end),
                ]
            )
            penalties[appraisal.id] = penalties.get(appraisal.id, 0.0) + sum(
                found.mapped("points")
            )
        return penalties
