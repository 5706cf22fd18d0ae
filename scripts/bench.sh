#!/usr/bin/env bash
# Benchmarks: creates (or reuses) database aftersales_bench with the five addons and
# no demo data, then runs bench/run.py. SCENARIO=text SCALE=N REPEAT=N BENCH_DB=name.
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
DB="${BENCH_DB:-aftersales_bench}"
if ! psql -d "$DB" -Atc "select 1 from ir_module_module where name='aftersales_base' and state='installed'" 2>/dev/null | grep -q 1; then
    dropdb --if-exists "$DB"
    echo "==> building $DB (no demo data)"
    odoo_bin -d "$DB" -i "$ADDONS" --without-demo=all --stop-after-init --log-level=warn --http-port=0
else
    odoo_bin -d "$DB" -u "$ADDONS" --stop-after-init --log-level=warn --http-port=0
fi
args=(-d "$DB" --addons-path "$ADDONS_PATH" --repeat "${REPEAT:-5}")
[ -z "${SCENARIO:-}" ] || args+=(--scenario "$SCENARIO")
[ -z "${SCALE:-}" ] || args+=(--scale "$SCALE")
cd "$ROOT" && "$PY" bench/run.py "${args[@]}"
