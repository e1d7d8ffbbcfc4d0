"""Merge each addon's freshly exported .pot into its zh_CN.po.

Keeps every existing translation, adds new terms untranslated, drops terms
the addon no longer has, and prints what is still untranslated.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANG = "zh_CN"


def merge(addon):
    i18n = ROOT / addon / "i18n"
    pot = polib.pofile(str(i18n / f"{addon}.pot"))
    po_path = i18n / f"{LANG}.po"
    if po_path.exists():
        po = polib.pofile(str(po_path))
    else:
        po = polib.POFile()
        po.metadata = dict(pot.metadata)
        po.metadata["Language"] = LANG
        po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.merge(pot)
    # polib keeps removed terms as obsolete entries; the .po stays clean.
    for entry in po.obsolete_entries():
        po.remove(entry)
    po.save(str(po_path))
    missing = [e.msgid for e in po if not e.translated()]
    print(f"{addon}: {len(po)} terms, {len(missing)} untranslated")
    for msgid in missing:
        print(f"  - {msgid!r}")
    return not missing


if __name__ == "__main__":
    addons = sys.argv[1:]
    complete = [merge(addon) for addon in addons]
    sys.exit(0 if all(complete) else 1)
