# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class FreightCustomerReassignWizard(models.TransientModel):
    """Reassign new and eliminated customers between salespeople, as the
    department manager decides at the weekly meeting (R-VIS-6)."""

    _name = "freight.customer.reassign.wizard"
    _description = "Reassign Customers"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        required=True,
        domain=[("is_company", "=", True)],
    )
    user_id = fields.Many2one(
        "res.users",
        string="New Salesperson",
        required=True,
        domain=[("share", "=", False)],
    )
    reason = fields.Text(required=True)
    move_planned_visits = fields.Boolean(
        default=True,
        help="Give the customers' planned visits to the new salesperson too.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "res.partner":
            values["partner_ids"] = [
                fields.Command.set(self.env.context.get("active_ids", []))
            ]
        return values

    def action_reassign(self):
        for wizard in self:
            wizard._freight_reassign()
        return {"type": "ir.actions.act_window_close"}

    def _freight_reassign(self):
        if not self.env.user._freight_is_manager():
            raise UserError(
                self.env._("Only a Freight CRM manager can reassign customers.")
            )
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for the reassignment."))
        # The manager check above is the gate: salespeople and managers may
        # lack write access on contacts, which posting and reassigning need.
        partners = self.partner_ids.sudo()
        for partner in partners:
            partner.message_post(
                author_id=self.env.user.partner_id.id,
                body=self.env._(
                    "Reassigned from %(old)s to %(new)s: %(reason)s",
                    old=partner.user_id.name or self.env._("nobody"),
                    new=self.user_id.name,
                    reason=self.reason,
                ),
            )
        partners.write({"user_id": self.user_id.id})
        if self.move_planned_visits:
            planned = (
                self.env["freight.visit"]
                .sudo()
                .search(
                    [
                        ("partner_id", "in", self.partner_ids.ids),
                        ("state", "=", "planned"),
                    ]
                )
            )
            planned.write({"user_id": self.user_id.id})
            planned.activity_ids.write({"user_id": self.user_id.id})
