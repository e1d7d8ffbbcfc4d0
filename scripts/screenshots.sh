#!/usr/bin/env bash
# make screenshots: the key screens of each demo role, in Chinese and English,
# shot at 1440x900 by headless Chromium (scripts/screenshots.py) into
# docs/screenshots/<lang>/<role>-<screen>.png.
#   SHOTS_DB    database (default freight_shots: a demo database of the run
#               cluster, created on first use); SHOTS_DB=freight_crm shoots
#               the `make run` database
#   SHOTS_PORT  port of the server started here (default 8151)
#   SHOTS_URL   shoot a server already running there instead (with SHOTS_DB
#               its database); none is started
#   SHOTS_LANGS (default zh_CN,en_US), SHOTS_ROLES (default all: sales,
#               service, manager, legal, admin, portal), SHOTS_ONLY
#               (role-screen names, e.g. salesperson-home), SHOTS_DIR (default
#               docs/screenshots)
#   SHOTS_RESET 1 recreates SHOTS_DB from the demo data first
#   SHOTS_PREPARE 1 (default on the scratch database only): as the demo
#               salesperson, submit an evaluation and a contract and create
#               the month's review when none awaits, so that the managers'
#               screens have something to show
# PNGs go through pngquant and optipng when they are installed.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SHOTS_DB_SET=${SHOTS_DB+set}
SHOTS_DB=${SHOTS_DB:-freight_shots}
SHOTS_PORT=${SHOTS_PORT:-8151}
SHOTS_URL=${SHOTS_URL:-}
SHOTS_LANGS=${SHOTS_LANGS:-zh_CN,en_US}
SHOTS_ROLES=${SHOTS_ROLES:-sales,service,manager,legal,admin,portal}
SHOTS_ONLY=${SHOTS_ONLY:-}
SHOTS_DIR=${SHOTS_DIR:-$ROOT/docs/screenshots}
SHOTS_PREPARE=${SHOTS_PREPARE:-$([ "$SHOTS_DB_SET" = set ] && echo 0 || echo 1)}
[[ $SHOTS_DB =~ ^[A-Za-z0-9_-]+$ ]] || die "SHOTS_DB='$SHOTS_DB' is not a valid database name."
[[ $SHOTS_PORT =~ ^[0-9]+$ ]] || die "SHOTS_PORT='$SHOTS_PORT' is not a port number."
case $SHOTS_PREPARE in 0 | 1) ;; *) die "SHOTS_PREPARE='$SHOTS_PREPARE': use 1 or 0." ;; esac
CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$CHROMIUM" ] || die "No Chromium found: install it (Debian: apt-get install chromium fonts-noto-cjk)."
START=$(date +%s)
LOG=$LOCAL/screenshots-server.log
mkdir -p "$LOCAL"
STAMP=$LOCAL/screenshots.stamp
touch "$STAMP"

RUN_PID=
stop_server() {
    if [ -n "$RUN_PID" ]; then
        kill -TERM "$RUN_PID" 2>/dev/null || true
        wait "$RUN_PID" 2>/dev/null || true
        RUN_PID=
    fi
}
trap stop_server EXIT

if [ -z "$SHOTS_URL" ]; then
    # (run.sh checks it too, once the virtualenv exists.)
    [ ! -x "$VENV/bin/python" ] || port_free "$SHOTS_PORT" ||
        die "Port $SHOTS_PORT is in use: pick another with SHOTS_PORT=..., or shoot that server with SHOTS_URL=http://127.0.0.1:$SHOTS_PORT."
    # `make run` in the background: it bootstraps, creates the demo database
    # on first use and serves it.
    PORT=$SHOTS_PORT DB=$SHOTS_DB WORKERS=0 DEMO=1 RESET=${SHOTS_RESET:-0} setsid bash "$ROOT/scripts/run.sh" >"$LOG" 2>&1 &
    RUN_PID=$!
    SHOTS_URL=http://127.0.0.1:$SHOTS_PORT
    say "Starting Odoo on $SHOTS_URL, database $SHOTS_DB (log: $LOG; the first run creates it, two to three minutes)..."
    for _ in $(seq 900); do
        curl -s -o /dev/null -f "$SHOTS_URL/web/login" && break
        kill -0 "$RUN_PID" 2>/dev/null || die "The server stopped: see $LOG"
        sleep 1
    done
fi
curl -s -o /dev/null -f "$SHOTS_URL/web/login" || die "No Odoo answers on $SHOTS_URL/web/login (log: $LOG)."

args=(--url "$SHOTS_URL" --db "$SHOTS_DB" --out "$SHOTS_DIR" --langs "$SHOTS_LANGS"
    --roles "$SHOTS_ROLES" --only "$SHOTS_ONLY" --chromium "$CHROMIUM")
[ "$SHOTS_PREPARE" = 1 ] && args+=(--prepare)
say "Shooting ($SHOTS_LANGS) into $SHOTS_DIR..."
"$VENV/bin/python" "$ROOT/scripts/screenshots.py" "${args[@]}"
stop_server

# Smaller files, same pixels to the eye: 256-colour quantisation, then a
# lossless pass.
mapfile -t pngs < <(find "$SHOTS_DIR" -name '*.png' -newer "$STAMP" 2>/dev/null || true)
if command -v pngquant >/dev/null 2>&1 && [ ${#pngs[@]} -gt 0 ]; then
    pngquant --force --skip-if-larger --quality=70-95 --speed 1 --strip --ext .png "${pngs[@]}" || true
fi
if command -v optipng >/dev/null 2>&1 && [ ${#pngs[@]} -gt 0 ]; then
    optipng -quiet -o2 -strip all "${pngs[@]}" || true
fi
say "Done in $(($(date +%s) - START)) s: $(find "$SHOTS_DIR" -name '*.png' | wc -l) PNGs, $(du -sh "$SHOTS_DIR" | cut -f1) in $SHOTS_DIR."
