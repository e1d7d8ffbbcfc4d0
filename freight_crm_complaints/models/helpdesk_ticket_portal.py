# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of helpdesk.ticket per file.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models

from .freight_complaint_deadline import COMPLAINT_CLASSES


class HelpdeskTicket(models.Model):
    """Complaints filed by the customer in the portal (R-CMP-1)."""

    _inherit = "helpdesk.ticket"

    @api.model
    def _freight_portal_complaint_vals(self, complaint_class, team=None):
        """Values a complaint filed in the portal gets (R-CMP-1): its class
        (General until customer service assesses it), the portal channel, a
        complaint team and its leader as the one handling it."""
        classes = dict(COMPLAINT_CLASSES)
        channel = self.env.ref(
            "freight_crm_complaints.helpdesk_ticket_channel_portal",
            raise_if_not_found=False,
        )
        vals = {
            "freight_complaint_class": complaint_class
            if complaint_class in classes
            else "general"
        }
        if channel:
            vals["channel_id"] = channel.id
        team = team if team and team.freight_is_complaint_team else None
        team = (
            team or self.env["helpdesk.ticket.team"]._freight_default_complaint_team()
        )
        if team:
            vals["team_id"] = team.id
            vals["stage_id"] = team._get_applicable_stages()[:1].id
            # The team leader receives complaints filed in the portal: the
            # first owner (首问负责人) of a complaint nobody took on the phone.
            if team.user_id:
                vals["user_id"] = team.user_id.id
        return vals
