# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    freight_requires_callback = fields.Boolean(
        string="Requires Callback",
        help="A complaint can only reach this closing stage once the customer "
        "has been called back (when the close-out rule is on).",
    )
