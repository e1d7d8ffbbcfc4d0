# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        """Confirming an order is confirming business (R-CON-3): grade A/B
        freight customers need a signed, valid, long-term contract; grade C
        ones get one reminder, on the order. Customers that are not graded
        freight customers are confirmed exactly as without this addon."""
        # The customer itself, not only its company: the gate takes the
        # stricter grade of the two and checks the company's contracts.
        warned = self.partner_id.freight_check_contract_gate(notify=False)
        for order in self.filtered(lambda o: o.partner_id in warned):
            # The confirming user may not write the order's chatter (a
            # plain Sales user confirming a colleague's quotation).
            order.sudo().message_post(
                body=self.env._(
                    "Reminder: %s has no signed, valid contract yet.",
                    order.partner_id.commercial_partner_id.sudo().display_name,
                )
            )
        return super().action_confirm()
