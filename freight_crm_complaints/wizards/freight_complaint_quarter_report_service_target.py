# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.fields import Domain


class FreightComplaintQuarterReport(models.TransientModel):
    """The quarter's service targets: off-hours replies and the handling
    plans of complex complaints given on time."""

    _inherit = "freight.complaint.quarter.report"

    def _get_report_data(self):
        data = super()._get_report_data()
        Ticket = self.env["helpdesk.ticket"]
        quarter = Domain(self._get_domain())
        # Only targets already decided count: a reply or a plan still
        # within its time is neither on time nor late yet.
        replied = Ticket.search_count(
            quarter & Domain("freight_reply_state", "=", "on_time")
        )
        replies_late = Ticket.search_count(
            quarter & Domain("freight_reply_late", "=", True)
        )
        planned = Ticket.search_count(
            quarter
            & Domain("freight_plan_deadline", "!=", False)
            & Domain("freight_approval_date", "!=", False)
            & Domain("freight_plan_late", "=", False)
        )
        plans_late = Ticket.search_count(
            quarter & Domain("freight_plan_overdue", "=", True)
        )
        data.update(
            {
                "off_hours": Ticket.search_count(
                    quarter & Domain("freight_off_hours", "=", True)
                ),
                "reply_on_time_rate": self._freight_share(replied, replies_late),
                "plan_on_time_rate": self._freight_share(planned, plans_late),
            }
        )
        return data

    @staticmethod
    def _freight_share(on_time, late):
        return 100.0 * on_time / (on_time + late) if on_time + late else 0.0
