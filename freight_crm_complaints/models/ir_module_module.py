# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models
from odoo.tools.translate import TranslationImporter

from ..tools.i18n_extra import extra_po_paths, translated_modules

_logger = logging.getLogger(__name__)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False):
        """Load as well the translations this addon ships in ``i18n_extra``
        for other addons, whenever those addons or this one get their terms
        (language loaded or updated, either addon installed or updated).

        The translated addons' own files and this addon's keep precedence:
        the extra terms are loaded before them when overwriting, after them
        (filling only what is untranslated) otherwise.
        """
        if overwrite:
            self._freight_load_extra_terms(modules, langs, overwrite)
        result = super()._load_module_terms(modules, langs, overwrite=overwrite)
        if not overwrite:
            self._freight_load_extra_terms(modules, langs, overwrite)
        return result

    @api.model
    def _freight_load_extra_terms(self, modules, langs, overwrite):
        targets = [
            name
            for name in translated_modules()
            if name in modules
            or (
                "freight_crm_complaints" in modules
                and self._get(name).state in ("installed", "to install", "to upgrade")
            )
        ]
        if not targets:
            return
        importer = TranslationImporter(self.env.cr, verbose=False)
        for module_name in targets:
            for lang in langs:
                for po_path in extra_po_paths(module_name, lang):
                    _logger.info(
                        "module %s: loading translation file %s for language %s",
                        module_name,
                        po_path,
                        lang,
                    )
                    importer.load_file(po_path, lang)
        importer.save(overwrite=overwrite)
