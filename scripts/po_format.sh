#!/usr/bin/env bash
# Writes the addons' translation files (.po and .pot) in the formatting OCA's oca-checks-po expects
# (check po-pretty-format): entries sorted by msgid, lines wrapped at 78 columns as polib writes them,
# and an empty msgstr where the translation is the msgid itself (Odoo shows the source text then).
# Re-runnable: a formatted file is left as it is. scripts/i18n.sh runs it after each merge.
# Usage: scripts/po_format.sh [FILE.po|FILE.pot|ADDON_DIR ...]   (default: every addon's i18n/)
source "$(dirname "$0")/common.sh"
require_venv
cd "$ROOT"
[ $# -gt 0 ] || set -- addons/*/
files=()
for arg in "$@"; do
    if [ -d "$arg" ]; then
        for f in "${arg%/}"/i18n/*.po "${arg%/}"/i18n/*.pot; do
            [ -f "$f" ] && files+=("$f")
        done
    else
        files+=("$arg")
    fi
done
[ ${#files[@]} -gt 0 ] || die "no .po/.pot file in: $*"
# The checker's own autofix writes the formatting it checks (it exits non-zero when it changed a file).
"$VENV/bin/oca-checks-po" --fix --enable=po-pretty-format --no-verbose "${files[@]}" >/dev/null || true
"$VENV/bin/oca-checks-po" --enable=po-pretty-format "${files[@]}" || die "still not formatted (see above)"
echo "==> ${#files[@]} translation files formatted"
