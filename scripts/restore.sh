#!/usr/bin/env bash
# make restore FILE=backup.zip [DB=name] [FORCE=1]: load a zip made by
# make backup or by Odoo's database manager (database + filestore).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

FILE=${FILE:-}
[ -n "$FILE" ] || die "Name the backup to restore: make restore FILE=.local/backups/freight_crm-....zip [DB=name]"
[ -f "$FILE" ] || die "FILE=$FILE: no such file."
DB=${DB:-$(basename "$FILE" .zip)}
[[ $DB =~ ^[A-Za-z0-9_-]+$ ]] || die "DB='$DB' is not a valid database name: pass DB=... (letters, digits, '_' or '-')."
case $DB in postgres | template0 | template1) die "DB=$DB is a PostgreSQL system database: pick another name." ;; esac

bootstrap run
trap stop_postgres EXIT
force=()
if db_exists "$DB"; then
    [ "${FORCE:-0}" = 1 ] ||
        die "Database $DB exists: restore under another name (DB=...), or replace it with FORCE=1 (stop 'make run' on it first)."
    force=(--force)
fi
umask 077
CONF=$LOCAL/odoo-restore.conf
write_odoo_conf "$CONF" 8069
start=$SECONDS
odoo_bin db -c "$CONF" load "${force[@]}" "$DB" "$FILE" 2>"$LOCAL/restore.log" ||
    die "Restoring $FILE into $DB failed: see $LOCAL/restore.log"
db_has_freight "$DB" || say "Note: $DB does not have the freight_crm addons installed."
say "Restored $FILE into database $DB ($((SECONDS - start)) s). Serve it with: make run DB=$DB"
