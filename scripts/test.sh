#!/usr/bin/env bash
# make test: bootstrap, install the addons into a throwaway database, check
# a backup round trip of that database (scripts/backup_roundtrip.sh), then
# 1. pytest-odoo over every addon's tests/ and the top-level tests/ (among
#    them tests/test_bootstrap_durability.py: the configuration `make run`
#    generates, scripts/check_bootstrap.sh);
# 2. Odoo's own test runner (as OCA CI runs it) over our addons' tests and
#    the upstream suites we extend (helpdesk_mgmt, survey, sale's order
#    confirmation tests), on the same database;
# 3. uninstall every addon again.
# Every log (install, both test runs, uninstall) goes through OCA's
# checklog-odoo: any WARNING or ERROR fails the run.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TEST_DB=${TEST_DB:-freight_crm_test_$$}
[[ $TEST_DB =~ ^[A-Za-z0-9_-]+$ ]] || die "TEST_DB='$TEST_DB' is not a valid database name."
# Upstream suites run by Odoo's runner against our addons (see README).
# Their at_install tests need the whole registry loaded, which Odoo's runner
# only gives post_install tests on an installed database: pytest-odoo runs
# those suites whole, Odoo's runner their post_install part and the sale
# classes that confirm orders.
UPSTREAM_TEST_TAGS=${UPSTREAM_TEST_TAGS-post_install/helpdesk_mgmt,post_install/survey,/sale:TestAccessRights,/sale:TestSaleToInvoice,/sale:TestSaleOrder}

bootstrap test
ADDONS=$(project_addons)
ODOO_SRC=$(odoo_source)
UPSTREAM_PYTEST_PATHS=${UPSTREAM_PYTEST_PATHS-$(echo "$VENV"/lib/python3*/site-packages/odoo/addons/helpdesk_mgmt/tests) $ODOO_SRC/addons/survey/tests}
CONF=$LOCAL/odoo-test.conf

cleanup() {
    if [ "${KEEP_DB:-0}" != 1 ] && db_exists "$TEST_DB"; then
        odoo_bin db -c "$CONF" drop "$TEST_DB" >/dev/null 2>&1 ||
            psql_admin -qc "DROP DATABASE \"$TEST_DB\" WITH (FORCE)" || true
    fi
    stop_postgres
}
trap cleanup EXIT

