#!/usr/bin/env bash
# Runs the suite as production would, on this machine: prefork workers, the gevent port for
# the websocket, memory and time limits, proxy_mode, no database manager (list_db = False),
# from odoo.prod.conf.example with the placeholders filled for a local run.
# Usage: scripts/serve.sh   (SERVE_DB, default aftersales_demo; SERVE_PORT 8069; SERVE_WORKERS 2;
#   SERVE_CONF / SERVE_LOG: the generated config and the log file, one per node when several nodes run)
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
DB="${SERVE_DB:-aftersales_demo}"
PORT="${SERVE_PORT:-8069}"
psql -d "$DB" -Atc "select 1" >/dev/null 2>&1 || die "database $DB does not exist: run 'make demo' (NO_SERVE=1) first."
mkdir -p "$ROOT/var"
conf="${SERVE_CONF:-$ROOT/var/odoo.serve.conf}"
log="${SERVE_LOG:-$ROOT/var/log/serve.log}"
secret=$(head -c 24 /dev/urandom | base64)
hash=$("$PY" -c "import sys; from passlib.context import CryptContext; print(CryptContext(['pbkdf2_sha512']).hash(sys.argv[1]))" "$secret")
sed -e "s|^addons_path = .*|addons_path = $ADDONS_PATH|" \
    -e "s|^data_dir = .*|data_dir = ${SERVE_DATA_DIR:-$HOME/.local/share/Odoo}|" \
    -e "s|^admin_passwd = .*|admin_passwd = $hash|" \
    -e "s|^dbfilter = .*|dbfilter = ^$DB\$|" \
    -e "s|^db_user = .*|db_user = False|" \
    -e "s|^workers = .*|workers = ${SERVE_WORKERS:-2}|" \
    -e "s|^http_port = .*|http_port = $PORT|" \
    -e "s|^gevent_port = .*|gevent_port = ${SERVE_GEVENT_PORT:-8072}|" \
    -e "s|^logfile = .*|logfile = $log|" \
    -e "s|^without_demo = .*|without_demo = False|" \
    "$ROOT/odoo.prod.conf.example" > "$conf"
mkdir -p "$ROOT/var/log"
echo "==> serving $DB with ${SERVE_WORKERS:-2} workers on http://127.0.0.1:$PORT (websocket on ${SERVE_GEVENT_PORT:-8072}); log $log"
echo "    config: $conf (master password hashed, database manager off)"
exec "$PY" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$DB" ${SERVE_ARGS:-}
