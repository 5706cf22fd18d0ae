#!/usr/bin/env bash
# Concurrency correctness over a real server (issue 16): two users at once on the last unit of a part,
# on the same claim's decision and settlement, on the same portal claim. Copies the test database built by
# scripts/test.sh (TEST_DB, default aftersales_test) into a scratch one (CONC_DB, default aftersales_conc),
# serves it with 2 workers on a free 127.0.0.1 port, drops it at the end. See scripts/concurrency_test.py.
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
psql -d "${TEST_DB:-aftersales_test}" -Atc "select 1" >/dev/null 2>&1 \
    || die "no database ${TEST_DB:-aftersales_test}: run scripts/test.sh first (or set TEST_DB)"
PY="$PY" timeout 180 "$PY" "$ROOT/scripts/concurrency_test.py"
