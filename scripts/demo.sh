#!/usr/bin/env bash
# Creates (or reuses) database aftersales_demo with the five addons, demo data and
# Simplified Chinese, then serves it on http://localhost:8069 (login admin / admin).
# DEMO_DB and DEMO_PORT override the defaults; RESET=1 rebuilds the database;
# NO_SERVE=1 builds it and stops.
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
DB="${DEMO_DB:-aftersales_demo}"
PORT="${DEMO_PORT:-8069}"
if [ "${RESET:-0}" = 1 ]; then
    dropdb --if-exists "$DB"
fi
if ! psql -d "$DB" -Atc "select 1 from ir_module_module where name='aftersales_base' and state='installed'" 2>/dev/null | grep -q 1; then
    dropdb --if-exists "$DB"
    echo "==> building $DB (all addons, demo data, zh_CN); this takes a few minutes"
    odoo_bin -d "$DB" -i "$ADDONS,$L10N" --load-language=zh_CN --stop-after-init --log-level=warn --http-port=0
    # Users see the suite in Chinese; admin keeps admin / admin.
    echo "env['res.users'].search([('share', '=', False)]).write({'lang': 'zh_CN'}); env['res.partner'].browse(env.ref('base.partner_admin').id).lang = 'zh_CN'; env.cr.commit()" \
        | "$PY" "$ODOO_SRC/odoo-bin" shell -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" \
            -d "$DB" --log-level=warn --http-port=0 >/dev/null
fi
if [ "${NO_SERVE:-0}" = 1 ]; then
    echo "==> $DB is ready"
    exit 0
fi
echo "==> serving $DB on http://localhost:$PORT (login admin / admin), Ctrl-C to stop"
exec "$PY" "$ODOO_SRC/odoo-bin" -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" \
    -d "$DB" --db-filter="^$DB\$" --http-port="$PORT"
