# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class FreightCustomerRisk(models.Model):
    """A credit, market or legal risk of a customer (R-RSK-1). An open high
    risk blocks new contracts until a manager clears it."""

    _name = "freight.customer.risk"
    _description = "Customer Risk"
    _inherit = ("mail.thread",)
    _order = "date desc, id desc"

    name = fields.Char(string="Risk", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    user_id = fields.Many2one(
        related="partner_id.user_id", string="Account Manager", store=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    risk_type = fields.Selection(
        [("credit", "Credit Risk"), ("market", "Market Risk"), ("legal", "Legal Risk")],
        string="Type",
        required=True,
        default="credit",
    )
    level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        required=True,
        default="low",
        index=True,
        tracking=True,
    )
    response = fields.Selection(
        [
            ("avoid", "Avoid"),
            ("reduce", "Reduce"),
            ("transfer", "Transfer"),
            ("accept", "Accept"),
        ],
        tracking=True,
    )
    description = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("cleared", "Cleared")],
        default="open",
        required=True,
        index=True,
        tracking=True,
    )
    cleared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    cleared_date = fields.Datetime(readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(
            "freight_crm.group_freight_manager"
        ):
            for vals in vals_list:
                if vals.get("state", "open") != "open" or vals.get("cleared_by_id"):
                    self._check_manager()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group(
            "freight_crm.group_freight_manager"
        ):
            # Lowering an open high risk would clear it without a manager.
            open_high = self.filtered(lambda r: r.level == "high" and r.state == "open")
            decision = {"state", "cleared_by_id", "cleared_date"} & set(vals)
            if decision or (open_high and vals.get("level", "high") != "high"):
                self._check_manager()
        return super().write(vals)

    def _check_manager(self):
        if not self.env.user.has_group("freight_crm.group_freight_manager"):
            raise AccessError(
                self.env._(
                    "Only a Freight CRM manager can clear, reopen or downgrade "
                    "a high risk."
                )
            )

    def action_clear(self):
        self._check_manager()
        if any(risk.state != "open" for risk in self):
            raise UserError(self.env._("Only open risks can be cleared."))
        self.write(
            {
                "state": "cleared",
                "cleared_by_id": self.env.user.id,
                "cleared_date": fields.Datetime.now(),
            }
        )
        return True

    def action_reopen(self):
        self._check_manager()
        self.write({"state": "open", "cleared_by_id": False, "cleared_date": False})
        return True
