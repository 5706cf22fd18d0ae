#!/usr/bin/env bash
# Regenerates the role x model access table of the access-matrix test from database DB
# (all addons installed). Usage: scripts/access_matrix.sh DB
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
DB="${1:?usage: scripts/access_matrix.sh DB}"
AS_ROOT="$ROOT" "$PY" "$ODOO_SRC/odoo-bin" shell -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" -d "$DB" --log-level=warn --http-port=0 --no-http < "$ROOT/scripts/access_matrix.py"
"$VENV/bin/ruff" format "$ROOT/addons/aftersales_base/tests/access_matrix_table.py" >/dev/null
