# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern per file, as Odoo core does for the models it extends.
# pylint: disable=consider-merging-classes-inherited
from odoo import models
from odoo.exceptions import AccessError, UserError

# Moves of the lifecycle only a manager makes: eliminated customers are
# reviewed by the manager and handed to a salesperson again (对于新客户和
# 淘汰客户，由业务部经理审核，并重新划归各sales).
MANAGER_STATES = ("eliminated",)


class ResPartner(models.Model):
    """The customer's lifecycle (R-CLS-1): potential → in admission →
    signed → dormant or eliminated, with the actions that move it."""

    _inherit = "res.partner"

    def _freight_check_write(self, vals):
        res = super()._freight_check_write(vals)
        if "freight_customer_state" in vals:
            self._freight_check_manager_move(vals["freight_customer_state"])
        return res

    def _freight_check_manager_move(self, new_state):
        """Entering or leaving the eliminated state is a manager's."""
        if self.env.su or self.env.user._freight_is_manager():
            return
        for partner in self.sudo():
            old_state = partner.freight_customer_state or False
            if (new_state or False) == old_state:
                continue
            if new_state in MANAGER_STATES or old_state in MANAGER_STATES:
                raise AccessError(
                    self.env._(
                        "Only a Freight CRM manager can eliminate %s or bring it back.",
                        partner.display_name,
                    )
                )

    def _freight_move_lifecycle(self, action, from_states, new_state):
        for partner in self:
            if partner.freight_customer_state not in from_states:
                states = dict(
                    self._fields["freight_customer_state"]._description_selection(
                        self.env
                    )
                )
                raise UserError(
                    self.env._(
                        "%(action)s applies to customers in the states %(states)s; "
                        "%(customer)s is %(state)s.",
                        action=action,
                        states=", ".join(states[s] for s in from_states),
                        customer=partner.display_name,
                        state=states.get(partner.freight_customer_state, "-"),
                    )
                )
        self.write({"freight_customer_state": new_state})
        return True

    def action_freight_sign(self):
        """An admitted customer signs: the contract gate of its grade
        applies (a grade that needs a contract needs a valid one)."""
        for partner in self:
            if not partner.freight_admission_passed:
                raise UserError(
                    self.env._(
                        "%s has not passed admission yet: pass admission before "
                        "signing.",
                        partner.display_name,
                    )
                )
        action = self.env._("Sign Customer")
        return self._freight_move_lifecycle(action, ("admission",), "signed")

    def action_freight_mark_dormant(self):
        """A signed customer without business for now."""
        action = self.env._("Mark Dormant")
        return self._freight_move_lifecycle(action, ("signed",), "dormant")

    def action_freight_reactivate(self):
        """A dormant customer does business again: signing rules apply."""
        action = self.env._("Reactivate")
        return self._freight_move_lifecycle(action, ("dormant",), "signed")

    def action_freight_eliminate(self):
        action = self.env._("Eliminate")
        return self._freight_move_lifecycle(
            action, ("potential", "admission", "signed", "dormant"), "eliminated"
        )

    def action_freight_restore_potential(self):
        """An eliminated customer reviewed by the manager starts again as a
        potential customer."""
        action = self.env._("Restore as Potential")
        return self._freight_move_lifecycle(action, ("eliminated",), "potential")
