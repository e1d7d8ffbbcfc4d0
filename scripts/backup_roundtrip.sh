#!/usr/bin/env bash
# make backup-check [DB=freight_crm] [PG_CLUSTER=run|test]: proves that a
# backup restores whole. Adds an attachment with random bytes to DB, backs
# DB up with Odoo's dump (zip: dump.sql + filestore), restores it under a
# new name, then compares the row count of every table and the restored
# attachment's bytes, prints the figures, and removes what it added.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB=${DB:-${1:-freight_crm}}
CLUSTER=${PG_CLUSTER:-run}
[[ $DB =~ ^[A-Za-z0-9_-]+$ ]] || die "DB='$DB' is not a valid database name."
bootstrap "$CLUSTER"
RT_DB=${DB}_roundtrip
WORK=$(mktemp -d)
cleanup() {
    db_exists "$RT_DB" 2>/dev/null && psql_admin -qc "DROP DATABASE \"$RT_DB\" WITH (FORCE)" || true
    rm -rf "$LOCAL/filestore/filestore/$RT_DB" "$WORK"
    stop_postgres
}
trap cleanup EXIT
db_exists "$DB" || die "No database $DB in the $CLUSTER cluster."
db_exists "$RT_DB" && die "Database $RT_DB exists (left by an interrupted check?): drop it first."
umask 077
CONF=$LOCAL/odoo-roundtrip.conf
write_odoo_conf "$CONF" 8069

head -c 100000 /dev/urandom >"$WORK/blob"
want_sha=$(sha1sum <"$WORK/blob" | cut -c1-40)
att_id=$(FREIGHT_BLOB=$WORK/blob odoo_bin shell -c "$CONF" -d "$DB" --no-http --workers=0 --log-level=warn 2>"$WORK/shell.log" <<'EOF' | grep -E '^ATT [0-9]+$' | cut -d' ' -f2
import base64, os
with open(os.environ["FREIGHT_BLOB"], "rb") as f:
    att = env["ir.attachment"].create({"name": "backup-roundtrip.bin", "raw": f.read(), "res_model": "res.partner", "res_id": env.ref("base.main_partner").id})
env.cr.commit()
print("ATT", att.id)
EOF
) || true
[ -n "$att_id" ] || die "Could not add the test attachment (see $WORK/shell.log)."

counts() {
    db_sql "$1" -c "SELECT table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
}
counts "$DB" >"$WORK/before"
start=$SECONDS
odoo_bin db -c "$CONF" dump "$DB" "$WORK/backup.zip" 2>"$WORK/dump.log" || die "Backup failed: $(tail -3 "$WORK/dump.log")"
dump_s=$((SECONDS - start))
start=$SECONDS
odoo_bin db -c "$CONF" load "$RT_DB" "$WORK/backup.zip" 2>"$WORK/load.log" || die "Restore failed: $(tail -3 "$WORK/load.log")"
load_s=$((SECONDS - start))
counts "$RT_DB" >"$WORK/after"
fname=$(db_sql "$RT_DB" -c "SELECT store_fname FROM ir_attachment WHERE id = $att_id")
got_sha=$(sha1sum <"$LOCAL/filestore/filestore/$RT_DB/$fname" 2>/dev/null | cut -c1-40 || true)
db_sha=$(db_sql "$RT_DB" -c "SELECT checksum FROM ir_attachment WHERE id = $att_id")

# Remove the test attachment from the source database again.
odoo_bin shell -c "$CONF" -d "$DB" --no-http --workers=0 --log-level=warn >/dev/null 2>&1 <<EOF || true
env["ir.attachment"].browse($att_id).unlink()
env.cr.commit()
EOF

tables=$(wc -l <"$WORK/before")
rows=$(awk '{s += $2} END {print s}' "$WORK/before")
files=$(unzip -l "$WORK/backup.zip" | grep -c ' filestore/' || true)
echo "backup-check: $DB -> $(du -h "$WORK/backup.zip" | cut -f1) zip ($files filestore files) in ${dump_s} s, restored as $RT_DB in ${load_s} s"
echo "backup-check: $tables tables, $rows rows compared; attachment $att_id sha1 $want_sha, restored $got_sha (db checksum $db_sha)"
if ! diff "$WORK/before" "$WORK/after" >"$WORK/diff"; then
    cat "$WORK/diff" >&2
    die "backup-check FAILED: row counts differ (above)."
fi
[ "$got_sha" = "$want_sha" ] && [ "$db_sha" = "$want_sha" ] || die "backup-check FAILED: the restored attachment's bytes differ."
echo "backup-check: OK, every table's row count and the attachment's bytes match."
