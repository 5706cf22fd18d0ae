"""Every addon is a well-formed Odoo 18.0 Community addon."""

import ast
import os
from pathlib import Path

import pytest

from .conftest import ADDONS, ADDONS_DIR, ROOT

EXPECTED = {
    "aftersales_base",
    "aftersales_parts",
    "aftersales_warranty",
    "aftersales_network",
    "aftersales_followup",
}
REQUIRED_KEYS = {"name", "summary", "version", "category", "author", "license", "depends", "data", "installable"}


def _odoo_src():
    return Path(os.environ.get("ODOO_SRC", "/opt/odoo18"))


def _manifest(addon):
    return ast.literal_eval((ADDONS_DIR / addon / "__manifest__.py").read_text())


def test_the_five_addons_are_there():
    assert EXPECTED <= set(ADDONS)


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_has_required_keys(addon):
    manifest = _manifest(addon)
    missing = REQUIRED_KEYS - set(manifest)
    assert not missing, f"{addon}: missing {sorted(missing)}"
    assert manifest["version"].startswith("18.0."), manifest["version"]
    assert len(manifest["version"].split(".")) == 5, "version is 18.0.x.y.z"
    # AGPL-3, like the OCA addons the suite depends on (report_xlsx, base_tier_validation).
    assert manifest["license"] == "AGPL-3"
    assert manifest["category"] == "After-Sales"
    assert manifest["installable"] is True


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_files_exist(addon):
    manifest = _manifest(addon)
    for key in ("data", "demo"):
        for rel in manifest.get(key, []):
            assert (ADDONS_DIR / addon / rel).is_file(), f"{addon}: {key} file {rel} is missing"
    assert (ADDONS_DIR / addon / "i18n" / "zh_CN.po").is_file()
    assert (ADDONS_DIR / addon / "readme" / "DESCRIPTION.md").is_file()
    assert list((ADDONS_DIR / addon / "tests").glob("test_*.py")), f"{addon} has no test"


def _community_modules():
    src = _odoo_src()
    assert (src / "odoo-bin").is_file(), f"Odoo 18.0 not found at ODOO_SRC={src}"
    names = {p.parent.name for p in (src / "addons").glob("*/__manifest__.py")}
    names |= {p.parent.name for p in (src / "odoo" / "addons").glob("*/__manifest__.py")}
    return names


def _oca_modules():
    req = ROOT / "requirements-oca.txt"
    names = set()
    for line in req.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("odoo-addon-"):
            names.add(line.split("==")[0][len("odoo-addon-") :].replace("-", "_"))
    return names


@pytest.mark.parametrize("addon", ADDONS)
def test_depends_only_on_community_oca_or_our_own(addon):
    allowed = _community_modules() | _oca_modules() | set(ADDONS)
    for dep in _manifest(addon)["depends"]:
        assert dep in allowed, f"{addon} depends on {dep}, which is neither Odoo Community, a pinned OCA addon nor ours"


def test_only_base_is_an_application():
    apps = [a for a in ADDONS if _manifest(a).get("application")]
    assert apps == ["aftersales_base"]


@pytest.mark.parametrize("addon", sorted(EXPECTED - {"aftersales_base"}))
def test_every_addon_builds_on_base(addon):
    assert "aftersales_base" in _manifest(addon)["depends"]
