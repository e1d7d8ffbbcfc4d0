# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class FreightCustomerKpi(models.Model):
    _inherit = "freight.customer.kpi"

    def _freight_collect_actuals(self):
        """Satisfaction: average score of the satisfaction surveys the
        customer completed in the period. Surveys win over any other source
        (complaint callbacks), which only fill the periods without one."""
        actuals = super()._freight_collect_actuals()
        for (start, end), kpis in self._freight_periods().items():
            kpis._freight_set_actual(
                actuals,
                "satisfaction",
                self._freight_survey_scores(kpis.partner_id, start, end),
            )
        return actuals

    def _freight_survey_scores(self, partners, start, end):
        """``{customer id: average survey score}`` over [start, end), in one
        query. As superuser: answers belong to portal or public users."""
        rows = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("freight_customer_id", "in", partners.ids),
                    ("freight_is_satisfaction", "=", True),
                    ("state", "=", "done"),
                    ("end_datetime", ">=", start),
                    ("end_datetime", "<", end),
                ],
                ["freight_customer_id"],
                ["scoring_percentage:avg"],
            )
        )
        return {partner.id: score for partner, score in rows}
