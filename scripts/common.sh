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
# The clusters live in the checkout's .local, unless the `postgres` user (who
# runs them when we are root) cannot reach the checkout, or the socket path
# would pass PostgreSQL's 107-character limit: then under /var/tmp, one
# directory per checkout.
PGHOME=$LOCAL
if { [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 &&
    ! runuser -u postgres -- test -x "$ROOT"; } || [ ${#LOCAL} -gt 83 ]; then
    PGHOME=/var/tmp/freight_crm-$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)
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
# Two private clusters per checkout, side by side:
#   run  (make run, make backup/restore, make soak): durable -- fsync,
#        synchronous commit and full-page writes on -- it holds the data;
#   test (make test): a throwaway cluster with durability off, for speed.
# Both listen on a Unix socket only (no TCP port), in a directory only its
# owner can enter. No `trust`: the `postgres` superuser by peer
# authentication for the OS user owning the cluster, every other role by
# password (scram-sha-256), no replication entry. Settings, pg_hba.conf and
# pg_ident.conf are rewritten and reloaded at every start, so a cluster made
# by an older checkout gets them on the next `make run`.
PG_MODE=run

select_cluster() {
    PG_MODE=${1:-run}
    local suffix=
    [ "$PG_MODE" = test ] && suffix=-test
    PGDATA=$PGHOME/pgdata$suffix
    PGSOCK=$PGHOME/pgsock$suffix
    PGLOG=$PGHOME/postgresql$suffix.log
}

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

pg_owner_name() {
    if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi
}

pg_running() {
    as_pg_owner "$PG_BINDIR/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

# A secret in .local, generated once, readable by its owner only. Sets
# SECRET_FILE, and SECRET_NEW=1 when it was just generated.
ensure_secret() {
    SECRET_FILE=$LOCAL/$1
    SECRET_NEW=0
    if [ ! -s "$SECRET_FILE" ]; then
        (umask 077 && "$(find_python)" -c "import secrets; print(secrets.token_urlsafe(18))" >"$SECRET_FILE.new") &&
            mv "$SECRET_FILE.new" "$SECRET_FILE"
        SECRET_NEW=1
    fi
    chmod 600 "$SECRET_FILE"
}

# Write stdin to a file of the cluster, as its owner, owner-only.
pg_write() {
    as_pg_owner sh -c 'umask 077 && cat >"$1"' sh "$1"
}

pg_managed_config() {
    local durable=on
    [ "$PG_MODE" = test ] && durable=off
    pg_write "$PGDATA/freight_crm.conf" <<EOF
# Managed by freight_crm (scripts/common.sh): rewritten at every start.
listen_addresses = ''
unix_socket_directories = '$PGSOCK'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
fsync = $durable
synchronous_commit = $durable
full_page_writes = $durable
EOF
    pg_write "$PGDATA/pg_hba.conf" <<'EOF'
# Managed by freight_crm (scripts/common.sh): rewritten at every start.
# No trust, no replication entry. The superuser only by peer authentication
# for the OS user owning the cluster (pg_ident.conf); every role by password.
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 peer map=owner
local   all       all                      scram-sha-256
host    all       all       127.0.0.1/32   scram-sha-256
host    all       all       ::1/128        scram-sha-256
EOF
    pg_write "$PGDATA/pg_ident.conf" <<EOF
# Managed by freight_crm (scripts/common.sh): rewritten at every start.
owner   $(pg_owner_name)   postgres
EOF
    # Older checkouts appended their settings to postgresql.conf: drop them;
    # the include, last, wins over whatever else remains.
    as_pg_owner sed -i -e '/^fsync = off$/d' -e '/^synchronous_commit = off$/d' -e '/^full_page_writes = off$/d' \
        -e "/^listen_addresses = ''\$/d" -e '/^unix_socket_directories = /d' "$PGDATA/postgresql.conf"
    as_pg_owner grep -qx "include = 'freight_crm.conf'" "$PGDATA/postgresql.conf" ||
        echo "include = 'freight_crm.conf'" | as_pg_owner sh -c 'cat >>"$1"' sh "$PGDATA/postgresql.conf"
}

PG_STARTED_HERE=0

# ensure_postgres [run|test]
ensure_postgres() {
    select_cluster "${1:-run}"
    PG_BINDIR=$(find_pg_bindir)
    mkdir -p "$LOCAL" "$PGHOME"
    # .local holds secrets (0600 each) and the filestore (0700): others may
    # at most pass through it, when the `postgres` user must reach a cluster
    # inside.
    if [ "$(id -u)" = 0 ] && [ "$PGHOME" = "$LOCAL" ]; then
        chmod 711 "$LOCAL"
    else
        chmod 700 "$LOCAL"
    fi
    if [ "$PGHOME" != "$LOCAL" ]; then
        [ "$(id -u)" = 0 ] && chown postgres: "$PGHOME"
        chmod 700 "$PGHOME"
    fi
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster ($PG_MODE) in $PGDATA..."
        rm -rf "$PGDATA"
        mkdir -p "$PGDATA"
        [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA"
        as_pg_owner "$PG_BINDIR/initdb" -D "$PGDATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
            -E UTF8 --locale=C >"$LOCAL/initdb-$PG_MODE.log" 2>&1 ||
            die "initdb failed, see $LOCAL/initdb-$PG_MODE.log"
    fi
    mkdir -p "$PGSOCK"
    [ "$(id -u)" = 0 ] && chown postgres: "$PGSOCK"
    chmod 700 "$PGSOCK"
    pg_managed_config
    if pg_running; then
        # Every managed setting, pg_hba.conf and pg_ident.conf reload live.
        as_pg_owner "$PG_BINDIR/pg_ctl" -D "$PGDATA" reload >/dev/null
        sleep 1
    else
        [ "$(id -u)" = 0 ] && touch "$PGLOG" && chown postgres: "$PGLOG"
        # Own session, so a Ctrl-C meant for Odoo does not also hit PostgreSQL.
        as_pg_owner setsid -w "$PG_BINDIR/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 start >/dev/null ||
            die "PostgreSQL did not start, see $PGLOG"
        PG_STARTED_HERE=1
    fi
    check_pg_settings
    ensure_secret "db-$DB_USER-$PG_MODE.password"
    DB_PASSWORD=$(cat "$SECRET_FILE")
    # Over stdin: the password never shows on a command line.
    printf "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s; END IF; END\$\$;\nALTER ROLE %s WITH LOGIN CREATEDB NOSUPERUSER PASSWORD '%s';\n" \
        "$DB_USER" "$DB_USER" "$DB_USER" "$DB_PASSWORD" | psql_admin -q -v ON_ERROR_STOP=1 >/dev/null ||
        die "Could not set up the $DB_USER role in $PGDATA (see $PGLOG)."
}

# The run cluster must be durable: a setting that did not take (pinned by
# ALTER SYSTEM in postgresql.auto.conf, say) stops here rather than serve.
check_pg_settings() {
    local want=on got
    [ "$PG_MODE" = test ] && want=off
    got=$(psql_admin -tAc "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'full_page_writes', 'synchronous_commit')") ||
        die "Cannot connect to the PostgreSQL cluster in $PGDATA as postgres (see $PGLOG)."
    if [ "$got" != "fsync=$want full_page_writes=$want synchronous_commit=$want" ]; then
        [ "$PG_MODE" = run ] &&
            die "The PostgreSQL cluster in $PGDATA runs with $got: it must be durable (all on). Look for ALTER SYSTEM settings in $PGDATA/postgresql.auto.conf (ALTER SYSTEM RESET <name>) and restart it."
        say "Note: the test cluster runs with $got."
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

db_sql() {
    local db=$1
    shift
    as_pg_owner "$PG_BINDIR/psql" -h "$PGSOCK" -U postgres -d "$db" -X -tA "$@"
}

db_has_freight() {
    db_sql "$1" -c "SELECT count(*) FROM ir_module_module WHERE name IN ('freight_crm','freight_crm_complaints','freight_crm_visits') AND state='installed'" 2>/dev/null | grep -q '^3$'
}

# Whether the database was installed with demo data.
db_has_demo() {
    db_sql "$1" -c "SELECT demo FROM ir_module_module WHERE name='base'" 2>/dev/null | grep -q '^t$'
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

# The master password (database manager): generated once into
# .local/master.password (0600); the configuration holds only its hash.
MASTER_PASSWORD_FILE=$LOCAL/master.password
MASTER_PASSWORD_NEW=0
master_password_hash() {
    "$VENV/bin/python" -c "import sys; from passlib.context import CryptContext
print(CryptContext(schemes=['pbkdf2_sha512'], pbkdf2_sha512__rounds=600_000).hash(sys.stdin.read().strip()))" <"$MASTER_PASSWORD_FILE"
}

# write_odoo_conf FILE PORT: the base configuration, owner-only (it holds
# the database password). Callers append their own options.
write_odoo_conf() {
    local conf=$1 port=$2 hash
    ensure_secret master.password
    [ "$SECRET_NEW" = 1 ] && MASTER_PASSWORD_NEW=1
    hash=$(master_password_hash)
    mkdir -p "$LOCAL/filestore"
    chmod 700 "$LOCAL/filestore"
    (umask 077 && cat >"$conf") <<EOF
[options]
addons_path = $ROOT
data_dir = $LOCAL/filestore
db_host = $PGSOCK
db_user = $DB_USER
db_password = $DB_PASSWORD
admin_passwd = $hash
http_interface = 127.0.0.1
http_port = $port
list_db = False
proxy_mode = False
max_cron_threads = 1
EOF
    chmod 600 "$conf"
}

# Through odoo-bin, not `python -m odoo`: the prefork server re-executes
# sys.argv[0] to start its gevent (websocket) process.
odoo_bin() {
    if [ -n "${ODOO_SRC:-}" ] && [ -f "$ODOO_SRC/odoo-bin" ]; then
        "$VENV/bin/python" "$ODOO_SRC/odoo-bin" "$@"
    else
        "$VENV/bin/python" -m odoo "$@"
    fi
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

# bootstrap [run|test]: Odoo source, virtualenv, and that PostgreSQL cluster.
bootstrap() {
    local src
    src=$(odoo_source)
    ODOO_SRC=$src
    ensure_venv "$src"
    ensure_postgres "${1:-run}"
}
