#!/usr/bin/env bash
# Crash-resume proof (run by `make proofs`): the quarterly re-grade and the
# visit planning over CRASH_CUSTOMERS (default 10,000) generated customers,
# killed with SIGKILL half-way and resumed, end in the state an
# uninterrupted run reaches.
#
# 1. base: a copy of PROOF_DB (a demo database) plus CRASH_CUSTOMERS signed
#    customers due for a visit, copied in one SQL statement from a demo
#    customer, each given a grade in turn (so the re-grade changes most of
#    them); every cron parked a month ahead, so only the proof starts one.
# 2. reference: a copy of base served by Odoo (WORKERS=2 + a cron worker);
#    the re-grade cron is triggered and runs to its end, then the planning
#    cron. Both crons are black boxes: started through ir.cron, finished
#    when Odoo's scheduler has rescheduled them.
# 3. crash: another copy; the same triggers, but the whole server (master,
#    HTTP, cron and gevent processes) is killed with SIGKILL once about 40%
#    of the reference's rows of that job are committed; the server is then
#    restarted, its cron worker resumes the job, and the cron is triggered
#    once more.
# 4. both copies fingerprinted: the row count of every table, the partners'
#    rows, and the content of the rows the two jobs create (grade history,
#    visits, activities, messages), without ids and timestamps, which a
#    killed transaction legitimately shifts. They must be equal, and every
#    generated customer must have exactly one planned visit.
# The proof databases are dropped at the end unless KEEP_PROOF_DBS=1.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PROOF_DB=${PROOF_DB:-freight_proofs}
PROOF_PORT=${PROOF_PORT:-8241}
CRASH_CUSTOMERS=${CRASH_CUSTOMERS:-10000}
KILL_AT=${KILL_AT:-40}
[[ $CRASH_CUSTOMERS =~ ^[0-9]+$ ]] || die "CRASH_CUSTOMERS='$CRASH_CUSTOMERS' is not a number."
[[ $KILL_AT =~ ^[0-9]+$ ]] && [ "$KILL_AT" -gt 0 ] && [ "$KILL_AT" -lt 100 ] ||
    die "KILL_AT='$KILL_AT': the percentage of the job done at which the server is killed (1-99)."
bootstrap run
BASE=${PROOF_DB}_crash_base
REF=${PROOF_DB}_crash_ref
CRASH=${PROOF_DB}_crash_kill
WORK=$(mktemp -d)
CONF=$LOCAL/odoo-proof-crash.conf
SERVER_PID=

