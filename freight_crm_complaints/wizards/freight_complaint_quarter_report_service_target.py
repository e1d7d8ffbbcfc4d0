# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class FreightComplaintQuarterReport(models.TransientModel):
    """The quarter's service targets: off-hours replies and the handling
    plans of complex complaints given on time."""

    _inherit = "freight.complaint.quarter.report"

    def _get_report_data(self):
        data = super()._get_report_data()
        tickets = self.env["helpdesk.ticket"].search(self._get_domain())
        # Only targets already decided count: a reply or a plan still
        # within its time is neither on time nor late yet.
        replies = tickets.filtered(
            lambda t: t.freight_reply_state == "on_time" or t.freight_reply_late
        )
        plans = tickets.filtered(
            lambda t: (
                t.freight_plan_deadline
                and (t.freight_approval_date or t.freight_plan_overdue)
            )
        )
        replied = replies.filtered(lambda t: t.freight_reply_state == "on_time")
        planned = plans.filtered(lambda t: not t.freight_plan_overdue)
        data.update(
            {
                "off_hours": len(tickets.filtered("freight_off_hours")),
                "reply_on_time_rate": (
                    100.0 * len(replied) / len(replies) if replies else 0.0
                ),
                "plan_on_time_rate": (
                    100.0 * len(planned) / len(plans) if plans else 0.0
                ),
            }
        )
        return data
