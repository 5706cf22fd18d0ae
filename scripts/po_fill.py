"""Fill an addon's zh_CN.po from its .pot and a JSON mapping {msgid: msgstr}.

Usage: .venv/bin/python scripts/po_fill.py ADDON [mapping.json ...]
Merges addons/ADDON/i18n/ADDON.pot (or var/pot/ADDON.pot when fresher) into
addons/ADDON/i18n/zh_CN.po, keeps the translations already there, applies the
mappings, prints the msgids still untranslated and formats the file as OCA expects
(scripts/po_format.sh).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main(addon, *mappings):
    i18n = ROOT / "addons" / addon / "i18n"
    pot_path = i18n / f"{addon}.pot"
    fresh = ROOT / "var" / "pot" / f"{addon}.pot"
    if fresh.is_file() and (not pot_path.is_file() or fresh.stat().st_mtime > pot_path.stat().st_mtime):
        shutil.copy(fresh, pot_path)
    pot = polib.pofile(str(pot_path))
    po_path = i18n / "zh_CN.po"
    old = polib.pofile(str(po_path)) if po_path.is_file() else polib.POFile()
    known = {e.msgid: e.msgstr for e in old if e.msgstr}
    for mapping in mappings:
        known.update(json.loads(Path(mapping).read_text()))
    po = polib.POFile()
    po.metadata = dict(pot.metadata)
    po.metadata.update({"Language": "zh_CN", "Plural-Forms": "nplurals=1; plural=0;"})
    po.header = pot.header
    missing = []
    for entry in pot:
        new = polib.POEntry(
            msgid=entry.msgid,
            msgstr=known.get(entry.msgid, ""),
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=entry.flags,
            msgctxt=entry.msgctxt,
        )
        if not new.msgstr:
            missing.append(entry.msgid)
        po.append(new)
    # Keep translations of strings absent from this template: a module's exported strings
    # depend on what else is installed (e.g. fields that other addons add to mixins).
    in_pot = {entry.msgid for entry in pot}
    for msgid, msgstr in sorted(known.items()):
        if msgid not in in_pot and msgid:
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, comment=f"module: {addon}"))
    po.save(str(po_path))
    venv = os.environ.get("VENV") or sys.prefix
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "po_format.sh"), str(po_path)], check=True, env={**os.environ, "VENV": venv}
    )
    for msgid in missing:
        print(json.dumps(msgid, ensure_ascii=False))
    print(f"{addon}: {len(pot)} strings, {len(missing)} untranslated", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
