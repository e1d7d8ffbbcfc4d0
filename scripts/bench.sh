#!/usr/bin/env bash
# make bench [N=100000] [BENCH_DB=freight_crm_bench] [PROFILE=dir] [UPDATE=1]
# [JOBS=regrade,planning,views,escalation]:
# install the addons (no demo) into a scratch database once, then run
# benchmarks/bench.py on it: N customers and complaints generated, each cron
# timed beside its SQL lower bound, one table printed.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BENCH_DB=${BENCH_DB:-freight_crm_bench}
[[ $BENCH_DB =~ ^[A-Za-z0-9_-]+$ ]] || die "BENCH_DB='$BENCH_DB' is not a valid database name."
bootstrap test
CONF=$LOCAL/odoo-bench.conf
write_odoo_conf "$CONF" "${BENCH_HTTP_PORT:-8299}"
ADDONS=$(project_addons)
if ! db_exists "$BENCH_DB"; then
    say "Installing $ADDONS into the scratch database $BENCH_DB..."
    odoo_bin -c "$CONF" -d "$BENCH_DB" -i "$ADDONS" --stop-after-init \
        --log-level=warn --logfile="$LOCAL/bench-install.log" ||
        die "Installing the addons failed: see $LOCAL/bench-install.log"
elif [ "${UPDATE:-0}" = 1 ]; then
    odoo_bin -c "$CONF" -d "$BENCH_DB" -u "$ADDONS" --stop-after-init \
        --log-level=warn --logfile="$LOCAL/bench-update.log" ||
        die "Updating the addons failed: see $LOCAL/bench-update.log"
fi
# Each run on a fresh copy of the installed database, dropped afterwards:
# no clean-up of 100,000 rows, the same start every time.
RUN_DB=${BENCH_DB}_run
drop_run_db() {
    psql_admin -qc "DROP DATABASE IF EXISTS \"$RUN_DB\" WITH (FORCE)" || true
    stop_postgres
}
trap drop_run_db EXIT
psql_admin -qc "DROP DATABASE IF EXISTS \"$RUN_DB\" WITH (FORCE)"
psql_admin -qc "CREATE DATABASE \"$RUN_DB\" TEMPLATE \"$BENCH_DB\""
ARGS=(-c "$CONF" -d "$RUN_DB" -n "${N:-100000}")
[ -n "${PROFILE:-}" ] && mkdir -p "$PROFILE" && ARGS+=(--profile "$PROFILE")
[ -n "${JOBS:-}" ] && ARGS+=(--jobs "$JOBS")
"$VENV/bin/python" "$ROOT/benchmarks/bench.py" "${ARGS[@]}"
