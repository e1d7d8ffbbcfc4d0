# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MailMessage(models.Model):
    """The chatter of a freight customer is part of its file: a message on
    it is read by the Freight CRM roles (within their record rules on the
    customer) and by its author only (security/mail_security.xml)."""

    _inherit = "mail.message"

    freight_confidential = fields.Boolean(
        string="Customer File Message",
        readonly=True,
        index="btree_not_null",
        help="Posted on a freight customer: read by Freight CRM roles only.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        on_partner = [
            vals
            for vals in vals_list
            if vals.get("model") == "res.partner" and vals.get("res_id")
        ]
        confidential = self.env["res.partner"]._freight_confidential_ids(
            [vals["res_id"] for vals in on_partner]
        )
        for vals in on_partner:
            if vals["res_id"] in confidential:
                vals["freight_confidential"] = True
        return super().create(vals_list)