stop_server() { # graceful
    if [ -n "$SERVER_PID" ]; then
        kill -INT "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}
kill_server() { # SIGKILL to every process of the server's process group
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}
drop_db() {
    if db_exists "$1"; then psql_admin -qc "DROP DATABASE \"$1\" WITH (FORCE)"; fi
    rm -rf "$LOCAL/filestore/filestore/$1"
}
cleanup() {
    [ -n "$SERVER_PID" ] && kill_server
    if [ "${KEEP_PROOF_DBS:-0}" != 1 ]; then
        for db in "$BASE" "$REF" "$CRASH"; do drop_db "$db"; done
    fi
    rm -rf "$WORK"
    stop_postgres
}
trap cleanup EXIT

db_exists "$PROOF_DB" || die "No database $PROOF_DB: create it with 'make proofs PROOFS=concurrency' or 'make run DB=$PROOF_DB'."
db_has_demo "$PROOF_DB" || die "$PROOF_DB has no demo data: the proof copies a demo customer."
port_free "$PROOF_PORT" || die "Port $PROOF_PORT is in use: pick another with PROOF_PORT=..."
umask 077

copy_db() { # copy_db FROM TO
    drop_db "$2"
    psql_admin -qc "CREATE DATABASE \"$2\" TEMPLATE \"$1\"" || die "Cannot copy $1 (is a server still connected to it?)"
    if [ -d "$LOCAL/filestore/filestore/$1" ]; then
        mkdir -p "$LOCAL/filestore/filestore"
        cp -a "$LOCAL/filestore/filestore/$1" "$LOCAL/filestore/filestore/$2"
    fi
}

# --- 1. The base: generated customers -----------------------------------------
say "Crash proof: copying $PROOF_DB and generating $CRASH_CUSTOMERS customers..."
copy_db "$PROOF_DB" "$BASE"
start=$SECONDS
db_sql "$BASE" -v ON_ERROR_STOP=1 -q <<EOF
DO \$\$
DECLARE cols text; vals text; template integer;
BEGIN
    SELECT res_id INTO template FROM ir_model_data
     WHERE module = 'freight_crm' AND name = 'partner_demo_customer_02';
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
           string_agg(CASE column_name
                WHEN 'name' THEN \$q\$p.name || ' #' || g\$q\$
                WHEN 'complete_name' THEN \$q\$p.name || ' #' || g\$q\$
                WHEN 'display_name' THEN \$q\$p.name || ' #' || g\$q\$
                WHEN 'email' THEN \$q\$'crash' || g || '@example.com'\$q\$
                WHEN 'ref' THEN 'NULL'
                WHEN 'vat' THEN 'NULL'
                WHEN 'commercial_partner_id' THEN 'NULL'
                WHEN 'freight_regrade_quarter' THEN 'NULL'
                WHEN 'freight_next_visit_date' THEN 'current_date'
                -- Every grade in turn: most customers' grade changes.
                WHEN 'freight_grade_id' THEN '(SELECT array_agg(id ORDER BY id) FROM freight_customer_grade)[1 + g % (SELECT count(*) FROM freight_customer_grade)]'
                ELSE 'p.' || quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
      INTO cols, vals
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'res_partner' AND column_name <> 'id';
    EXECUTE format('INSERT INTO res_partner (%s) SELECT %s FROM res_partner p, generate_series(1, %s) g WHERE p.id = %s',
                   cols, vals, $CRASH_CUSTOMERS, template);
    UPDATE res_partner SET commercial_partner_id = id WHERE commercial_partner_id IS NULL;
END
\$\$;
-- Only the proof starts a cron; no trigger left over.
UPDATE ir_cron SET nextcall = (now() AT TIME ZONE 'UTC') + interval '30 days' WHERE active;
DELETE FROM ir_cron_trigger;
-- Remembered: the generated customers.
CREATE TABLE proof_crash_customers AS
    SELECT id FROM res_partner WHERE email LIKE 'crash%@example.com';
EOF
say "Generated $(db_sql "$BASE" -c 'SELECT count(*) FROM proof_crash_customers') customers in $((SECONDS - start)) s."

# --- Server, triggers, progress ---------------------------------------------------
write_odoo_conf "$CONF" "$PROOF_PORT"
cat >>"$CONF" <<EOF
workers = 2
gevent_port = $((PROOF_PORT + 3))
limit_time_real_cron = 3600
limit_time_cpu = 600
limit_time_real = 1200
EOF

start_server() { # start_server DB LOGNAME
    port_free "$PROOF_PORT" || die "Port $PROOF_PORT is in use."
    setsid "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$1" --db-filter="^$1\$" \
        --logfile="$LOCAL/proof-crash-$2.log" &
    SERVER_PID=$!
    for _ in $(seq 300); do
        curl -s -o /dev/null -f "http://127.0.0.1:$PROOF_PORT/web/login" && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || die "The server stopped: see $LOCAL/proof-crash-$2.log"
        sleep 1
    done
    die "The server did not answer: see $LOCAL/proof-crash-$2.log"
}

cron_id() { # cron_id DB XMLID
    db_sql "$1" -c "SELECT res_id FROM ir_model_data WHERE model = 'ir.cron' AND module || '.' || name = '$2'"
}

# trigger DB CRON_ID: what ir.cron._trigger() does, then its notification
# (on the postgres database, where the cron workers listen).
trigger() {
    db_sql "$1" -c "INSERT INTO ir_cron_trigger (cron_id, call_at, create_date, write_date) VALUES ($2, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')" >/dev/null
    psql_admin -qtAc "SELECT pg_notify('cron_trigger', '$1')" >/dev/null
}

# Finished: rescheduled by the scheduler after T0, no trigger due, not running.
job_done() { # job_done DB CRON_ID T0
    [ "$(db_sql "$1" -c "SELECT count(*) FROM ir_cron c
        WHERE c.id = $2 AND c.lastcall >= date_trunc('second', '$3'::timestamp)
          AND c.nextcall > now() AT TIME ZONE 'UTC'
          AND NOT EXISTS (SELECT 1 FROM ir_cron_trigger t WHERE t.cron_id = c.id AND t.call_at <= now() AT TIME ZONE 'UTC')")" = 1 ] &&
        [ "$(db_sql "$1" -c "SELECT count(*) FROM (SELECT id FROM ir_cron WHERE id = $2 FOR UPDATE SKIP LOCKED) s")" = 1 ]
}

wait_done() { # wait_done DB CRON_ID T0
    for _ in $(seq 3600); do
        job_done "$@" && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || die "The server stopped during the job."
        sleep 1
    done
    die "The job did not finish within an hour."
}

# The committed rows the jobs write: a black-box measure of progress.
effect() { # effect DB T0
    db_sql "$1" -c "SELECT (SELECT count(*) FROM res_partner WHERE write_date >= '$2')
        + (SELECT count(*) FROM freight_customer_grade_history)
        + (SELECT count(*) FROM freight_visit)
        + (SELECT count(*) FROM mail_activity)
        + (SELECT count(*) FROM mail_message)"
}

db_now() { db_sql "$1" -c "SELECT now() AT TIME ZONE 'UTC'"; }

# --- 4. Fingerprint -------------------------------------------------------------------
# Tables the scheduler, the bus and the logins write on their own, and the
# attachments (web asset bundles are built at each server's first page).
MACHINERY="'ir_cron', 'ir_cron_progress', 'ir_cron_trigger', 'bus_bus', 'bus_presence', 'ir_logging', 'res_users_log', 'res_device', 'res_device_log', 'ir_attachment'"
digest() { # digest DB TABLE [EXTRA EXCLUDED COLUMNS...]: rows without timestamps
    local db=$1 table=$2 excl
    shift 2
    excl=$(db_sql "$db" -c "SELECT string_agg(quote_literal(column_name), ', ') FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = '$table'
          AND (data_type LIKE 'timestamp%' OR column_name IN ('write_uid', 'create_uid'$(printf ", '%s'" "$@")))")
    db_sql "$db" -c "SELECT md5(coalesce(string_agg(r, E'\n' ORDER BY r), '')) FROM (SELECT (to_jsonb(x) - ARRAY[$excl]::text[])::text AS r FROM \"$table\" x) s"
}
fingerprint() { # fingerprint DB > file
    local db=$1
    db_sql "$db" -c "SELECT 'rows ' || table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text
        FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ($MACHINERY) ORDER BY 1"
    echo "res_partner $(digest "$db" res_partner)"
    echo "freight_customer_grade_history $(digest "$db" freight_customer_grade_history id)"
    # A visit's name and id come from sequences, which a killed transaction
    # advances: left out, like the ids the activities and messages point to.
    echo "freight_visit $(digest "$db" freight_visit id name)"
    echo "mail_activity $(digest "$db" mail_activity id res_id res_name)"
    db_sql "$db" -c "SELECT 'mail_message ' || md5(coalesce(string_agg(r, E'\n' ORDER BY r), '')) FROM (
        SELECT concat_ws('|', model, CASE WHEN model = 'res.partner' THEN res_id END, message_type, subtype_id, author_id,
                         CASE WHEN model = 'res.partner' THEN body::text END) AS r FROM mail_message) s"
}

# exactly_once DB: generated customers without / with more than one planned visit.
visit_figures() {
    db_sql "$1" -c "SELECT count(*) FILTER (WHERE n = 0) || ' ' || count(*) FILTER (WHERE n > 1) || ' ' || sum(n)
        FROM (SELECT c.id, count(v.id) AS n FROM proof_crash_customers c
              LEFT JOIN freight_visit v ON v.partner_id = c.id AND v.state = 'planned' GROUP BY c.id) s"
}

REGRADE=freight_crm.ir_cron_freight_regrade
PLAN=freight_crm_visits.ir_cron_freight_plan_visits

# --- 2. The reference: uninterrupted runs --------------------------------------------
declare -A REF_SECONDS REF_DELTA
copy_db "$BASE" "$REF"
start_server "$REF" ref
for job in $REGRADE $PLAN; do
    id=$(cron_id "$REF" "$job")
    t0=$(db_now "$REF")
    before=$(effect "$REF" "$t0")
    start=$SECONDS
    trigger "$REF" "$id"
    wait_done "$REF" "$id" "$t0"
    REF_SECONDS[$job]=$((SECONDS - start))
    REF_DELTA[$job]=$(($(effect "$REF" "$t0") - before))
    echo "crash: reference $job: ${REF_SECONDS[$job]} s, ${REF_DELTA[$job]} rows written"
done
stop_server
fingerprint "$REF" >"$WORK/ref.fp"

# --- 3. The crash: SIGKILL half-way, restart, run again ---------------------------------
copy_db "$BASE" "$CRASH"
start_server "$CRASH" crash-1
run=1
for job in $REGRADE $PLAN; do
    id=$(cron_id "$CRASH" "$job")
    t0=$(db_now "$CRASH")
    before=$(effect "$CRASH" "$t0")
    target=$((${REF_DELTA[$job]} * KILL_AT / 100))
    start=$SECONDS
    trigger "$CRASH" "$id"
    done_rows=0
    while [ "$done_rows" -lt "$target" ]; do
        job_done "$CRASH" "$id" "$t0" && die "The $job job finished before it could be killed: raise CRASH_CUSTOMERS or lower KILL_AT."
        sleep 0.1
        done_rows=$(($(effect "$CRASH" "$t0") - before))
    done
    kill_server
    killed=$(($(effect "$CRASH" "$t0") - before))
    echo "crash: $job: server SIGKILLed after $((SECONDS - start)) s, $killed of ${REF_DELTA[$job]} rows committed ($((100 * killed / ${REF_DELTA[$job]}))%)"
    run=$((run + 1))
    start_server "$CRASH" "crash-$run"
    # The restarted cron worker resumes the job (its trigger was never
    # consumed); triggered once more, as an operator would.
    t1=$(db_now "$CRASH")
    trigger "$CRASH" "$id"
    wait_done "$CRASH" "$id" "$t1"
    echo "crash: $job: restarted and run again, done $((SECONDS - start)) s after the first start; $(($(effect "$CRASH" "$t0") - before)) rows written in all"
done
stop_server
fingerprint "$CRASH" >"$WORK/crash.fp"

# --- Verdict ----------------------------------------------------------------------------------
read -r ref_none ref_twice ref_visits <<<"$(visit_figures "$REF")"
read -r crash_none crash_twice crash_visits <<<"$(visit_figures "$CRASH")"
history_ref=$(db_sql "$REF" -c "SELECT count(*) FROM freight_customer_grade_history h JOIN proof_crash_customers c ON c.id = h.partner_id")
history_crash=$(db_sql "$CRASH" -c "SELECT count(*) FROM freight_customer_grade_history h JOIN proof_crash_customers c ON c.id = h.partner_id")
echo "crash: generated customers: $CRASH_CUSTOMERS; planned visits: reference $ref_visits, crashed $crash_visits; without one: $ref_none / $crash_none; with two or more: $ref_twice / $crash_twice"
echo "crash: grade history rows of the generated customers: reference $history_ref, crashed $history_crash"
echo "crash: $(wc -l <"$WORK/ref.fp") fingerprint lines compared ($(grep -c '^rows ' "$WORK/ref.fp") tables' row counts, 5 content digests)"
failed=0
if ! diff "$WORK/ref.fp" "$WORK/crash.fp" >"$WORK/diff"; then
    cat "$WORK/diff" >&2
    echo "crash: FAILED: the crashed run's final state differs from the reference (above: < reference, > crashed)." >&2
    failed=1
fi
if [ "$crash_none" != 0 ] || [ "$crash_twice" != 0 ] || [ "$ref_none" != 0 ] || [ "$ref_twice" != 0 ]; then
    echo "crash: FAILED: a generated customer has no planned visit, or more than one." >&2
    failed=1
fi
[ "$failed" = 0 ] || die "Crash proof failed (logs: KEEP_PROOF_DBS=1 keeps the databases)."
echo "crash: OK, the killed and resumed runs end in the reference state: nothing applied twice, no row lost."
