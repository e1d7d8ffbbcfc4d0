# shellcheck shell=bash
# Shared bootstrap for `make run` and `make test`: Odoo source, virtualenv,
# private PostgreSQL cluster. Sourced, never executed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_DIR=${FREIGHT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/freight_crm}
ODOO_CACHE=$CACHE_DIR/odoo-19.0
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}
VENV=${VENV:-$ROOT/.venv}
LOCAL=$ROOT/.local
PGDATA=$LOCAL/pgdata
PGSOCK=$LOCAL/pgsock
PGLOG=$LOCAL/postgresql.log
# The cluster lives in the checkout, unless the `postgres` user (who runs it
# when we are root) cannot reach the checkout, or the socket path would pass
# PostgreSQL's 107-character limit: then under /var/tmp, one per checkout.
if { [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 &&
    ! runuser -u postgres -- test -x "$ROOT"; } || [ ${#PGSOCK} -gt 90 ]; then
    PGHOME=/var/tmp/freight_crm-$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)
    PGDATA=$PGHOME/pgdata
    PGSOCK=$PGHOME/pgsock
    PGLOG=$PGHOME/postgresql.log
fi
DB_USER=odoo
MIN_PY=3.10

say() { printf '\033[1m[freight_crm]\033[0m %s\n' "$*" >&2; }
die() {
    printf '\033[1;31m[freight_crm] ERROR:\033[0m %s\n' "$*" >&2
    exit 1
}

# --- Python ---------------------------------------------------------------
find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3.12 python3.11 python3.10 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c "import sys; sys.exit(sys.version_info < (3, 10))" 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    die "Python >= $MIN_PY is required (found: $(python3 --version 2>&1 || echo none)). Install it, or point PYTHON=/path/to/python3.1x."
}

# --- Odoo source ------------------------------------------------------------
odoo_source() {
    if [ -n "${ODOO_SOURCE:-}" ]; then
        [ -f "$ODOO_SOURCE/odoo/release.py" ] ||
            die "ODOO_SOURCE=$ODOO_SOURCE is not an Odoo source tree (no odoo/release.py). Point it at a checkout of odoo/odoo 19.0."
        echo "$ODOO_SOURCE"
        return 0
    fi
    if [ ! -f "$ODOO_CACHE/odoo/release.py" ]; then
        say "No Odoo source in $ODOO_CACHE: fetching odoo/odoo 19.0 (about 400 MB)..."
        mkdir -p "$CACHE_DIR"
        rm -rf "$ODOO_CACHE.partial"
        if ! git clone --quiet --depth 1 --branch 19.0 "$ODOO_GIT_URL" "$ODOO_CACHE.partial" 2>"$CACHE_DIR/clone.log"; then
            rm -rf "$ODOO_CACHE.partial"
            die "No Odoo 19.0 source and it cannot be downloaded (see $CACHE_DIR/clone.log). Set ODOO_SOURCE=/path/to/odoo-19.0 or unpack Odoo 19.0 into $ODOO_CACHE."
        fi
        mv "$ODOO_CACHE.partial" "$ODOO_CACHE"
    fi
    echo "$ODOO_CACHE"
}

# --- Virtualenv ---------------------------------------------------------------
# The stamp records what the venv was built from; a different source or
# requirements set rebuilds it, an identical one is reused in a second.
ensure_venv() {
    local src=$1 python stamp want
    python=$(find_python)
    want="$src|$(cat "$src/requirements.txt" "$ROOT/requirements-dev.txt" | sha1sum | cut -c1-12)|$("$python" -V 2>&1)"
    stamp=$VENV/.freight_stamp
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    say "Creating the virtualenv in $VENV (first run only, a few minutes)..."
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
    local pip="$VENV/bin/python -m pip --disable-pip-version-check --quiet"
    $pip install --upgrade 'pip>=25.3' 'setuptools<81' wheel
    mkdir -p "$LOCAL"
    # python-ldap needs system headers and only serves auth_ldap.
    grep -v -i '^python-ldap' "$src/requirements.txt" >"$LOCAL/odoo-requirements.txt"
    printf 'setuptools<81\n' >"$LOCAL/build-constraints.txt"
    $pip install --build-constraint "$LOCAL/build-constraints.txt" -r "$LOCAL/odoo-requirements.txt" ||
        die "Installing Odoo's Python requirements failed (see above). Check network access to PyPI."
    # compat mode: a plain .pth entry, so Odoo does not warn about an
    # "__editable__" addons path at every start.
    $pip install --no-deps --config-settings editable_mode=compat -e "$src" ||
        die "Installing Odoo from $src failed (see above)."
    $pip install -c "$LOCAL/odoo-requirements.txt" -r "$ROOT/requirements-dev.txt" ||
        die "Installing helpdesk_mgmt and the test tools failed (see above). Check network access to PyPI."
    echo "$want" >"$stamp"
}

# --- PostgreSQL ---------------------------------------------------------------
find_pg_bindir() {
    local dir
    for dir in ${PG_BINDIR:-} $(pg_config --bindir 2>/dev/null || true) /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian: apt-get install postgresql) or set PG_BINDIR=/usr/lib/postgresql/15/bin."
}

