# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        """Confirming an order is confirming business (R-CON-3): grade A/B
        customers need a signed, valid, long-term contract; grade C customers
        get a reminder on the order."""
        # The customer itself, not only its company: the gate takes the
        # stricter grade of the two and checks the company's contracts.
        warned = self.partner_id._freight_check_contract_gate()
        for order in self.filtered(lambda o: o.partner_id in warned):
            order.message_post(
                body=self.env._(
                    "Reminder: %s has no signed, valid contract yet.",
                    order.partner_id.commercial_partner_id.display_name,
                )
            )
        return super().action_confirm()
