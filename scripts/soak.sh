#!/usr/bin/env bash
# make soak: the long proofs. Starts `make run WORKERS=4` on a loopback port
# against the demo database SOAK_DB (created on first use), runs the load
# proof (SOAK_CLIENTS JSON-RPC clients for SOAK_SECONDS), stops the server.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SOAK_DB=${SOAK_DB:-freight_soak}
SOAK_PORT=${SOAK_PORT:-8131}
SOAK_WORKERS=${SOAK_WORKERS:-4}
SOAK_CLIENTS=${SOAK_CLIENTS:-20}
SOAK_SECONDS=${SOAK_SECONDS:-60}
LOG=$LOCAL/soak-server.log
mkdir -p "$LOCAL"

PORT=$SOAK_PORT DB=$SOAK_DB WORKERS=$SOAK_WORKERS DEMO=1 setsid bash "$ROOT/scripts/run.sh" >"$LOG" 2>&1 &
RUN_PID=$!
trap 'kill -TERM "$RUN_PID" 2>/dev/null; wait "$RUN_PID" 2>/dev/null || true' EXIT
say "Starting Odoo ($SOAK_WORKERS workers) on 127.0.0.1:$SOAK_PORT, database $SOAK_DB (log: $LOG)..."
for _ in $(seq 600); do
    curl -s -o /dev/null -f "http://127.0.0.1:$SOAK_PORT/web/login" && break
    kill -0 "$RUN_PID" 2>/dev/null || die "The server stopped: see $LOG"
    sleep 1
done
curl -s -o /dev/null -f "http://127.0.0.1:$SOAK_PORT/web/login" || die "The server did not answer within 10 minutes: see $LOG"
"$VENV/bin/python" "$ROOT/scripts/soak_load.py" --url "http://127.0.0.1:$SOAK_PORT" --db "$SOAK_DB" \
    --login admin --password admin --clients "$SOAK_CLIENTS" --seconds "$SOAK_SECONDS"
