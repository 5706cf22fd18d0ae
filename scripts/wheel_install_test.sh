#!/usr/bin/env bash
# The suite installs from its built wheels into a clean virtualenv (issue 17):
#  1. builds each addon's wheel with whool (addons/*/pyproject.toml) into var/wheels/;
#  2. creates a fresh virtualenv var/wheel-venv with Odoo (editable from ODOO_SRC, as scripts/setup.sh does)
#     and nothing of this repository;
#  3. pip installs the built wheels there: their dependencies (OCA addons such as report_xlsx and
#     base_tier_validation, Python libraries) come from the package index, pinned by requirements*.txt;
#  4. runs the venv's `odoo` on a fresh database WITHOUT this repository's addons directory (only Odoo's
#     own addons paths: the wheels are found through the odoo.addons namespace of the venv), installs the
#     five addons, the site addon and l10n_cn together, and checks in ir_module_module that they and the
#     auto-installed bridges (all nine addons) are installed, and in the log that addons/ was never on the
#     addons path.
# Usage: scripts/wheel_install_test.sh   (WHEEL_DB, WHEEL_DEMO=1 for demo data, KEEP_DB=1 to keep db and venv)
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres

DB="${WHEEL_DB:-aftersales_wheels}"
VAR="$ROOT/var"
DIST="$VAR/wheels"
WVENV="$VAR/wheel-venv"
WPY="$WVENV/bin/python"
LOG="$VAR/log/install-wheels-$DB.log"
CONF="$VAR/wheel-odoo.conf"
# the five, the site addon and China's localization: every wheel of the suite is installed by Odoo
MODULES="$ADDONS,$SITE_ADDONS,$L10N"
# installed as well: the auto-install bridges (parts + warranty; with l10n_cn)
EXPECT="$ADDONS,$SITE_ADDONS,aftersales_warranty_parts,aftersales_l10n_cn,aftersales_warranty_l10n_cn"
mkdir -p "$VAR/log"
start=$(date +%s)
t=$start
lap() { echo "    ($(( $(date +%s) - t ))s)"; t=$(date +%s); }

echo "==> [wheels 1/4] building each addon's wheel (whool) into var/wheels/"
rm -rf "$DIST"
mkdir -p "$DIST"
for manifest in "$ROOT"/addons/*/__manifest__.py; do
    addon_dir=$(dirname "$manifest")
    [ -f "$addon_dir/pyproject.toml" ] || die "$(basename "$addon_dir") has no pyproject.toml"
    # whool packs the files under git control: commit (or git add) new files before building
    "$PY" -m pip wheel -q --no-build-isolation --no-deps --wheel-dir "$DIST" "$addon_dir" \
        || die "building the wheel of $(basename "$addon_dir") failed"
done
ls "$DIST" | sed 's/^/    /'
lap

echo "==> [wheels 2/4] fresh virtualenv var/wheel-venv with Odoo from ODOO_SRC"
rm -rf "$WVENV"
python3 -m venv "$WVENV"
"$WPY" -m pip install -q --upgrade pip "setuptools<70" wheel
# Odoo's requirements with the same pin fixes as scripts/setup.sh (Python 3.11)
sed -e 's/^cbor2==5\.4\.2/cbor2==5.4.6/' -e '/^python-ldap/d' -e '/^psycopg2==/d' \
    "$ODOO_SRC/requirements.txt" > "$WVENV/odoo-requirements.txt"
"$WPY" -m pip install -q --no-build-isolation -r "$WVENV/odoo-requirements.txt" \
    "$(grep '^psycopg2-binary==' "$ROOT/requirements.txt")"
"$WPY" -m pip install -q --no-build-isolation --no-deps --config-settings editable_mode=compat -e "$ODOO_SRC"
lap

echo "==> [wheels 3/4] pip install var/wheels/*.whl (dependencies from the package index)"
# the pins of the project's requirements as constraints; our own wheels given as files
"$WPY" -m pip install -q -c "$ROOT/requirements.txt" -c "$ROOT/requirements-oca.txt" "$DIST"/*.whl
site=$("$WPY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
for addon in ${EXPECT//,/ }; do
    [ -f "$site/odoo/addons/$addon/__manifest__.py" ] || die "$addon is not in the venv's odoo/addons"
done
"$WPY" -m pip list 2>/dev/null | grep -E '^odoo' | sed 's/^/    /'
lap

echo "==> [wheels 4/4] installing $MODULES into fresh database $DB, without addons/ on any path"
dropdb --if-exists "$DB"
rm -rf "$HOME/.local/share/Odoo/filestore/$DB"
: > "$LOG"
# a config of its own (odoo.conf names ./addons); Odoo's own addons paths only
cat > "$CONF" <<CONF
[options]
addons_path = $ODOO_SRC/addons,$ODOO_SRC/odoo/addons
db_host = False
db_port = False
db_user = False
db_password = False
max_cron_threads = 0
CONF
demo=(--without-demo=all)
[ "${WHEEL_DEMO:-0}" = 1 ] && demo=()
# run outside the repository, with no PYTHONPATH: the venv's odoo package and its site-packages only
if ! (cd "$WVENV" && env -u PYTHONPATH "$WVENV/bin/odoo" -c "$CONF" -d "$DB" -i "$MODULES" "${demo[@]}" \
        --stop-after-init --log-level=info --logfile="$LOG" --http-port=0); then
    tail -50 "$LOG" >&2
    die "installing $MODULES from the wheels failed (log: $LOG)"
fi
check_log "$LOG" || die "installing $MODULES from the wheels logged errors"
paths=$(grep -m1 "addons paths:" "$LOG" || true)
echo "    ${paths#*INFO ? odoo: }"
[ -n "$paths" ] || die "no 'addons paths' line in $LOG"
case "$paths" in *"$ROOT/addons"*) die "the repository's addons/ was on the addons path: $paths" ;; esac
case "$paths" in *"$site/odoo/addons"*) ;; *) die "the venv's odoo/addons is not on the addons path: $paths" ;; esac
quoted="'${EXPECT//,/\',\'}'"
installed=$(psql -d "$DB" -Atc "select count(*) from ir_module_module where state = 'installed' and name in ($quoted)")
want=$(echo "${EXPECT//,/ }" | wc -w)
if [ "$installed" != "$want" ]; then
    psql -d "$DB" -Atc "select name, state from ir_module_module where name like 'aftersales%'" >&2
    die "$installed of the $want modules ($EXPECT) are installed in $DB"
fi
echo "    installed from the wheels: $EXPECT"
lap
if [ "${KEEP_DB:-0}" != 1 ]; then
    dropdb "$DB"
    rm -rf "$WVENV" "$HOME/.local/share/Odoo/filestore/$DB"
fi
echo "==> the suite installs from its wheels into a clean virtualenv ($(( $(date +%s) - start ))s)"
