# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class FreightCustomerFileItem(models.AbstractModel):
    """A chatter item (message, activity) that belongs to the customer file
    when it is on a freight customer or one of its contacts: read by the
    Freight CRM roles within their rules on the customer, and by the
    internal user who wrote or holds it (security/mail_security.xml)."""

    _name = "freight.customer.file.item"
    _description = "Freight CRM Customer File Item"

    freight_confidential = fields.Boolean(
        string="Customer File",
        readonly=True,
        index="btree_not_null",
        help="On a freight customer: read by Freight CRM roles only.",
    )

    @api.model
    def _freight_is_on_partner(self, vals):
        """Whether the values create an item on a res.partner record."""
        raise NotImplementedError

    @api.model_create_multi
    def create(self, vals_list):
        on_partner = [
            vals
            for vals in vals_list
            if vals.get("res_id") and self._freight_is_on_partner(vals)
        ]
        confidential = self.env["res.partner"]._freight_confidential_ids(
            [vals["res_id"] for vals in on_partner]
        )
        for vals in on_partner:
            if vals["res_id"] in confidential:
                vals["freight_confidential"] = True
        return super().create(vals_list)
