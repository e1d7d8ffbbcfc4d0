#!/usr/bin/env bash
# The durability and lock-down `make run` promises, checked on what the
# bootstrap generates, without starting a server (run by `make test`):
# - the run cluster's managed configuration, written by pg_managed_config
#   into a scratch data directory over a postgresql.conf carrying an older
#   checkout's `fsync = off` lines, read back by PostgreSQL itself
#   (`postgres -C`): fsync, synchronous_commit, full_page_writes on, no TCP,
#   socket 0700, scram passwords;
# - its pg_hba.conf: peer or scram-sha-256 only, no trust, no replication;
# - the Odoo configuration written by write_odoo_conf: 0600, the master
#   password's hash only (and it verifies), list_db off, filestore 0700,
#   master password file 0600;
# - the socket directory of every cluster of this checkout that exists: 0700.
# Prints one line per check; exits non-zero if any failed.
# BOOTSTRAP_CHECK_TAMPER="fsync trust" (tests/test_bootstrap_durability.py)
# checks the check: `fsync = off` appended to the generated postgresql.conf,
# a `trust` rule to its pg_hba.conf, each must make it fail.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_BINDIR=${PG_BINDIR:-$(find_pg_bindir)}
SRC=${ODOO_SRC:-$(odoo_source)}
ensure_venv "$SRC"
REAL_LOCAL=$LOCAL
REAL_PGHOME=$PGHOME
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
chmod 711 "$SCRATCH"
failures=0

ok() { printf 'bootstrap-check: ok    %s\n' "$*"; }
bad() {
    printf 'bootstrap-check: FAIL  %s\n' "$*" >&2
    failures=$((failures + 1))
}
expect() { # expect WHAT GOT WANT
    if [ "$2" = "$3" ]; then ok "$1 = $2"; else bad "$1 = '$2', expected '$3'"; fi
}
mode_of() { stat -c %a "$1"; }

# --- PostgreSQL: the run cluster's configuration ----------------------------
select_cluster run
PGDATA=$SCRATCH/pgdata
PGSOCK=$SCRATCH/pgsock
mkdir -p "$PGDATA"
# What initdb writes, then what older checkouts appended: the managed
# include must win over it.
printf "max_connections = 100\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nlisten_addresses = ''\n" >"$PGDATA/postgresql.conf"
[ "$(id -u)" = 0 ] && chown -R postgres: "$PGDATA"
chmod 700 "$PGDATA"
pg_managed_config
for tamper in ${BOOTSTRAP_CHECK_TAMPER:-}; do
    case $tamper in
    fsync) as_pg_owner sh -c 'echo "fsync = off" >>"$1/postgresql.conf"' sh "$PGDATA" ;;
    trust) as_pg_owner sh -c 'echo "local all all trust" >>"$1/pg_hba.conf"' sh "$PGDATA" ;;
    *) die "BOOTSTRAP_CHECK_TAMPER='$BOOTSTRAP_CHECK_TAMPER': fsync or trust." ;;
    esac
done

pg_setting() {
    as_pg_owner "$PG_BINDIR/postgres" -D "$PGDATA" -C "$1" 2>/dev/null
}
for name in fsync synchronous_commit full_page_writes; do
    expect "run cluster $name" "$(pg_setting "$name")" on
done
expect "run cluster listen_addresses" "$(pg_setting listen_addresses)" ""
# postgres -C prints the mode in decimal.
expect "run cluster unix_socket_permissions" "$(printf '%04o' "$(pg_setting unix_socket_permissions)")" 0700
expect "run cluster password_encryption" "$(pg_setting password_encryption)" scram-sha-256
expect "run cluster unix_socket_directories" "$(pg_setting unix_socket_directories)" "$PGSOCK"
if as_pg_owner grep -Eq '^(fsync|synchronous_commit|full_page_writes) = off$' "$PGDATA/postgresql.conf"; then
    bad "postgresql.conf still carries an older checkout's durability-off lines"
else
    ok "older checkouts' durability-off lines removed from postgresql.conf"
fi

# pg_hba.conf: every rule peer or scram-sha-256, no trust, no replication.
hba=$(as_pg_owner cat "$PGDATA/pg_hba.conf" | grep -Ev '^[[:space:]]*(#|$)')
methods=$(awk '{print ($1 == "local") ? $4 : $5}' <<<"$hba" | sort -u | tr '\n' ' ')
expect "pg_hba methods" "$methods" "peer scram-sha-256 "
if grep -qw trust <<<"$hba"; then bad "pg_hba has a trust rule"; else ok "pg_hba: no trust rule"; fi
if awk '{print $2}' <<<"$hba" | grep -qw replication; then
    bad "pg_hba has a replication rule"
else
    ok "pg_hba: no replication rule"
fi
expect "pg_hba superuser rule" "$(grep -w postgres <<<"$hba" | tr -s ' ')" "local all postgres peer map=owner"
expect "pg_ident owner map" "$(as_pg_owner grep -v '^#' "$PGDATA/pg_ident.conf" | tr -s ' ')" "owner $(pg_owner_name) postgres"
for file in freight_crm.conf pg_hba.conf pg_ident.conf; do
    expect "$file mode" "$(mode_of "$PGDATA/$file")" 600
done

# --- Odoo configuration and secrets -------------------------------------------
LOCAL=$SCRATCH/local
mkdir -p "$LOCAL"
MASTER_PASSWORD_FILE=$LOCAL/master.password
DB_PASSWORD=${DB_PASSWORD:-scratch}
write_odoo_conf "$SCRATCH/odoo.conf" 8069
expect "odoo configuration mode" "$(mode_of "$SCRATCH/odoo.conf")" 600
expect "master password file mode" "$(mode_of "$MASTER_PASSWORD_FILE")" 600
expect "filestore directory mode" "$(mode_of "$LOCAL/filestore")" 700
expect "list_db" "$(sed -n 's/^list_db = //p' "$SCRATCH/odoo.conf")" False
if grep -qF "$(cat "$MASTER_PASSWORD_FILE")" "$SCRATCH/odoo.conf"; then
    bad "the configuration holds the master password in clear"
else
    ok "the configuration does not hold the master password in clear"
fi
verified=$(sed -n 's/^admin_passwd = //p' "$SCRATCH/odoo.conf" | "$VENV/bin/python" -c "
import sys
from passlib.context import CryptContext
hashed = sys.stdin.read().strip()
with open(sys.argv[1]) as f:
    secret = f.read().strip()
ctx = CryptContext(schemes=['pbkdf2_sha512'])
print(hashed.startswith('\$pbkdf2-sha512\$') and ctx.verify(secret, hashed))
" "$MASTER_PASSWORD_FILE")
expect "admin_passwd is a pbkdf2-sha512 hash of the master password" "$verified" True

# --- The live clusters of this checkout ---------------------------------------
for dir in "$REAL_PGHOME/pgsock" "$REAL_PGHOME/pgsock-test" "$REAL_LOCAL/filestore"; do
    if [ -d "$dir" ]; then
        expect "$dir mode" "$(mode_of "$dir")" 700
    fi
done

[ "$failures" = 0 ] || die "bootstrap-check: $failures check(s) failed (above)."
say "bootstrap-check: the run cluster's configuration is durable and locked down."