free_port() {
    "$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

psql_db() {
    local db=$1
    shift
    as_pg_owner "$PG_BINDIR/psql" -h "$PGSOCK" -U postgres -d "$db" -X "$@"
}

# checklog LOGFILE WHAT: fail on any WARNING, ERROR or CRITICAL record.
checklog() {
    if ! "$VENV/bin/checklog-odoo" --no-err-if-empty "$1" >"$1.problems" 2>&1; then
        cat "$1.problems" >&2
        die "The $2 log has warnings or errors (above; full log in $1): fix them."
    fi
}

if db_exists "$TEST_DB"; then
    [ "${REUSE_DB:-0}" = 1 ] ||
        die "Test database $TEST_DB already exists: drop it, or run with REUSE_DB=1 to test against it as it is."
fi

# A free port: test runs of several checkouts may run side by side.
write_odoo_conf "$CONF" "${TEST_HTTP_PORT:-$(free_port)}"

if ! db_exists "$TEST_DB"; then
    say "Installing $ADDONS with demo data into $TEST_DB..."
    INSTALL_LOG=$LOCAL/test-install.log
    rm -f "$INSTALL_LOG"
    start=$SECONDS
    odoo_bin -c "$CONF" -d "$TEST_DB" -i "$ADDONS" --with-demo --stop-after-init \
        --log-level=info --logfile="$INSTALL_LOG" ||
        die "Installing the addons failed: see $INSTALL_LOG"
    say "Installed in $((SECONDS - start)) s."
    checklog "$INSTALL_LOG" install
elif [ "${REUSE_DB:-0}" = 1 ] && [ "${UPDATE_DB:-0}" = 1 ]; then
    say "Updating $ADDONS in $TEST_DB..."
    odoo_bin -c "$CONF" -d "$TEST_DB" -u "$ADDONS" --stop-after-init \
        --log-level=warn --logfile="$LOCAL/test-update.log" ||
        die "Updating the addons failed: see $LOCAL/test-update.log"
fi

# A backup round trip of the test database (SKIP_BACKUP_CHECK=1 skips it).
# The durable, locked-down configuration `make run` generates is checked by
# tests/test_bootstrap_durability.py (scripts/check_bootstrap.sh).
if [ "${SKIP_BACKUP_CHECK:-0}" != 1 ]; then
    PG_CLUSTER=test DB="$TEST_DB" bash "$ROOT/scripts/backup_roundtrip.sh"
fi

say "Running pytest-odoo..."
PYTEST_ODOO_LOG=$LOCAL/test-pytest-odoo.log
rm -f "$PYTEST_ODOO_LOG"
set +e
(cd "$ROOT" && "$VENV/bin/python" -m pytest -p no:cacheprovider \
    --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-log-level=warn --odoo-http \
    --odoo-extra "logfile=$PYTEST_ODOO_LOG" \
    --ignore-glob='*/helpdesk_mgmt/tests/test_js.py' \
    "$@" ${TEST_PATHS:-${ADDONS//,/ } tests $UPSTREAM_PYTEST_PATHS}) 2>&1 | tee "$LOCAL/pytest.log"
rc=${PIPESTATUS[0]}
set -e
case $rc in
0) say "All pytest-odoo tests passed." ;;
5) die "pytest collected no tests: every addon must have tests." ;;
*) die "Tests failed (pytest exit code $rc)." ;;
esac
checklog "$PYTEST_ODOO_LOG" pytest-odoo

if [ "${SKIP_ODOO_RUNNER:-0}" != 1 ]; then
    TAGS=$(printf '/%s,' ${ADDONS//,/ })$UPSTREAM_TEST_TAGS
    say "Running Odoo's test runner: ${TAGS%,}..."
    RUNNER_LOG=$LOCAL/test-odoo-runner.log
    rm -f "$RUNNER_LOG"
    start=$SECONDS
    odoo_bin -c "$CONF" -d "$TEST_DB" --test-enable --test-tags "${TAGS%,}" \
        --http-port="$(free_port)" --stop-after-init --log-level=test \
        --logfile="$RUNNER_LOG" ||
        { grep -E ' (ERROR|CRITICAL) ' "$RUNNER_LOG" | head -40 >&2; die "Odoo's test runner failed: see $RUNNER_LOG"; }
    checklog "$RUNNER_LOG" "Odoo test runner"
    say "Odoo's test runner passed in $((SECONDS - start)) s: $(grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$RUNNER_LOG" | tail -1)"
fi

if [ "${SKIP_UNINSTALL:-0}" != 1 ]; then
    say "Uninstalling the addons from $TEST_DB (must leave no warning or error)..."
    UNINSTALL_LOG=$LOCAL/test-uninstall.log
    rm -f "$UNINSTALL_LOG"
    odoo_bin module uninstall -c "$CONF" -d "$TEST_DB" ${ADDONS//,/ } \
        >>"$UNINSTALL_LOG" 2>&1 || die "Uninstalling the addons failed: see $UNINSTALL_LOG"
    left=$(psql_db "$TEST_DB" -tAc "SELECT string_agg(name, ', ') FROM ir_module_module WHERE name IN ('${ADDONS//,/\',\'}') AND state != 'uninstalled'")
    [ -z "$left" ] || die "Not uninstalled: $left (see $UNINSTALL_LOG)."
    checklog "$UNINSTALL_LOG" uninstall
fi
# pytest's closing line, last.
grep -E '^=+ .*(passed|failed).* in [0-9.]+s' "$LOCAL/pytest.log" | tail -1
