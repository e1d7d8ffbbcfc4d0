# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResUsers(models.Model):
    """Customer service lands on the complaints dashboard, unless a manager."""

    _inherit = "res.users"  # pylint: disable=consider-merging-classes-inherited

    def _freight_home_action_xmlid(self):
        if self._freight_is_service() and not self._freight_is_manager():
            return "freight_crm_complaints.board_board_action_service"
        return super()._freight_home_action_xmlid()