# PostgreSQL refuses to run as root: the cluster then belongs to `postgres`.
as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || die "Running as root needs a 'postgres' system user to own the database cluster (useradd -r postgres), or run as a normal user."
        # From /, which `postgres` can always enter, whatever the checkout's
        # permissions.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

pg_running() {
    as_pg_owner "$PG_BINDIR/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

PG_STARTED_HERE=0

ensure_postgres() {
    PG_BINDIR=$(find_pg_bindir)
    mkdir -p "$LOCAL" "$(dirname "$PGDATA")"
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in $PGDATA..."
        rm -rf "$PGDATA"
        mkdir -p "$PGDATA" "$PGSOCK"
        [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA" "$PGSOCK"
        as_pg_owner "$PG_BINDIR/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C >"$LOCAL/initdb.log" 2>&1 ||
            die "initdb failed, see $LOCAL/initdb.log"
        # Unix socket only, inside the checkout: no TCP port to collide with.
        cat >>"$PGDATA/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$PGSOCK'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    fi
    if ! pg_running; then
        mkdir -p "$PGSOCK"
        [ "$(id -u)" = 0 ] && chown postgres: "$PGSOCK" && touch "$PGLOG" && chown postgres: "$PGLOG"
        # Own session, so a Ctrl-C meant for Odoo does not also hit PostgreSQL.
        as_pg_owner setsid -w "$PG_BINDIR/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 start >/dev/null ||
            die "PostgreSQL did not start, see $PGLOG"
        PG_STARTED_HERE=1
    fi
    if ! psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1; then
        psql_admin -qc "CREATE ROLE $DB_USER LOGIN CREATEDB" >/dev/null
    fi
}

# Only stop a cluster this command started: another `make run` may use it.
stop_postgres() {
    if [ "$PG_STARTED_HERE" = 1 ] && pg_running; then
        as_pg_owner "$PG_BINDIR/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

psql_admin() {
    as_pg_owner "$PG_BINDIR/psql" -h "$PGSOCK" -U postgres -d postgres -X "$@"
}

db_exists() {
    psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1
}

db_has_freight() {
    as_pg_owner "$PG_BINDIR/psql" -h "$PGSOCK" -U postgres -d "$1" -X -tAc \
        "SELECT count(*) FROM ir_module_module WHERE name IN ('freight_crm','freight_crm_complaints','freight_crm_visits') AND state='installed'" 2>/dev/null | grep -q '^3$'
}

# --- Odoo -----------------------------------------------------------------------
# Every folder of the checkout with a manifest is one of the project's addons.
project_addons() {
    local manifest names=()
    for manifest in "$ROOT"/*/__manifest__.py; do
        names+=("$(basename "$(dirname "$manifest")")")
    done
    (IFS=,; echo "${names[*]}")
}

write_odoo_conf() {
    local conf=$1 port=$2
    cat >"$conf" <<EOF
[options]
addons_path = $ROOT
data_dir = $LOCAL/filestore
db_host = $PGSOCK
db_user = $DB_USER
http_interface = 127.0.0.1
http_port = $port
list_db = False
proxy_mode = False
max_cron_threads = 1
EOF
}

odoo_bin() {
    "$VENV/bin/python" -m odoo "$@"
}

port_free() {
    "$VENV/bin/python" - "$1" <<'EOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
EOF
}

bootstrap() {
    local src
    src=$(odoo_source)
    ensure_venv "$src"
    ensure_postgres
}
