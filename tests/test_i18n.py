"""Every user-facing string of every addon is translated to Simplified Chinese.

The template compared against is the one exported from a database with the addons
installed (var/pot/<addon>.pot, written by scripts/test.sh); without it, the .pot
committed in the addon's i18n/ folder.
"""

import re

import polib
import pytest

from .conftest import ADDONS, ADDONS_DIR, ROOT

# Source texts that read the same in Chinese. OCA's .po formatting (scripts/po_format.sh, the
# po-pretty-format check of oca-checks-po) empties a msgstr equal to its msgid, and Odoo then shows
# the source text: these need no translation.
SAME_IN_CHINESE = {"ID", "'%s' % object.name", "https://oem.example.com"}
_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


def _needs_translation(msgid):
    """Not a text already in Chinese (demo data, survey questions), not one without letters ("1/2")."""
    return not (msgid in SAME_IN_CHINESE or _CJK.search(msgid) or not re.search(r"[A-Za-z]", msgid))


def _template(addon):
    fresh = ROOT / "var" / "pot" / f"{addon}.pot"
    committed = ADDONS_DIR / addon / "i18n" / f"{addon}.pot"
    path = fresh if fresh.is_file() else committed
    return polib.pofile(str(path)) if path.is_file() else None


@pytest.mark.parametrize("addon", ADDONS)
def test_po_file_is_valid(addon):
    po = polib.pofile(str(ADDONS_DIR / addon / "i18n" / "zh_CN.po"))
    assert po.metadata.get("Language") == "zh_CN"
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        # placeholders survive translation
        for token in ("%s", "%d", "%%"):
            assert entry.msgid.count(token) == entry.msgstr.count(token), f"{addon}: {entry.msgid!r}"
        for token in __import__("re").findall(r"%\(\w+\)[sd]", entry.msgid):
            assert token in entry.msgstr, f"{addon}: {token} lost in {entry.msgstr!r}"


@pytest.mark.parametrize("addon", ADDONS)
def test_every_msgid_is_translated(addon):
    template = _template(addon)
    assert template is not None, f"{addon}: no translation template (run scripts/test.sh or scripts/i18n.sh)"
    po = polib.pofile(str(ADDONS_DIR / addon / "i18n" / "zh_CN.po"))
    translated = {(e.msgctxt, e.msgid) for e in po if e.msgstr.strip() and not e.obsolete}
    translated_ids = {msgid for _, msgid in translated}
    missing = [e.msgid for e in template if e.msgid and e.msgid not in translated_ids and _needs_translation(e.msgid)]
    assert not missing, f"{addon}: {len(missing)} untranslated strings, e.g. {missing[:10]}"
