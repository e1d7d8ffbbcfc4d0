# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every addon's committed .pot holds exactly its translatable terms, and
zh_CN.po translates all of them (refresh both with `make i18n`)."""

from pathlib import Path

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(path.parent.name for path in ROOT.glob("*/__manifest__.py"))


@tagged("post_install", "-at_install")
class TestI18nComplete(TransactionCase):
    def _i18n_dir(self, addon):
        return Path(get_module_path(addon)) / "i18n"

    def _current_terms(self, addon):
        reader = TranslationModuleReader(self.env.cr, modules=[addon])
        return {row[4] for row in reader if row[0] == addon and row[4]}

    def test_pot_matches_code(self):
        for addon in ADDONS:
            pot = polib.pofile(str(self._i18n_dir(addon) / f"{addon}.pot"))
            committed = {entry.msgid for entry in pot}
            current = self._current_terms(addon)
            self.assertEqual(
                sorted(current - committed),
                [],
                f"{addon}: terms missing from {addon}.pot, run `make i18n`",
            )
            self.assertEqual(
                sorted(committed - current),
                [],
                f"{addon}: stale terms in {addon}.pot, run `make i18n`",
            )

    def test_zh_cn_complete(self):
        for addon in ADDONS:
            i18n = self._i18n_dir(addon)
            pot = polib.pofile(str(i18n / f"{addon}.pot"))
            po = polib.pofile(str(i18n / "zh_CN.po"))
            translated = {entry.msgid for entry in po if entry.translated()}
            untranslated = sorted({entry.msgid for entry in pot} - translated)
            self.assertEqual(untranslated, [], f"{addon}: untranslated in zh_CN.po")
