# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MailActivity(models.Model):
    """Activities on a freight customer are part of its file: read by the
    Freight CRM roles (within their record rules on the customer) and by
    the user they are assigned to (security/mail_security.xml)."""

    _inherit = "mail.activity"

    freight_confidential = fields.Boolean(
        string="Customer File Activity",
        readonly=True,
        index="btree_not_null",
        help="Planned on a freight customer: read by Freight CRM roles only.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        partner_model_id = self.env["ir.model"]._get_id("res.partner")
        on_partner = [
            vals
            for vals in vals_list
            if vals.get("res_id")
            and (
                vals.get("res_model_id") == partner_model_id
                or vals.get("res_model") == "res.partner"
            )
        ]
        confidential = self.env["res.partner"]._freight_confidential_ids(
            [vals["res_id"] for vals in on_partner]
        )
        for vals in on_partner:
            if vals["res_id"] in confidential:
                vals["freight_confidential"] = True
        return super().create(vals_list)
