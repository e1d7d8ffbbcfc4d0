# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailActivity(models.Model):
    """Activities on a freight customer are part of its file; their holder
    keeps reading them."""

    _name = "mail.activity"
    _inherit = ("mail.activity", "freight.customer.file.item")

    @api.model
    def _freight_is_on_partner(self, vals):
        return vals.get("res_model") == "res.partner" or (
            vals.get("res_model_id") == self.env["ir.model"]._get_id("res.partner")
        )
