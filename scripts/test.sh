#!/usr/bin/env bash
# Runs every test of the suite on real Odoo 18.0 and PostgreSQL:
#  1. installs all five addons and the site-chosen ones (with demo data and zh_CN) into a fresh database and
#     fails on any ERROR/CRITICAL line of the install log;
#  2. exports each addon's translation template from that database (var/pot/);
#  3. runs every addon's Odoo tests (HttpCase tours included, headless Chromium) and
#     the repository tests in tests/ in one pytest run; then the concurrency stories over a real server and the
#     dealer ↔ OEM run between two databases (scripts/concurrency_test.sh, scripts/oem_e2e.sh);
#  4. installs each addon alone into a fresh database of its own;
#  5. builds each addon's wheel and installs the suite from the wheels into a clean virtualenv and a fresh
#     database, without this repository's addons/ on any path (scripts/wheel_install_test.sh).
# Usage: scripts/test.sh [pytest args...]   (TEST_DB, SKIP_ALONE=1, SKIP_WHEELS=1, KEEP_DB=1 to tune)
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres

DB="${TEST_DB:-aftersales_test}"
VAR="$ROOT/var"
mkdir -p "$VAR/log" "$VAR/pot"

install_db() {  # install_db DB MODULES LOG [extra odoo args]
    local db=$1 modules=$2 log=$3
    shift 3
    dropdb --if-exists "$db"
    : > "$log"
    rm -rf "$HOME/.local/share/Odoo/filestore/$db"
    if ! odoo_bin -d "$db" -i "$modules" --stop-after-init --log-level=info \
            --logfile="$log" --http-port=0 "$@"; then
        tail -50 "$log" >&2
        die "installing $modules into $db failed (log: $log)"
    fi
    check_log "$log" || die "installing $modules into $db logged errors"
}

start=$(date +%s)
echo "==> [1/5] installing $ADDONS,$SITE_ADDONS,$L10N into fresh database $DB (demo data, zh_CN)"
install_db "$DB" "$ADDONS,$SITE_ADDONS,$L10N" "$VAR/log/install-$DB.log" --load-language=zh_CN
echo "    done in $(( $(date +%s) - start ))s"

echo "==> [2/5] exporting translation templates to var/pot/"
for manifest in "$ROOT"/addons/*/__manifest__.py; do  # the five and their auto-installed bridges
    addon=$(basename "$(dirname "$manifest")")
    odoo_bin -d "$DB" --i18n-export="$VAR/pot/$addon.pot" --modules="$addon" \
        --stop-after-init --log-level=warn --http-port=0 >/dev/null
done

echo "==> [3/5] pytest: Odoo tests of every addon and repository tests"
set +e
(cd "$ROOT" && "$PY" -m pytest \
    --odoo-database="$DB" --odoo-config="$ROOT/odoo.conf" \
    --odoo-addons-path="$ADDONS_PATH" --odoo-http --odoo-log-level=warn \
    addons tests "$@")
rc=$?
set -e
[ $rc -eq 0 ] || { echo "pytest failed (exit $rc)" >&2; exit $rc; }

echo "==> [3b/5] concurrency: two users at once over a real 2-worker server (copy of $DB)"
TEST_DB="$DB" bash "$ROOT/scripts/concurrency_test.sh"

echo "==> [3c/5] dealer ↔ OEM end to end: two databases (copies of $DB), two servers"
t=$(date +%s)
TEST_DB="$DB" bash "$ROOT/scripts/oem_e2e.sh"
echo "    done in $(( $(date +%s) - t ))s"

if [ "${SKIP_ALONE:-0}" != 1 ]; then
    echo "==> [4/5] each addon installs alone into its own fresh database"
    for addon in ${ADDONS//,/ } ${SITE_ADDONS//,/ }; do
        t=$(date +%s)
        install_db "${DB}_$addon" "$addon" "$VAR/log/install-alone-$addon.log"
        [ "${KEEP_DB:-0}" = 1 ] || dropdb "${DB}_$addon"
        echo "    $addon alone: ok ($(( $(date +%s) - t ))s)"
    done
fi
if [ "${SKIP_WHEELS:-0}" != 1 ]; then
    echo "==> [5/5] the suite installs from its built wheels into a clean virtualenv"
    bash "$ROOT/scripts/wheel_install_test.sh"
fi
echo "==> all tests passed in $(( $(date +%s) - start ))s"
