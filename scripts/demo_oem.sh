#!/usr/bin/env bash
# The dealer ↔ OEM link in the demo with two databases: the dealer site is the demo database (aftersales_demo,
# served by `make demo` on :8069), the OEM site a second demo database (aftersales_demo_oem) served here on
# http://localhost:8070. Installs the OEM link addon in both, makes the demo dealer (广州粤华) a network dealer of
# the OEM site with the portal user yuehua_portal and an API key, and connects the dealer site to it.
# DEMO_DB, OEM_DB, OEM_PORT override the defaults; RESET=1 rebuilds the OEM database; NO_SERVE=1 stops after
# the set-up. See README.md, "Dealer and OEM as two sites".
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
DEALER_DB="${DEMO_DB:-aftersales_demo}"
OEM_DB="${OEM_DB:-aftersales_demo_oem}"
OEM_PORT="${OEM_PORT:-8070}"
LINK="aftersales_warranty_oem_link"

shell() {  # shell DB: runs scripts/demo_oem_setup.py in odoo-bin shell on DB
    "$PY" "$ODOO_SRC/odoo-bin" shell -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$1" \
        --log-level=warn --http-port=0 --no-http --load-language= < "$ROOT/scripts/demo_oem_setup.py"
}
installed() {
    psql -d "$1" -Atc "select 1 from ir_module_module where name='$2' and state='installed'" 2>/dev/null | grep -q 1
}

DEMO_DB="$DEALER_DB" NO_SERVE=1 bash "$ROOT/scripts/demo.sh"
if ! installed "$DEALER_DB" "$LINK"; then
    echo "==> installing the OEM link on the dealer site $DEALER_DB"
    odoo_bin -d "$DEALER_DB" -i "$LINK" --stop-after-init --log-level=warn --http-port=0
fi
[ "${RESET:-0}" != 1 ] || dropdb --if-exists "$OEM_DB"
if ! installed "$OEM_DB" "$LINK"; then
    dropdb --if-exists "$OEM_DB"
    echo "==> building the OEM site $OEM_DB from $DEALER_DB"
    if ! createdb -T "$DEALER_DB" "$OEM_DB" 2>/dev/null; then
        echo "    $DEALER_DB is in use (is 'make demo' running?): building $OEM_DB from scratch instead (a few minutes)"
        DEMO_DB="$OEM_DB" NO_SERVE=1 bash "$ROOT/scripts/demo.sh"
        odoo_bin -d "$OEM_DB" -i "$LINK" --stop-after-init --log-level=warn --http-port=0
    fi
    rm -rf "$HOME/.local/share/Odoo/filestore/$OEM_DB"
    if [ -d "$HOME/.local/share/Odoo/filestore/$DEALER_DB" ]; then
        cp -r "$HOME/.local/share/Odoo/filestore/$DEALER_DB" "$HOME/.local/share/Odoo/filestore/$OEM_DB"
    fi
fi
echo "==> the demo dealer 广州粤华 becomes a network dealer of the OEM site (portal user yuehua_portal)"
key=$(DEMO_SITE=oem shell "$OEM_DB" | sed -n 's/^DEMO_OEM_KEY //p')
[ -n "$key" ] || die "could not create the API key of yuehua_portal in $OEM_DB"
echo "==> connecting the dealer site $DEALER_DB to http://localhost:$OEM_PORT ($OEM_DB)"
DEMO_SITE=dealer DEMO_OEM_URL="http://localhost:$OEM_PORT" DEMO_OEM_DB="$OEM_DB" DEMO_OEM_LOGIN=yuehua_portal \
    DEMO_OEM_KEY="$key" shell "$DEALER_DB" >/dev/null
if [ "${NO_SERVE:-0}" = 1 ]; then
    echo "==> $OEM_DB is ready; serve it with: OEM_PORT=$OEM_PORT bash scripts/demo_oem.sh"
    exit 0
fi
echo "==> serving the OEM site $OEM_DB on http://localhost:$OEM_PORT (admin / admin); run 'make demo' for the dealer site"
exec "$PY" "$ODOO_SRC/odoo-bin" -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" \
    -d "$OEM_DB" --db-filter="^$OEM_DB\$" --http-port="$OEM_PORT" --gevent-port=$((OEM_PORT + 2))
