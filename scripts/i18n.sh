#!/usr/bin/env bash
# make i18n: refresh every addon's i18n/<addon>.pot from a fresh install and
# merge it into i18n/zh_CN.po (existing translations kept, new terms empty).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB=freight_crm_i18n_$$
bootstrap
IFS=, read -r -a ADDONS <<<"$(project_addons)"
cleanup() {
    db_exists "$DB" && psql_admin -qc "DROP DATABASE \"$DB\" WITH (FORCE)"
    stop_postgres
}
trap cleanup EXIT
CONF=$LOCAL/odoo-i18n.conf
write_odoo_conf "$CONF" 8069
say "Installing the addons into $DB to export their terms..."
odoo_bin -c "$CONF" -d "$DB" -i "$(IFS=,; echo "${ADDONS[*]}")" --with-demo --stop-after-init \
    --logfile="$LOCAL/i18n-install.log" || die "Install failed, see $LOCAL/i18n-install.log"
odoo_bin i18n export -c "$CONF" -d "$DB" "${ADDONS[@]}" 2>>"$LOCAL/i18n-install.log" ||
    die "Export failed, see $LOCAL/i18n-install.log"
"$VENV/bin/python" "$ROOT/scripts/i18n_merge.py" "${ADDONS[@]}"
