# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _freight_demo_set_lang(self, user_ids, lang):
        """Demo data: give these users their own language when the database
        has it (``make run`` loads Chinese and English); a database without
        it keeps the language the users were created with."""
        if not self.env["res.lang"]._lang_get(lang):
            return False
        self.browse(user_ids).write({"lang": lang})
        return True
