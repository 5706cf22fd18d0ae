#!/usr/bin/env bash
# Dealer site ↔ OEM site end to end (issue 15): two copies of the test database built by scripts/test.sh
# (TEST_DB, default aftersales_test), one dealer site and one OEM site, each served by its own odoo-bin on a
# free 127.0.0.1 port; claims and a quality information go out and their decisions come back, with a wrong
# key, a stopped OEM server and a lost answer on the way. Drops both databases at the end. See
# scripts/oem_e2e.py (E2E_DEALER_DB, E2E_OEM_DB, E2E_KEEP=1, E2E_DEADLINE).
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
psql -d "${TEST_DB:-aftersales_test}" -Atc "select 1" >/dev/null 2>&1 \
    || die "no database ${TEST_DB:-aftersales_test}: run scripts/test.sh first (or set TEST_DB)"
PY="$PY" timeout --kill-after=30 300 "$PY" "$ROOT/scripts/oem_e2e.py"
