"""Odoo's own code stays outside the repository (ODOO_SRC)."""

from .conftest import ADDONS_DIR, ROOT

CORE_ADDONS = {"base", "web", "stock", "repair", "fleet", "account", "sale", "purchase", "mail", "crm", "survey"}


def test_no_odoo_bin_or_odoo_package():
    assert not (ROOT / "odoo-bin").exists()
    assert not (ROOT / "odoo" / "addons").exists()
    assert not (ROOT / "odoo" / "release.py").exists()


def test_no_core_addon_folder():
    present = {p.name for p in ADDONS_DIR.iterdir() if p.is_dir()}
    assert not present & CORE_ADDONS, present & CORE_ADDONS


def test_only_our_addons_under_addons():
    for path in ADDONS_DIR.iterdir():
        if path.is_dir() and (path / "__manifest__.py").exists():
            assert path.name.startswith("aftersales_"), path.name
