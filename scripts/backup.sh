#!/usr/bin/env bash
# make backup [DB=freight_crm] [FILE=...]: Odoo's own backup format, the zip
# the database manager makes (dump.sql + filestore + manifest.json).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB=${DB:-freight_crm}
BACKUP_DIR=${BACKUP_DIR:-$LOCAL/backups}
[[ $DB =~ ^[A-Za-z0-9_-]+$ ]] || die "DB='$DB' is not a valid database name."

bootstrap run
trap stop_postgres EXIT
db_exists "$DB" || die "No database $DB in $PGDATA: name the one to back up with 'make backup DB=...'."
FILE=${FILE:-$BACKUP_DIR/$DB-$(date -u +%Y%m%d-%H%M%S).zip}
umask 077
mkdir -p "$(dirname "$FILE")"
[ -e "$FILE" ] && die "$FILE already exists: pick another FILE=..."
CONF=$LOCAL/odoo-backup.conf
write_odoo_conf "$CONF" 8069
start=$SECONDS
odoo_bin db -c "$CONF" dump "$DB" "$FILE.partial" 2>"$LOCAL/backup.log" ||
    { rm -f "$FILE.partial"; die "Backing up $DB failed: see $LOCAL/backup.log"; }
mv "$FILE.partial" "$FILE"
say "Backed up $DB to $FILE ($(du -h "$FILE" | cut -f1), $((SECONDS - start)) s). Copy it off this machine."
