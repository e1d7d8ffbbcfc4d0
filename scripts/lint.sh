#!/usr/bin/env bash
# make lint: ruff (check + format --check), pylint-odoo's mandatory checks
# and OCA's oca-checks-odoo-module / oca-checks-po.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_venv "$(odoo_source)"
cd "$ROOT"
IFS=, read -r -a ADDON_DIRS <<<"$(project_addons)"
status=0
say "ruff check"
"$VENV/bin/ruff" check . || status=1
say "ruff format --check"
"$VENV/bin/ruff" format --check . || status=1
say "pylint-odoo (mandatory checks, valid-odoo-versions=19.0)"
"$VENV/bin/pylint" --rcfile=.pylintrc-mandatory "${ADDON_DIRS[@]}" || status=1
say "oca-checks-odoo-module (manifests, XML, CSV)"
"$VENV/bin/oca-checks-odoo-module" "${ADDON_DIRS[@]}" || status=1
say "README.rst of each addon up to date with its readme/ fragments"
"$VENV/bin/python" scripts/gen_addon_readme.py --check || status=1
say "oca-checks-po (translations)"
PO_FILES=()
for addon in "${ADDON_DIRS[@]}"; do PO_FILES+=("$addon"/i18n/*.po*); done
"$VENV/bin/oca-checks-po" "${PO_FILES[@]}" || status=1
[ $status = 0 ] || die "Lint found problems (above): fix them, or run '.venv/bin/ruff format .' for formatting."
say "Lint clean."
