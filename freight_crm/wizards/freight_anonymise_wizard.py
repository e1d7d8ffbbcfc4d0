# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightAnonymiseWizard(models.TransientModel):
    """Confirmation before the irreversible anonymisation of customers
    (已不需要的客户信息及时销毁), opened from the form's action menu."""

    _name = "freight.anonymise.wizard"
    _description = "Anonymise Customers"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        default=lambda self: self._default_partner_ids(),
        readonly=True,
    )
    confirmed = fields.Boolean(
        string="I understand this cannot be undone",
        help="The names, addresses, contacts, bank data and history of these "
        "customers are erased for good.",
    )

    def _default_partner_ids(self):
        if self.env.context.get("active_model") != "res.partner":
            return self.env["res.partner"]
        return self.env["res.partner"].browse(self.env.context.get("active_ids", []))

    def action_anonymise(self):
        self.ensure_one()
        if not self.confirmed:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "message": self.env._(
                        "Tick the confirmation first: anonymising cannot be undone."
                    ),
                },
            }
        self.partner_ids.action_freight_anonymise()
        return {"type": "ir.actions.act_window_close"}
