"""`make setup` on a machine without Odoo: it tries to fetch the 18.0 branch, and where the
repository cannot be reached it stops with instructions (never half-installs)."""

import os
import subprocess

from .conftest import ROOT


def test_setup_without_odoo_stops_with_instructions(tmp_path):
    env = dict(
        os.environ,
        ODOO_SRC=str(tmp_path / "odoo18"),
        ODOO_GIT_URL=f"file://{tmp_path}/no-such-repository",
        VENV=str(tmp_path / "venv"),
    )
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "setup.sh")], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 1
    assert "trying to fetch the official 18.0 branch" in result.stdout
    assert "not reachable" in result.stderr
    assert "Odoo 18.0 Community was not found" in result.stderr
    assert "export ODOO_SRC=" in result.stderr
    assert not (tmp_path / "venv").exists(), "nothing is installed without Odoo"
