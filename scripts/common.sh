# Shared settings for the project's scripts. Source it, do not run it.
# shellcheck shell=bash
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ODOO_SRC="${ODOO_SRC:-/opt/odoo18}"
VENV="${VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
ADDONS="aftersales_base,aftersales_parts,aftersales_warranty,aftersales_network,aftersales_followup"
# Addons a site chooses (never auto-installed): the full test run installs and tests them too.
SITE_ADDONS="aftersales_warranty_oem_link"
# China's localization: the demo companies get its chart, and the bridge aftersales_l10n_cn installs itself
L10N="l10n_cn"
ADDONS_PATH="$ROOT/addons,$ODOO_SRC/addons,$ODOO_SRC/odoo/addons"

die() { echo "ERROR: $*" >&2; exit 1; }

ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo}"

fetch_odoo() {  # the official 18.0 branch into ODOO_SRC, when that network is reachable
    [ ! -e "$ODOO_SRC" ] || [ -z "$(ls -A "$ODOO_SRC" 2>/dev/null)" ] || return 1
    command -v git >/dev/null || return 1
    echo "==> Odoo 18.0 not found at $ODOO_SRC: trying to fetch the official 18.0 branch"
    if ! timeout 20 git ls-remote --exit-code --heads "$ODOO_GIT_URL" 18.0 >/dev/null 2>&1; then
        echo "    the Odoo repository is not reachable from here" >&2
        return 1
    fi
    git clone --quiet --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$ODOO_SRC"
}

require_odoo() {
    if [ "${1:-}" = fetch ] && [ ! -f "$ODOO_SRC/odoo-bin" ]; then
        fetch_odoo || true
    fi
    if [ ! -f "$ODOO_SRC/odoo-bin" ] || [ ! -d "$ODOO_SRC/odoo/addons/base" ]; then
        cat >&2 <<MSG
ERROR: Odoo 18.0 Community was not found at ODOO_SRC=$ODOO_SRC.

This project runs on Odoo 18.0 Community, which is not on PyPI. Get its source
(the 18.0 branch of github.com/odoo/odoo, or an archive of it), unpack it
outside this repository, e.g.
    git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo /opt/odoo18
and point ODOO_SRC at it (default /opt/odoo18):
    export ODOO_SRC=/path/to/odoo18
MSG
        exit 1
    fi
    grep -q "^version_info = (18, 0" "$ODOO_SRC/odoo/release.py" \
        || die "ODOO_SRC=$ODOO_SRC is not Odoo 18.0 (see $ODOO_SRC/odoo/release.py)."
}

require_venv() {
    [ -x "$PY" ] || die "no virtualenv at $VENV: run 'make setup' first."
}

start_postgres() {
    # Connect over the Unix socket (Odoo's default without db_host).
    if ! pg_isready -q 2>/dev/null; then
        if command -v pg_ctlcluster >/dev/null; then
            local ver
            ver=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1}')
            [ -n "$ver" ] || die "no PostgreSQL cluster found (apt-get install postgresql)."
            pg_ctlcluster --skip-systemctl-redirect "$ver" main start
        else
            die "PostgreSQL is not running and pg_ctlcluster is missing (apt-get install postgresql)."
        fi
    fi
    local user
    user="$(id -un)"
    if ! psql -d postgres -Atc "select 1" >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then
            su postgres -c "createuser -s $user" 2>/dev/null || true
        else
            die "cannot connect to PostgreSQL as $user: create the role (createuser -s $user)."
        fi
    fi
}

check_log() {  # fail on ERROR or CRITICAL lines, like OCA's checklog
    local log=$1 bad
    bad=$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |demo data failed to install' "$log" || true)
    if [ -n "$bad" ]; then
        echo "ERROR/CRITICAL lines in $log:" >&2
        echo "$bad" | head -50 >&2
        return 1
    fi
}

odoo_bin() {
    "$PY" "$ODOO_SRC/odoo-bin" -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" "$@"
}
