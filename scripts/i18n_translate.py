"""Fill translations in a .po file from a JSON object {msgid: msgstr}.

Usage: python scripts/i18n_translate.py ADDON/i18n/zh_CN.po terms.json
Prints the msgids still untranslated.
"""

import json
import sys

import polib


def main(po_path, json_path):
    with open(json_path, encoding="utf-8") as handle:
        mapping = json.load(handle)
    po = polib.pofile(po_path)
    for entry in po:
        if entry.msgid in mapping:
            entry.msgstr = mapping[entry.msgid]
    po.save(po_path)
    for entry in po:
        if not entry.translated():
            print(entry.msgid)


if __name__ == "__main__":
    main(*sys.argv[1:3])
