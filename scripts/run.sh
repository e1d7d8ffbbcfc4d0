#!/usr/bin/env bash
# make run: bootstrap, create the database on first run, serve Odoo.
#   DEMO=1 (default) demo data and demo logins; DEMO=0 a clean company
#   database (generated admin password). Both in Chinese and English: each
#   user switches language in their preferences.
#   WORKERS=N (default 0: one threaded process) Odoo's prefork server with N
#   HTTP workers, a cron worker and the gevent (websocket) port.
#   PROXY=1 behind a reverse proxy (proxy_mode). ODOO_ARGS: more options.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PORT=${PORT:-8069}
DB=${DB:-freight_crm}
WORKERS=${WORKERS:-0}
GEVENT_PORT=${GEVENT_PORT:-$((PORT + 3))}
CRON_THREADS=${CRON_THREADS:-1}
PROXY=${PROXY:-0}
DEMO_SET=${DEMO+set}
DEMO=${DEMO:-1}

[[ $DB =~ ^[A-Za-z0-9_-]+$ ]] || die "DB='$DB' is not a valid database name: use letters, digits, '_' or '-'."
case $DB in postgres | template0 | template1) die "DB=$DB is a PostgreSQL system database: pick another name, e.g. 'make run DB=freight_crm'." ;; esac
[[ $PORT =~ ^[0-9]+$ ]] || die "PORT='$PORT' is not a port number."
[[ $WORKERS =~ ^[0-9]+$ ]] || die "WORKERS='$WORKERS' is not a number: 0 (one threaded process) or the number of HTTP worker processes, e.g. WORKERS=5."
[[ $GEVENT_PORT =~ ^[0-9]+$ ]] || die "GEVENT_PORT='$GEVENT_PORT' is not a port number."
[[ $CRON_THREADS =~ ^[0-9]+$ ]] || die "CRON_THREADS='$CRON_THREADS' is not a number."
case $DEMO in 0 | 1) ;; *) die "DEMO='$DEMO': use DEMO=1 (demo data, the default) or DEMO=0 (a clean company database)." ;; esac
case $PROXY in 0 | 1) ;; *) die "PROXY='$PROXY': use PROXY=1 behind a reverse proxy, PROXY=0 otherwise." ;; esac

bootstrap run
trap stop_postgres EXIT
ADDONS=$(project_addons)
port_free "$PORT" || die "Port $PORT is in use: stop whatever listens there, or pick another with 'make run PORT=8070'."
if [ "$WORKERS" -gt 0 ]; then
    port_free "$GEVENT_PORT" || die "Port $GEVENT_PORT (websocket, gevent) is in use: pick another with GEVENT_PORT=..."
fi

CONF=$LOCAL/odoo-run-$PORT.conf
write_odoo_conf "$CONF" "$PORT"
# Multi-process: limits sized for 2 cores / 24 GB (see docs/reliability.md):
# (workers + cron + gevent) x limit_memory_hard stays under the RAM left to
# PostgreSQL; a request may use 10 min of CPU (a re-grade of every customer
# from the web client), a cron job an hour of wall time.
if [ "$WORKERS" -gt 0 ]; then
    cat >>"$CONF" <<EOF
workers = $WORKERS
gevent_port = $GEVENT_PORT
db_maxconn = 8
db_maxconn_gevent = 16
limit_memory_soft = ${LIMIT_MEMORY_SOFT:-2147483648}
limit_memory_hard = ${LIMIT_MEMORY_HARD:-2684354560}
limit_time_cpu = ${LIMIT_TIME_CPU:-600}
limit_time_real = ${LIMIT_TIME_REAL:-1200}
limit_time_real_cron = ${LIMIT_TIME_REAL_CRON:-3600}
limit_request = 65536
EOF
fi
sed -i "s/^max_cron_threads = .*/max_cron_threads = $CRON_THREADS/" "$CONF"
[ "$PROXY" = 1 ] && sed -i 's/^proxy_mode = .*/proxy_mode = True/' "$CONF"

if [ "${RESET:-0}" = 1 ] && db_exists "$DB"; then
    say "RESET=1: dropping database $DB..."
    psql_admin -qc "DROP DATABASE \"$DB\" WITH (FORCE)"
    rm -rf "$LOCAL/filestore/filestore/$DB" "$LOCAL/admin-$DB.password"
fi

if db_exists "$DB" && ! db_has_freight "$DB"; then
    die "Database $DB already exists but does not have the freight_crm addons installed: pick another name with 'make run DB=other', or recreate it with 'make run DB=$DB RESET=1'."
fi
if db_exists "$DB" && [ "$DEMO_SET" = set ] && [ "$DEMO" = 0 ] && db_has_demo "$DB"; then
    die "Database $DB has demo data, and DEMO=0 asks for a clean one: pick another name ('make run DEMO=0 DB=mycompany') or recreate it ('make run DEMO=0 DB=$DB RESET=1')."
fi

# The filestore and everything Odoo writes: owner only.
umask 077
chmod -R go-rwx "$LOCAL/filestore"

