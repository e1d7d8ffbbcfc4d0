# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Translations this addon ships for other addons (``i18n_extra/<addon>/``).

OCA helpdesk_mgmt has no Chinese translation: ours is kept here, one folder
per translated addon, and loaded for that addon as if it were its own.
"""

import os

from odoo.tools.translate import get_base_langs

I18N_EXTRA_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n_extra")


def translated_modules():
    """The addons this addon ships translations for."""
    return sorted(
        name
        for name in os.listdir(I18N_EXTRA_DIR)
        if os.path.isdir(os.path.join(I18N_EXTRA_DIR, name))
    )


def extra_po_paths(module_name, lang):
    """The PO files shipped here for ``module_name`` in ``lang``, base
    language first (``zh.po`` then ``zh_CN.po``), as Odoo orders its own."""
    for base_lang in get_base_langs(lang):
        path = os.path.join(I18N_EXTRA_DIR, module_name, f"{base_lang}.po")
        if os.path.isfile(path):
            yield path
