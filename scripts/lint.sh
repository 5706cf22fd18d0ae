#!/usr/bin/env bash
# Static checks: ruff over the addons, scripts' Python and repository tests.
source "$(dirname "$0")/common.sh"
require_venv
"$VENV/bin/ruff" check "$ROOT/addons" "$ROOT/tests" "$ROOT/bench"
"$VENV/bin/ruff" format --check "$ROOT/addons" "$ROOT/tests" "$ROOT/bench"
