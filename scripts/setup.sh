#!/usr/bin/env bash
# One command to set up a machine for the suite: virtualenv, Odoo's and the project's
# Python requirements, PostgreSQL running with a role for the current user.
# Idempotent: a second run checks stamps and changes nothing.
source "$(dirname "$0")/common.sh"
require_odoo fetch

if [ ! -x "$PY" ]; then
    echo "==> creating virtualenv $VENV"
    python3 -m venv "$VENV"
fi

stamp="$VENV/.aftersales-setup"
want=$(cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements.txt" "$ROOT/requirements-oca.txt" \
       "$ROOT/scripts/setup.sh" | sha1sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "==> Python requirements up to date"
else
    echo "==> installing Python requirements"
    "$PY" -m pip install -q --upgrade pip "setuptools<70" wheel
    # Odoo's requirements.txt, adapted for Python 3.11 on this platform:
    # cbor2 5.4.2 does not build here (5.4.6 does), python-ldap needs system
    # headers and is optional, psycopg2 comes as psycopg2-binary from requirements.txt.
    odoo_reqs="$VENV/odoo-requirements.txt"
    sed -e 's/^cbor2==5\.4\.2/cbor2==5.4.6/' \
        -e '/^python-ldap/d' -e '/^psycopg2==/d' \
        "$ODOO_SRC/requirements.txt" > "$odoo_reqs"
    "$PY" -m pip install -q --no-build-isolation -r "$odoo_reqs"
    "$PY" -m pip install -q -r "$ROOT/requirements.txt"
    # Odoo itself as a package of the virtualenv (editable, from ODOO_SRC), so that the OCA
    # addons' wheels, which depend on `odoo`, install with their own dependencies as usual.
    # Its dependencies are those of requirements.txt above (python-ldap left out).
    # compat mode: a path entry (not an import hook), so the OCA wheels' odoo/addons namespace
    # in site-packages does not hide the real odoo package.
    "$PY" -m pip install -q --no-build-isolation --no-deps --config-settings editable_mode=compat -e "$ODOO_SRC"
    "$PY" -m pip install -q -r "$ROOT/requirements-oca.txt"
    site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    rm -f "$site/odoo-src.pth"  # the path hack of earlier versions
    echo "$want" > "$stamp"
fi

start_postgres

missing=()
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || missing+=(chromium)
command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
if [ ${#missing[@]} -gt 0 ]; then
    echo "NOTE: for browser tours and PDF reports install: apt-get install ${missing[*]}"
fi
echo "==> setup done (ODOO_SRC=$ODOO_SRC, venv=$VENV)"