ADMIN_PASSWORD_FILE=$LOCAL/admin-$DB.password
if ! db_exists "$DB"; then
    rm -f "$LOCAL/install-$DB.log"
    if [ "$DEMO" = 1 ]; then
        say "Creating database $DB with the freight_crm addons, demo data, Chinese (zh_CN) and English (en_US) (about two minutes)..."
        # l10n_cn: the Shanghai demo company's chart of accounts, in yuan.
        odoo_bin -c "$CONF" -d "$DB" -i "$ADDONS,l10n_cn" --with-demo --load-language=zh_CN,en_US \
            --stop-after-init --workers=0 --logfile="$LOCAL/install-$DB.log" ||
            die "Installing the addons into $DB failed: see $LOCAL/install-$DB.log (remove it with 'make run DB=$DB RESET=1')."
    else
        say "Creating database $DB with the freight_crm addons, no demo data, Chinese and English (about two minutes)..."
        odoo_bin -c "$CONF" -d "$DB" -i "$ADDONS" --load-language=zh_CN,en_US \
            --stop-after-init --workers=0 --logfile="$LOCAL/install-$DB.log" ||
            die "Installing the addons into $DB failed: see $LOCAL/install-$DB.log (remove it with 'make run DB=$DB RESET=1')."
        rm -f "$ADMIN_PASSWORD_FILE"
        ensure_secret "admin-$DB.password"
        # The password over a file, never on a command line.
        FREIGHT_ADMIN_PASSWORD_FILE=$ADMIN_PASSWORD_FILE odoo_bin shell -c "$CONF" -d "$DB" --no-http --workers=0 \
            --logfile="$LOCAL/install-$DB.log" >/dev/null <<'EOF' ||
import os
admin = env.ref("base.user_admin")
with open(os.environ["FREIGHT_ADMIN_PASSWORD_FILE"]) as f:
    admin.password = f.read().strip()
env.cr.commit()
EOF
            die "Setting the admin password of $DB failed: see $LOCAL/install-$DB.log."
        ADMIN_PASSWORD_NEW=1
    fi
fi

url="http://127.0.0.1:$PORT/web/login"
[ "$PROXY" = 1 ] && url="$url  (behind your reverse proxy: use its https:// address)"
mode="one threaded process"
[ "$WORKERS" -gt 0 ] && mode="$WORKERS HTTP workers + cron worker, websocket (gevent) on 127.0.0.1:$GEVENT_PORT"
{
    echo
    echo "  Freight CRM is starting on  $url"
    echo "  Database $DB, $mode."
    echo
    if db_has_demo "$DB"; then
        cat <<'EOF'
  Demo logins (login / password):
    admin   / admin     Administrator (Freight CRM manager)
    manager / manager   Freight CRM manager           王军
    sales   / sales     Freight CRM salesperson       李伟
    service / service   Freight CRM customer service  张敏
    legal   / legal     Contract legal reviewer       赵丽
    cs_supervisor / cs_supervisor   Customer-service supervisor (complaint ladder step 1)  陈静
    regional / regional Regional manager (complaint ladder step 2)  刘洋
EOF
    elif [ "${ADMIN_PASSWORD_NEW:-0}" = 1 ]; then
        echo "  Clean company database (no demo data). Log in as admin with the password"
        echo "      $(cat "$ADMIN_PASSWORD_FILE")"
        echo "  (shown this once; kept in $ADMIN_PASSWORD_FILE, 0600: change it after logging in)."
    else
        echo "  Clean company database (no demo data). Admin password: your own, or the"
        echo "  generated one in $ADMIN_PASSWORD_FILE."
    fi
    echo
    if [ "$MASTER_PASSWORD_NEW" = 1 ]; then
        echo "  Master password (database manager, backups), generated and shown this once:"
        echo "      $(cat "$MASTER_PASSWORD_FILE")"
        echo "  kept in $MASTER_PASSWORD_FILE (0600); the configuration holds only its hash."
    else
        echo "  Master password: in $MASTER_PASSWORD_FILE (0600)."
    fi
    echo "  The database manager is off (list_db = False): use make backup / make restore."
    echo
    echo "  Stop with Ctrl-C. Recreate the database with: make run RESET=1"
    echo
} >&2

# Odoo in the background, so that a kill of this script (not only a Ctrl-C
# on the terminal) stops Odoo gracefully; the EXIT trap then stops
# PostgreSQL, if this command started it.
ODOO_PID=
stop_odoo() {
    [ -n "$ODOO_PID" ] && kill -INT "$ODOO_PID" 2>/dev/null || true
}
trap stop_odoo INT TERM HUP
trap 'stop_odoo; stop_postgres' EXIT
# shellcheck disable=SC2086
odoo_cmd=("$VENV/bin/python" -m odoo)
[ -f "$ODOO_SRC/odoo-bin" ] && odoo_cmd=("$VENV/bin/python" "$ODOO_SRC/odoo-bin")
# Not through a shell function: $! must be Odoo itself, not a subshell.
"${odoo_cmd[@]}" -c "$CONF" -d "$DB" --db-filter="^$DB\$" ${ODOO_ARGS:-} &
ODOO_PID=$!
while kill -0 "$ODOO_PID" 2>/dev/null; do
    wait "$ODOO_PID" || true
done
ODOO_PID=
say "Odoo stopped."
