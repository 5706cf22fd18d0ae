#!/usr/bin/env bash
# Static checks, as OCA's CI runs them (each must be clean; exceptions are justified in the configs):
#  1. ruff (lint and format) over the addons, the repository tests and the benchmarks (pyproject.toml);
#  2. pylint with pylint-odoo and OCA's mandatory checks for 18.0 (.pylintrc-mandatory);
#  3. oca-checks-odoo-module (manifests, XML, CSV) and oca-checks-po (.po/.pot, with the formatting
#     scripts/po_format.sh writes);
#  4. manifestoo: licences compatible with every dependency (core and OCA addons resolved through the
#     Odoo source and the OCA wheels of the virtualenv) and development statuses.
# Every checker runs; the script fails at the end if any of them failed.
source "$(dirname "$0")/common.sh"
require_venv
cd "$ROOT"
failed=()
run() {  # run NAME COMMAND...
    local name=$1
    shift
    echo "==> $name"
    if ! "$@"; then
        failed+=("$name")
    fi
}

addon_dirs=()
for manifest in addons/*/__manifest__.py; do
    addon_dirs+=("$(dirname "$manifest")")
done
po_files=(addons/*/i18n/*.po addons/*/i18n/*.pot)
site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
manifestoo_path="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$site/odoo/addons"

run "ruff check" "$VENV/bin/ruff" check addons tests bench
run "ruff format" "$VENV/bin/ruff" format --check addons tests bench
run "pylint-odoo (.pylintrc-mandatory)" "$VENV/bin/pylint" --rcfile=.pylintrc-mandatory "${addon_dirs[@]}"
run "oca-checks-odoo-module" "$VENV/bin/oca-checks-odoo-module" "${addon_dirs[@]}"
run "oca-checks-po" "$VENV/bin/oca-checks-po" "${po_files[@]}"
for check in check-licenses check-dev-status; do
    run "manifestoo $check" "$VENV/bin/manifestoo" --select-addons-dir addons --addons-path "$manifestoo_path" \
        --no-addons-path-from-import-odoo --odoo-series 18.0 "$check"
done

if [ ${#failed[@]} -gt 0 ]; then
    printf 'ERROR: lint failed: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "==> lint clean"
