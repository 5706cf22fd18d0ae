from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
ADDONS = sorted(p.name for p in ADDONS_DIR.iterdir() if (p / "__manifest__.py").is_file())


@pytest.fixture(scope="session")
def root():
    return ROOT
