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
        self._freight_demo_load_terms(model, user.lang)
        records = self.env[model].with_context(lang=user.lang).browse(record_ids)
        return getattr(records, method)(*args)

    @api.model
    def _freight_demo_load_terms(self, model, lang):
        """The translations of the model's modules, loaded now rather than
        once their install is over: the grade names, selection labels and
        activity types a demo step writes into the chatter are read in the
        user's language while the module's demo data loads."""
        if not lang or lang == "en_US":
            return
        loaded = self.env.cr.precommit.data.setdefault("freight_demo_terms", set())
        # The modules that define or extend the model, installed or being
        # installed (ir.model's ``modules`` lists installed ones only).
        modules = (
            self.env["ir.model.data"]
            .sudo()
            .search(
                [
                    ("model", "=", "ir.model"),
                    ("res_id", "=", self.env["ir.model"]._get_id(model)),
                ]
            )
            .mapped("module")
        )
        todo = [name for name in modules if (name, lang) not in loaded]
        if todo:
            self.env["ir.module.module"]._load_module_terms(todo, [lang])
            loaded.update((name, lang) for name in todo)
            # Selection labels and the like are cached per language.
            self.env.invalidate_all()
            self.env.registry.clear_cache()
