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

    def _freight_is_staff(self):
        """Sales or service staff: an internal user who is a salesperson or
        in customer service (who keeps training hours and is appraised)."""
        self.ensure_one()
        return not self.share and (
            self._freight_is_salesperson() or self._freight_is_service()
        )

    def _freight_is_legal(self):
        """Legal reviewer of the contracts."""
        self.ensure_one()
        return self.has_group(LEGAL)

    def _freight_is_deputy_gm(self):
        """Deputy general manager (final contract approval)."""
        self.ensure_one()
        return self.has_group(DEPUTY_GM)

    def _freight_has_role(self, groups=ANY_ROLE):
        """Whether the user has one of ``groups`` (XML ids, comma-separated:
        a step's approving group, a guard policy's group); by default any
        Freight CRM role: salesperson, customer service or legal (the roles
        that read the customer file)."""
        self.ensure_one()
        return self.has_groups(groups)

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
        # Odoo logs the tracked changes of a transaction at its commit, all in
        # the language of the first change: the changes made before the step
        # are logged now, the step's own after it, each in its language (no
        # "中国 → China" line for a value read in two languages).
        self._freight_demo_flush_tracking()
        result = getattr(records, method)(*args)
        self._freight_demo_flush_tracking()
        return result

    @api.model
    def _freight_demo_flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    @api.model
    def _freight_demo_load_terms(self, model, lang):
        """The translations of the model's modules, loaded now rather than
        once their install is over: the grade names, selection labels and
        activity types a demo step writes into the chatter are read in the
        user's language while the module's demo data loads."""
        if not lang or lang == "en_US" or not self.env["res.lang"]._lang_get(lang):
            return
        # On the cursor, not in its precommit data, which the tracking flush
        # of each demo step clears.
        loaded = self.env.cr.cache.setdefault("freight_demo_terms", set())
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
