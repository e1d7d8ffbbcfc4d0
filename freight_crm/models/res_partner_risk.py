# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models
from odoo.exceptions import UserError

# Credit standing from the rewards and penalties ledger (R-REW-1): a clean
# ledger starts at the base score, each reward adds and each penalty takes
# away points. Defaults in tools/settings.py.
REWARD_PARAMS = (
    "freight_crm.reward_base_score",
    "freight_crm.reward_points",
    "freight_crm.penalty_points",
)


class ResPartner(models.Model):
    """Risk (R-RSK-1) and the rewards and penalties ledger (R-REW-1)."""

    _inherit = "res.partner"

    # Risk (R-RSK-1) and rewards/penalties (R-REW-1)
    freight_risk_ids = fields.One2many(
        "freight.customer.risk",
        "partner_id",
        string="Risks",
        groups="freight_crm.group_freight_salesperson",
    )
    freight_risk_blocked = fields.Boolean(
        string="High Risk",
        compute="_compute_freight_risk_blocked",
        search="_search_freight_risk_blocked",
        help="An open high risk blocks new contracts until a manager clears it.",
    )
    freight_reward_ids = fields.One2many(
        "freight.customer.reward",
        "partner_id",
        string="Rewards and Penalties",
        groups="freight_crm.group_freight_salesperson",
    )

    def _compute_freight_risk_blocked(self):
        blocked = self._freight_high_risk_partner_ids()
        for partner in self:
            partner.freight_risk_blocked = partner.id in blocked

    def _search_freight_risk_blocked(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        risks = (
            self.env["freight.customer.risk"]
            .sudo()
            ._read_group(
                [("level", "=", "high"), ("state", "=", "open")], ["partner_id"]
            )
        )
        ids = [partner.id for (partner,) in risks]
        wanted = (True in value) == (operator == "in")
        return [("id", "in" if wanted else "not in", ids)]

    def _freight_high_risk_partner_ids(self):
        risks = (
            self.env["freight.customer.risk"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("level", "=", "high"),
                    ("state", "=", "open"),
                ],
                ["partner_id"],
            )
        )
        blocked = {partner.id for (partner,) in risks}
        return {p.id for p in self if p.commercial_partner_id.id in blocked}

    def _freight_check_risk_allows_contract(self):
        blocked = self.browse(self._freight_high_risk_partner_ids())
        if blocked:
            raise UserError(
                self.env._(
                    "%s has an open high risk: a manager must clear it before a "
                    "new contract is started.",
                    ", ".join(blocked.mapped("display_name")),
                )
            )

    def _freight_reward_credit_score(self):
        """Credit-standing score 0-100 from the rewards and penalties ledger,
        or None without entries. Meant to pre-fill the credit standing line
        of the next evaluation (R-REW-1)."""
        self.ensure_one()
        # Read as the user preparing the evaluation: whoever cannot read
        # this customer's ledger gets no pre-fill from it.
        Reward = self.env["freight.customer.reward"]
        if not Reward.has_access("read"):
            return None
        entries = Reward._read_group(
            [("partner_id", "=", self.commercial_partner_id.id)],
            ["kind"],
            ["__count"],
        )
        if not entries:
            return None
        counts = dict(entries)
        params = self._freight_params(REWARD_PARAMS)
        score = (
            params["freight_crm.reward_base_score"]
            + params["freight_crm.reward_points"] * counts.get("reward", 0)
            - params["freight_crm.penalty_points"] * counts.get("penalty", 0)
        )
        return max(0.0, min(100.0, score))
