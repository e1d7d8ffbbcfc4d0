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

    @api.model
    def _freight_demo_run_as(self, user_id, model, method, record_ids, *args):
        """Demo data: run a workflow step in the language of the demo user who
        takes it, so that the chatter it posts and the activities it schedules
        read as that user's own (``create`` with its values logs a record the
        same way). Only public methods are run."""
        if method.startswith("_"):
            raise ValueError(f"Not a public method: {model}.{method}")
        user = self.browse(user_id)
        records = self.env[model].with_context(lang=user.lang).browse(record_ids)
        return getattr(records, method)(*args)
