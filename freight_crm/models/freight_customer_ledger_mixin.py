# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The customers a ledger record may be kept for: freight customer companies.
CUSTOMER_DOMAIN = "[('is_company', '=', True), ('freight_customer_state', '!=', False)]"


class FreightCustomerLedgerMixin(models.AbstractModel):
    """What the records kept on a customer's file share: the customer
    (a freight customer company) and the check that it is one.

    A model redefines ``partner_id`` with its own label (``string=``) or
    ``ondelete=`` only, and says in
    :meth:`_freight_ledger_not_customer_message` why its records are kept
    for freight customers. The record rules stay per model in XML (the
    salesperson sees the records of the customers they own, customer
    service reads all, the managers all)."""

    _name = "freight.customer.ledger.mixin"
    _description = "Freight Customer Ledger Mixin"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
        domain=CUSTOMER_DOMAIN,
    )

    def _valid_field_parameter(self, field, name):
        # The customer is tracked where the model keeps a chatter; a ledger
        # without one (rewards and penalties) ignores the parameter.
        return name == "tracking" or super()._valid_field_parameter(field, name)

    def _freight_ledger_not_customer_message(self, partner):
        """The error refusing ``partner``, not a freight customer company;
        None: the model keeps records for any customer it is given."""
        return

    @api.constrains("partner_id")
    def _check_partner_is_customer(self):
        for record in self:
            partner = record.partner_id.sudo()
            if partner.is_company and partner.freight_customer_state:
                continue
            message = record._freight_ledger_not_customer_message(partner)
            if message:
                raise ValidationError(message)
