# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    freight_resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        help="Complaint deadlines and escalations of this team count working "
        "hours of this calendar. Empty: the company's working hours.",
    )
