# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    freight_is_complaint_team = fields.Boolean(
        string="Handles Complaints",
        index=True,
        help="Tickets of this team are customer complaints: they get a class, "
        "a deadline in working hours, a first owner, the escalation ladder and "
        "the callback before closing. Tickets of other teams stay plain "
        "helpdesk tickets.",
    )
    freight_resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        help="Complaint deadlines and escalations of this team count working "
        "hours of this calendar. Empty: the company's working hours.",
    )

    @api.model
    def _freight_default_complaint_team(self, company=None):
        """The complaint team a complaint goes to when none was chosen: the
        user's own complaint team, else the first one of the company."""
        company = company or self.env.company
        own = self.env.user.helpdesk_team_ids.filtered(
            lambda team: (
                team.freight_is_complaint_team
                and team.company_id in (company, self.env["res.company"])
            )
        )
        if own:
            return own[:1]
        return self.sudo().search(
            [
                ("freight_is_complaint_team", "=", True),
                ("company_id", "in", [False, company.id]),
            ],
            limit=1,
        )
