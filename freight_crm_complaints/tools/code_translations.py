# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Code terms (Python ``_()`` and JavaScript) of the addons translated in
``i18n_extra``.

Odoo reads code translations from the PO files inside the addon itself, at
run time, never from the database: the portal's sort and search labels of
helpdesk_mgmt ("Newest", "Search in Title"...) would stay English. The
reader is extended once, when this addon is imported, to add the terms of
``i18n_extra/<addon>/<lang>.po``; the addon's own files keep precedence.
"""

from odoo.tools import file_open
from odoo.tools.translate import CodeTranslations

from .i18n_extra import extra_po_paths

_odoo_get_code_translations = CodeTranslations._get_code_translations


def _get_code_translations(module_name, lang, filter_func):
    translations = _odoo_get_code_translations(module_name, lang, filter_func)
    extra = {}
    for po_path in extra_po_paths(module_name, lang):
        with file_open(po_path, mode="rb") as fileobj:
            extra.update(
                CodeTranslations._read_code_translations_file(fileobj, filter_func)
            )
    return {**extra, **translations}


if not getattr(_odoo_get_code_translations, "_freight_i18n_extra", False):
    _get_code_translations._freight_i18n_extra = True
    CodeTranslations._get_code_translations = staticmethod(_get_code_translations)
