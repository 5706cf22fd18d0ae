#!/usr/bin/env bash
# Developer loop for one or more addons: installs them (or updates them when already
# installed) with demo data into a database of their own, then runs their tests.
# Usage: scripts/dev_test.sh ADDON[,ADDON...] [pytest args...]
#   DEV_DB=name to pick the database (default as_dev_<first addon>), RESET=1 to rebuild,
#   DEV_HTTP_PORT=port for the browser tours (default the http_port of odoo.conf), so that two
#   loops can run side by side.
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
modules="${1:?usage: scripts/dev_test.sh ADDON[,ADDON...] [pytest args...]}"
shift
first="${modules%%,*}"
DB="${DEV_DB:-as_dev_${first#aftersales_}}"
mkdir -p "$ROOT/var/log"
log="$ROOT/var/log/dev-$DB.log"
[ "${RESET:-0}" != 1 ] || dropdb --if-exists "$DB"
: > "$log"
if psql -d "$DB" -Atc "select 1" >/dev/null 2>&1; then
    mode=(-u "$modules")
else
    mode=(-i "$modules")
fi
if ! odoo_bin -d "$DB" "${mode[@]}" --stop-after-init --log-level=info --logfile="$log" --http-port=0; then
    tail -40 "$log"; die "install/update failed, see $log"
fi
if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |demo data failed to install' "$log"; then
    die "errors in the install log $log"
fi
conf="$ROOT/odoo.conf"
if [ -n "${DEV_HTTP_PORT:-}" ]; then
    conf="$ROOT/var/odoo-$DB.conf"
    sed "s/^http_port = .*/http_port = $DEV_HTTP_PORT/" "$ROOT/odoo.conf" > "$conf"
fi
paths=()
for m in ${modules//,/ }; do paths+=("addons/$m"); done
cd "$ROOT" && "$PY" -m pytest --odoo-database="$DB" --odoo-config="$conf" \
    --odoo-addons-path="$ADDONS_PATH" --odoo-http --odoo-log-level=warn "${paths[@]}" "$@"
