# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..tools.roles import ANY_ROLE, DEPUTY_GM, LEGAL, MANAGER, SALESPERSON, SERVICE


class ResUsers(models.Model):
    """The Freight CRM roles of a user, asked in one place. The helpers
    answer for the user itself: a caller that lets the superuser through
    keeps its own ``self.env.su`` test."""

    _inherit = "res.users"

    def _freight_is_manager(self):
        """Freight CRM manager (the deputy general manager is one too)."""
        self.ensure_one()
        return self.has_group(MANAGER)

    def _freight_is_salesperson(self):
        """Salesperson (managers imply it)."""
        self.ensure_one()
        return self.has_group(SALESPERSON)

    def _freight_is_service(self):
        """Customer service (managers imply it)."""
        self.ensure_one()
        return self.has_group(SERVICE)

    def _freight_is_legal(self):
        """Legal reviewer of the contracts."""
        self.ensure_one()
        return self.has_group(LEGAL)

    def _freight_is_deputy_gm(self):
        """Deputy general manager (final contract approval)."""
        self.ensure_one()
        return self.has_group(DEPUTY_GM)

    def _freight_has_role(self):
        """Any Freight CRM role: salesperson, customer service or legal
        (the roles that read the customer file)."""
        self.ensure_one()
        return self.has_groups(ANY_ROLE)

    @api.model
    def _freight_demo_set_lang(self, user_ids, lang):
        """Demo data: give these users their own language when the database
        has it (``make run`` loads Chinese and English); a database without
        it keeps the language the users were created with."""
        if not self.env["res.lang"]._lang_get(lang):
            return False
        self.browse(user_ids).write({"lang": lang})
        return True
