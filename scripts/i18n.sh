#!/usr/bin/env bash
# Refreshes the translation template of addons, merges it into their zh_CN.po and formats both
# as OCA's oca-checks-po expects (scripts/po_format.sh).
# Usage: scripts/i18n.sh [ADDON ...]   (default: all five; I18N_DB to reuse a database
# where the addons are installed, else a scratch one is made)
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
addons=("$@")
[ ${#addons[@]} -gt 0 ] || addons=(${ADDONS//,/ })
db="${I18N_DB:-aftersales_i18n}"
if [ -z "${I18N_DB:-}" ]; then
    dropdb --if-exists "$db"
    odoo_bin -d "$db" -i "$(IFS=,; echo "${addons[*]}")" --without-demo=all \
        --stop-after-init --log-level=warn --http-port=0
else
    odoo_bin -d "$db" -u "$(IFS=,; echo "${addons[*]}")" --stop-after-init --log-level=warn --http-port=0
fi
for addon in "${addons[@]}"; do
    dir="$ROOT/addons/$addon/i18n"
    odoo_bin -d "$db" --i18n-export="$dir/$addon.pot" --modules="$addon" \
        --stop-after-init --log-level=warn --http-port=0
    msgmerge --quiet --no-fuzzy-matching --update --backup=none "$dir/zh_CN.po" "$dir/$addon.pot"
    bash "$ROOT/scripts/po_format.sh" "$dir/$addon.pot" "$dir/zh_CN.po" >/dev/null  # OCA's po-pretty-format
    untranslated=$(msgattrib --untranslated --no-obsolete "$dir/zh_CN.po" | grep -c '^msgid ' || true)
    echo "$addon: $((untranslated > 0 ? untranslated - 1 : 0)) untranslated strings in $dir/zh_CN.po"
done
[ -n "${I18N_DB:-}" ] || dropdb "$db"
