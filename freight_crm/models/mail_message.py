# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailMessage(models.Model):
    """The chatter of a freight customer is part of its file."""

    _name = "mail.message"
    _inherit = ("mail.message", "freight.customer.file.item")

    @api.model
    def _freight_is_on_partner(self, vals):
        return vals.get("model") == "res.partner"
