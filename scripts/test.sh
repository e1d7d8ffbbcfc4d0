#!/usr/bin/env bash
# make test: bootstrap, install the addons into a throwaway database (any
# WARNING or ERROR in the install log fails, like OCA's checklog), then run
# pytest-odoo over every addon's tests/ and the top-level tests/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TEST_DB=${TEST_DB:-freight_crm_test_$$}
[[ $TEST_DB =~ ^[A-Za-z0-9_-]+$ ]] || die "TEST_DB='$TEST_DB' is not a valid database name."

bootstrap test
ADDONS=$(project_addons)

cleanup() {
    if [ "${KEEP_DB:-0}" != 1 ] && db_exists "$TEST_DB"; then
        psql_admin -qc "DROP DATABASE \"$TEST_DB\" WITH (FORCE)" || true
        rm -rf "$LOCAL/filestore/filestore/$TEST_DB"
    fi
    stop_postgres
}
trap cleanup EXIT

if db_exists "$TEST_DB"; then
    [ "${REUSE_DB:-0}" = 1 ] ||
        die "Test database $TEST_DB already exists: drop it, or run with REUSE_DB=1 to test against it as it is."
fi

CONF=$LOCAL/odoo-test.conf
write_odoo_conf "$CONF" 8069
INSTALL_LOG=$LOCAL/test-install.log

if ! db_exists "$TEST_DB"; then
    say "Installing $ADDONS with demo data into $TEST_DB..."
    rm -f "$INSTALL_LOG"
    start=$SECONDS
    odoo_bin -c "$CONF" -d "$TEST_DB" -i "$ADDONS" --with-demo --stop-after-init \
        --log-level=info --logfile="$INSTALL_LOG" ||
        die "Installing the addons failed: see $INSTALL_LOG"
    say "Installed in $((SECONDS - start)) s."
    # checklog: any WARNING, ERROR or CRITICAL record fails the run.
    if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$INSTALL_LOG" >"$LOCAL/test-install-problems.log"; then
        cat "$LOCAL/test-install-problems.log" >&2
        die "The install log has warnings or errors (above; full log in $INSTALL_LOG): fix them."
    fi
fi

if [ "${REUSE_DB:-0}" = 1 ] && [ "${UPDATE_DB:-0}" = 1 ]; then
    say "Updating $ADDONS in $TEST_DB..."
    odoo_bin -c "$CONF" -d "$TEST_DB" -u "$ADDONS" --stop-after-init \
        --log-level=warn --logfile="$LOCAL/test-update.log" ||
        die "Updating the addons failed: see $LOCAL/test-update.log"
fi

say "Running pytest-odoo..."
set +e
(cd "$ROOT" && "$VENV/bin/python" -m pytest -p no:cacheprovider \
    --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-log-level=warn --odoo-http \
    "$@" ${TEST_PATHS:-${ADDONS//,/ } tests}) 2>&1 | tee "$LOCAL/pytest.log"
rc=${PIPESTATUS[0]}
set -e
case $rc in
0) say "All tests passed." ;;
5) die "pytest collected no tests: every addon must have tests." ;;
*) die "Tests failed (pytest exit code $rc)." ;;
esac

if [ "${SKIP_UNINSTALL:-0}" != 1 ]; then
    say "Uninstalling the addons from $TEST_DB (must leave no warning or error)..."
    UNINSTALL_LOG=$LOCAL/test-uninstall.log
    rm -f "$UNINSTALL_LOG"
    FREIGHT_ADDONS=$ADDONS odoo_bin shell -c "$CONF" -d "$TEST_DB" --no-http \
        --logfile="$UNINSTALL_LOG" <"$ROOT/scripts/uninstall_check.py" ||
        die "Uninstalling the addons failed: see $UNINSTALL_LOG"
    if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$UNINSTALL_LOG" >&2; then
        die "The uninstall log has warnings or errors (above; full log in $UNINSTALL_LOG): fix them."
    fi
fi
# pytest's closing line, last.
grep -E '^=+ .*(passed|failed).* in [0-9.]+s' "$LOCAL/pytest.log" | tail -1
