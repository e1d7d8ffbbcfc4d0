# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .freight_workflow_guard import PARENT, WORKFLOW


class FreightCustomerRisk(models.Model):
    """A credit, market or legal risk of a customer (R-RSK-1). An open high
    risk blocks new contracts, and holds the approval and signing of the
    customer's pending ones, until a manager clears it."""

    _name = "freight.customer.risk"
    _description = "Customer Risk"
    _inherit = (
        "mail.thread",
        "freight.customer.ledger.mixin",
        "freight.workflow.guard",
    )
    _order = "date desc, id desc"

    name = fields.Char(string="Risk", required=True, tracking=True)
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
    # The risk assessment sets both the level and the impact (风险等级和
    # 影响程度); a risk is often recorded before its impact is known.
    impact = fields.Selection(
        [("minor", "Minor"), ("moderate", "Moderate"), ("severe", "Severe")],
        index=True,
        tracking=True,
        help="How strongly the risk would affect the business with the customer.",
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

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "cleared_by_id": WORKFLOW,
            "cleared_date": WORKFLOW,
            "partner_id": PARENT,
        }

    def _freight_guard_is_open(self):
        """Only an open risk that blocks nothing may be moved to another
        customer: moving a high or cleared risk would lift a block or plant
        one elsewhere."""
        self.ensure_one()
        return self.state == "open" and self.level != "high"

    def _freight_guard_refuse(self, name, rule, value, record):
        if rule == WORKFLOW:
            raise AccessError(
                self.env._(
                    "Only a Freight CRM manager can clear or reopen a risk, with "
                    "the risk's buttons (%s).",
                    self._freight_guard_label(name),
                )
            )
        return super()._freight_guard_refuse(name, rule, value, record)

    @api.model_create_multi
    def create(self, vals_list):
        risks = super().create(vals_list)
        risks._freight_hold_pending_contracts()
        return risks

    def write(self, vals):
        if not (self.env.su or self.env.user._freight_is_manager()):
            # Lowering an open high risk would clear it without a manager.
            open_high = self.filtered(lambda r: r.level == "high" and r.state == "open")
            if open_high and vals.get("level", "high") != "high":
                self._check_manager()
        was_blocking = self.filtered(lambda r: r.level == "high" and r.state == "open")
        res = super().write(vals)
        (self - was_blocking)._freight_hold_pending_contracts()
        return res

    def _freight_hold_pending_contracts(self):
        """Contracts of the customers these risks now block stay where they
        are, held: note it on those under approval."""
        blocking = self.filtered(lambda r: r.level == "high" and r.state == "open")
        if not blocking:
            return
        contracts = (
            self.env["freight.customer.contract"]
            .sudo()
            .search([("partner_id", "in", blocking.partner_id.ids)])
        )
        contracts._freight_note_risk_hold()

    def _check_manager(self):
        if not (self.env.su or self.env.user._freight_is_manager()):
            raise AccessError(
                self.env._(
                    "Only a Freight CRM manager can clear, reopen or downgrade "
                    "a high risk."
                )
            )

    def action_clear(self):
        self._check_manager()
        self.check_access("write")
        self._freight_check_states(("open",), self.env._("Clear the risk"))
        self.sudo().write(
            {
                "state": "cleared",
                "cleared_by_id": self.env.user.id,
                "cleared_date": fields.Datetime.now(),
            }
        )
        return True

    def action_reopen(self):
        self._check_manager()
        self.check_access("write")
        self._freight_check_states(("cleared",), self.env._("Reopen the risk"))
        self.sudo().write(
            {"state": "open", "cleared_by_id": False, "cleared_date": False}
        )
        return True
