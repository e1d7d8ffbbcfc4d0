# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _freight_is_complaint_leader(self):
        """Leaders approve complaint solutions before they are executed."""
        self.ensure_one()
        return self._freight_has_role(
            "freight_crm_complaints.group_complaint_supervisor,"
            "helpdesk_mgmt.group_helpdesk_manager"
        )
