#!/usr/bin/env bash
# make run: bootstrap, create the demo database on first run, serve Odoo.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PORT=${PORT:-8069}
DB=${DB:-freight_crm}

[[ $DB =~ ^[A-Za-z0-9_-]+$ ]] || die "DB='$DB' is not a valid database name: use letters, digits, '_' or '-'."
case $DB in postgres | template0 | template1) die "DB=$DB is a PostgreSQL system database: pick another name, e.g. 'make run DB=freight_crm'." ;; esac
[[ $PORT =~ ^[0-9]+$ ]] || die "PORT='$PORT' is not a port number."

bootstrap
trap stop_postgres EXIT
ADDONS=$(project_addons)
port_free "$PORT" || die "Port $PORT is in use: stop whatever listens there, or pick another with 'make run PORT=8070'."

CONF=$LOCAL/odoo-run-$PORT.conf
write_odoo_conf "$CONF" "$PORT"

if [ "${RESET:-0}" = 1 ] && db_exists "$DB"; then
    say "RESET=1: dropping database $DB..."
    psql_admin -qc "DROP DATABASE \"$DB\" WITH (FORCE)"
    rm -rf "$LOCAL/filestore/filestore/$DB"
fi

if db_exists "$DB" && ! db_has_freight "$DB"; then
    die "Database $DB already exists but does not have the freight_crm addons installed: pick another name with 'make run DB=other', or recreate it with 'make run DB=$DB RESET=1'."
fi

if ! db_exists "$DB"; then
    rm -f "$LOCAL/install-$DB.log"
    say "Creating database $DB with the freight_crm addons, demo data and Chinese (zh_CN) (about two minutes)..."
    odoo_bin -c "$CONF" -d "$DB" -i "$ADDONS" --with-demo --load-language=zh_CN \
        --stop-after-init --logfile="$LOCAL/install-$DB.log" ||
        die "Installing the addons into $DB failed: see $LOCAL/install-$DB.log (remove it with 'make run DB=$DB RESET=1')."
fi

cat >&2 <<EOF2

  Freight CRM is starting on  http://127.0.0.1:$PORT/web/login   (database $DB)

  Logins (login / password):
    admin   / admin     Administrator (Freight CRM manager)
    manager / manager   Freight CRM manager           王军
    sales   / sales     Freight CRM salesperson       李伟
    service / service   Freight CRM customer service  张敏
    legal   / legal     Contract legal reviewer       赵丽
    cs_supervisor / cs_supervisor   Customer-service supervisor (complaint ladder step 1)  陈静
    regional / regional Regional manager (complaint ladder step 2)  刘洋

  Stop with Ctrl-C. Recreate the database with: make run RESET=1

EOF2

# Foreground: Ctrl-C reaches Odoo, which shuts down; the EXIT trap then
# stops PostgreSQL.
odoo_bin -c "$CONF" -d "$DB" --db-filter="^$DB\$" || true
say "Odoo stopped."
