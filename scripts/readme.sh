#!/usr/bin/env bash
# Generates each addon's README.rst and static/description/index.html from its readme/*.md fragments and
# its manifest with OCA's `oca-gen-addon-readme` (as OCA's pre-commit does). The repository test
# tests/test_packaging.py checks in every test run that README.rst carries the digest of the current
# fragments and manifest, so a changed readme/ or manifest without `make readme` fails.
#
# The tool (OCA maintainer-tools) is not on the package index: it is installed into its own virtualenv
# (READMETOOL_VENV, default ~/.cache/aftersales/readme-venv: one per machine, shared by every checkout) from
# MAINTAINER_TOOLS, a pip requirement: a local checkout of maintainer-tools or its git URL (the default,
# pinned to a commit). Markdown fragments need pandoc (apt-get install pandoc).
# Usage: scripts/readme.sh [addon ...]   (default: every addon of addons/)
source "$(dirname "$0")/common.sh"
TOOL_VENV="${READMETOOL_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/aftersales/readme-venv}"
MAINTAINER_TOOLS="${MAINTAINER_TOOLS:-git+https://github.com/OCA/maintainer-tools@d4657f8c17a576d0c56c68064e199545ee75db52}"
command -v pandoc >/dev/null || die "pandoc is missing (apt-get install pandoc): it converts the Markdown fragments"
if [ ! -x "$TOOL_VENV/bin/oca-gen-addon-readme" ]; then
    echo "==> installing oca-gen-addon-readme into $TOOL_VENV from $MAINTAINER_TOOLS"
    python3 -m venv "$TOOL_VENV"
    # maintainer-tools takes its version from git (hatch-vcs): a checkout without history needs one given
    SETUPTOOLS_SCM_PRETEND_VERSION="${SETUPTOOLS_SCM_PRETEND_VERSION:-0.0.0}" \
        "$TOOL_VENV/bin/python" -m pip install -q "$MAINTAINER_TOOLS" \
        || die "cannot install maintainer-tools from $MAINTAINER_TOOLS: set MAINTAINER_TOOLS to a local checkout"
fi
args=()
if [ $# -gt 0 ]; then
    for addon in "$@"; do args+=(--addon-dir "$ROOT/addons/$addon"); done
else
    args+=(--addons-dir "$ROOT/addons")
fi
# the repository's own coordinates (manifests' website), the Odoo series as branch
"$TOOL_VENV/bin/oca-gen-addon-readme" --org-name aftersales-suite --repo-name aftersales --branch 18.0 "${args[@]}"
echo "==> README.rst and static/description/index.html generated"
