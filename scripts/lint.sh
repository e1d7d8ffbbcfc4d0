#!/usr/bin/env bash
# make lint: ruff (check + format --check) and pylint-odoo's mandatory checks.
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
[ $status = 0 ] || die "Lint found problems (above): fix them, or run '.venv/bin/ruff format .' for formatting."
say "Lint clean."
