# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResUsers(models.Model):
    """The dashboard a Freight CRM user lands on: the one of their highest
    role (manager, then customer service, then salesperson, then legal
    reviewer)."""

    _inherit = "res.users"

    def _freight_home_action_xmlid(self):
        self.ensure_one()
        if self._freight_is_manager():
            return "freight_crm_board.board_board_action_manager"
        if self._freight_is_salesperson():
            return "freight_crm_board.board_board_action_salesperson"
        if self._freight_is_legal():
            return "freight_crm_board.board_board_action_legal"
        return "freight_crm.res_partner_action_freight_customer"

    @api.model
    def action_open_freight_home(self):
        xmlid = self.env.user._freight_home_action_xmlid()
        return self.env["ir.actions.act_window"]._for_xml_id(xmlid)
