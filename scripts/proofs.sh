#!/usr/bin/env bash
# make proofs: the concurrency and crash-resume proofs, on the durable run
# cluster, each printing its figures (see docs/reliability.md).
#   PROOFS="concurrency crash" (default both)
#   PROOF_DB (default freight_proofs, a demo database created on first use)
#   PROOF_PORT (default 8241; the gevent port is PROOF_PORT + 3)
#   CRASH_CUSTOMERS (default 10000), see scripts/proof_crash.sh.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PROOFS=${PROOFS:-concurrency crash}
PROOF_DB=${PROOF_DB:-freight_proofs}
PROOF_PORT=${PROOF_PORT:-8241}
[[ $PROOF_DB =~ ^[A-Za-z0-9_-]+$ ]] || die "PROOF_DB='$PROOF_DB' is not a valid database name."
ODOO_SRC=$(odoo_source)
LOG=$LOCAL/proof-server.log
mkdir -p "$LOCAL"

RUN_PID=
stop_server() {
    if [ -n "$RUN_PID" ]; then
        kill -TERM "$RUN_PID" 2>/dev/null || true
        wait "$RUN_PID" 2>/dev/null || true
        RUN_PID=
    fi
}
trap stop_server EXIT

# start_server DB WORKERS: `make run` on the proof port, in the background.
start_server() {
    port_free "$PROOF_PORT" || die "Port $PROOF_PORT is in use: pick another with PROOF_PORT=..."
    PORT=$PROOF_PORT DB=$1 WORKERS=$2 DEMO=1 setsid bash "$ROOT/scripts/run.sh" >"$LOG" 2>&1 &
    RUN_PID=$!
    say "Starting Odoo ($2 workers + cron worker) on 127.0.0.1:$PROOF_PORT, database $1 (log: $LOG)..."
    for _ in $(seq 600); do
        curl -s -o /dev/null -f "http://127.0.0.1:$PROOF_PORT/web/login" && return 0
        kill -0 "$RUN_PID" 2>/dev/null || die "The server stopped: see $LOG"
        sleep 1
    done
    die "The server did not answer within 10 minutes: see $LOG"
}

concurrency_proof() {
    start_server "$PROOF_DB" 2
    local conf=$LOCAL/odoo-run-$PROOF_PORT.conf work
    work=$(mktemp -d)
    ensure_secret proof-users.password
    say "Concurrency proof: setting up evaluations, overdue complaints and due customers..."
    FREIGHT_PROOF_PASSWORD_FILE=$SECRET_FILE odoo_bin shell -c "$conf" -d "$PROOF_DB" --no-http \
        --workers=0 --max-cron-threads=0 --log-level=warn <"$ROOT/scripts/proof_concurrency_setup.py" \
        2>"$work/setup.log" | sed -n 's/^PROOF //p' >"$work/setup.json" || true
    [ -s "$work/setup.json" ] || die "The concurrency proof's setup failed: see $work/setup.log"
    local retries_before rc=0 racer
    # The cron races' direct callers: `odoo shell` processes outside the server.
    racer=$(printf '%q ' "$VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$conf" -d "$PROOF_DB" \
        --no-http --workers=0 --max-cron-threads=0 --log-level=warn)
    retries_before=$(grep -c 'tries left, try again in' "$LOG" || true)
    "$VENV/bin/python" "$ROOT/scripts/proof_concurrency.py" --url "http://127.0.0.1:$PROOF_PORT" \
        --db "$PROOF_DB" --password-file "$SECRET_FILE" --setup "$work/setup.json" \
        --server-log "$LOG" --racer-command "$racer" || rc=$?
    # What Odoo retried on the server side, kept from the clients.
    echo "concurrency: transactions Odoo retried after a serialization failure (server log): $(($(grep -c 'tries left, try again in' "$LOG" || true) - retries_before))"
    grep -oE '[A-Z_]+, [0-9] tries left' "$LOG" | sed 's/, [0-9] tries left//' | sort | uniq -c | sed 's/^/concurrency:   /' || true
    rm -rf "$work"
    stop_server
    [ "$rc" = 0 ] || die "The concurrency proof failed (above)."
}

for proof in $PROOFS; do
    case $proof in
    concurrency) concurrency_proof ;;
    crash) PROOF_DB=$PROOF_DB PROOF_PORT=$PROOF_PORT bash "$ROOT/scripts/proof_crash.sh" ;;
    *) die "PROOFS='$PROOFS': known proofs are concurrency and crash." ;;
    esac
done
