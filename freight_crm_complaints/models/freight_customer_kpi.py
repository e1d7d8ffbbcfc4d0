# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.freight_crm.tools import MeasuredFloat


class FreightCustomerKpi(models.Model):
    _inherit = "freight.customer.kpi"

    freight_complaint_count = fields.Integer(
        string="Complaints Received",
        aggregator="sum",
        help="Complaints received from the customer in the period.",
    )
    freight_complaint_on_time_rate = MeasuredFloat(
        string="Complaints Resolved On Time (%)",
        aggregator="avg",
        help="Share of the period's closed complaints that were closed by "
        "their deadline.",
    )

    def _freight_collect_actuals(self):
        """Complaints received in the period: their number, the share closed
        on time and, where no survey measured it, the satisfaction the
        customer gave at the callbacks."""
        actuals = super()._freight_collect_actuals()
        for (start, end), kpis in self._freight_periods().items():
            domain = [
                ("freight_is_complaint", "=", True),
                ("commercial_partner_id", "in", kpis.partner_id.ids),
                ("freight_intake_date", ">=", start),
                ("freight_intake_date", "<", end),
            ]
            counts = self._freight_complaint_figures(domain, "__count")
            # No complaint is a figure too: zero.
            counts = {
                partner_id: counts.get(partner_id, 0)
                for partner_id in kpis.partner_id.ids
            }
            kpis._freight_set_actual(actuals, "freight_complaint_count", counts)
            kpis._freight_set_actual(
                actuals,
                "freight_complaint_on_time_rate",
                self._freight_complaint_figures(
                    domain + [("stage_id.closed", "=", True)],
                    "freight_on_time_rate:avg",
                ),
            )
            # Satisfaction surveys win: callbacks only fill a gap.
            kpis._freight_set_actual(
                actuals,
                "satisfaction",
                self._freight_complaint_figures(
                    domain + [("freight_callback_count", ">", 0)],
                    "freight_satisfaction:avg",
                ),
                overwrite=False,
            )
        return actuals

    def _freight_complaint_figures(self, domain, aggregate):
        """``{customer id: aggregate}`` over the complaints of ``domain``, in
        one query. As superuser: the caller may write these customers' KPIs
        but need not see every complaint behind the figure."""
        rows = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(domain, ["commercial_partner_id"], [aggregate])
        )
        return {partner.id: value for partner, value in rows}
