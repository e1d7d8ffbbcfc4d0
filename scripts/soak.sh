#!/usr/bin/env bash
# make soak: the long proofs, one after the other, all their figures
# printed again together at the end (see docs/reliability.md):
#   load         `make run WORKERS=SOAK_WORKERS` on a loopback port against
#                the demo database SOAK_DB (created on first use),
#                SOAK_CLIENTS JSON-RPC clients for SOAK_SECONDS;
#   concurrency  scripts/proofs.sh: WORKERS=2 + cron worker, evaluations
#                confirmed at once, each cron raced by its cron worker,
#                "Run manually" and direct calls;
#   crash        scripts/proofs.sh: SIGKILL half-way through the re-grade
#                and the planning over CRASH_CUSTOMERS customers, resumed.
#   SOAK_PARTS="load concurrency crash" (default all three) selects;
#   `make proofs` is SOAK_PARTS="concurrency crash".
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SOAK_PARTS=${SOAK_PARTS:-load concurrency crash}
SOAK_DB=${SOAK_DB:-freight_soak}
SOAK_PORT=${SOAK_PORT:-8131}
SOAK_WORKERS=${SOAK_WORKERS:-4}
SOAK_CLIENTS=${SOAK_CLIENTS:-20}
SOAK_SECONDS=${SOAK_SECONDS:-60}
LOG=$LOCAL/soak-server.log
mkdir -p "$LOCAL"
FIGURES=$(mktemp)
RUN_PID=
stop_server() {
    if [ -n "$RUN_PID" ]; then
        kill -TERM "$RUN_PID" 2>/dev/null || true
        wait "$RUN_PID" 2>/dev/null || true
        RUN_PID=
    fi
}
trap 'stop_server; rm -f "$FIGURES"' EXIT

load_proof() {
    port_free "$SOAK_PORT" || die "Port $SOAK_PORT is in use: pick another with SOAK_PORT=..."
    PORT=$SOAK_PORT DB=$SOAK_DB WORKERS=$SOAK_WORKERS DEMO=1 setsid bash "$ROOT/scripts/run.sh" >"$LOG" 2>&1 &
    RUN_PID=$!
    say "Starting Odoo ($SOAK_WORKERS workers) on 127.0.0.1:$SOAK_PORT, database $SOAK_DB (log: $LOG)..."
    for _ in $(seq 600); do
        curl -s -o /dev/null -f "http://127.0.0.1:$SOAK_PORT/web/login" && break
        kill -0 "$RUN_PID" 2>/dev/null || die "The server stopped: see $LOG"
        sleep 1
    done
    curl -s -o /dev/null -f "http://127.0.0.1:$SOAK_PORT/web/login" || die "The server did not answer within 10 minutes: see $LOG"
    local rc=0
    "$VENV/bin/python" "$ROOT/scripts/soak_load.py" --url "http://127.0.0.1:$SOAK_PORT" --db "$SOAK_DB" \
        --login admin --password admin --clients "$SOAK_CLIENTS" --seconds "$SOAK_SECONDS" |
        tee -a "$FIGURES" || rc=$?
    stop_server
    return "$rc"
}

started=$SECONDS
failed=
proofs=
for part in $SOAK_PARTS; do
    case $part in
    load) load_proof || failed+=" load" ;;
    concurrency | crash) proofs+=" $part" ;;
    *) die "SOAK_PARTS='$SOAK_PARTS': the parts are load, concurrency and crash." ;;
    esac
done
for part in $proofs; do
    PROOFS=$part bash "$ROOT/scripts/proofs.sh" 2>&1 | tee -a "$FIGURES" || failed+=" $part"
done

echo
say "Figures ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB RAM, $((SECONDS - started)) s in all):"
grep -E '^(load|concurrency|crash): ' "$FIGURES" || true
[ -z "$failed" ] || die "Failed:$failed (above)."
say "Passed: $SOAK_PARTS."
