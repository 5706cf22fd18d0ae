"""Run the benchmarks: python bench/run.py -d DB [--scenario TEXT] [--scale N] [--repeat N].

Started by scripts/bench.sh, which prepares the database; see bench/README.md.
"""

import argparse
import importlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-c", "--config", default=str(HERE.parent / "odoo.conf"))
    parser.add_argument("--addons-path", default=os.environ.get("ADDONS_PATH"))
    parser.add_argument("--scenario", help="run only scenarios whose name contains this text")
    parser.add_argument("--scale", type=int, help="override the scenarios' scales")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import odoo
    from odoo.modules.registry import Registry

    options = ["-c", args.config, "-d", args.database, "--log-level=warn"]
    if args.addons_path:
        options.append(f"--addons-path={args.addons_path}")
    odoo.tools.config.parse_config(options)
    sys.path.insert(0, str(HERE.parent))
    from bench import harness

    for path in sorted(HERE.glob("scenarios_*.py")):
        importlib.import_module(f"bench.{path.stem}")
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        installed = set(env["ir.module.module"].search([("state", "=", "installed")]).mapped("name"))
        harness.SCENARIOS[:] = [s for s in harness.SCENARIOS if getattr(s.func, "requires", set()) <= installed]
        harness.run(env, args.scenario, args.scale, args.repeat)


if __name__ == "__main__":
    main()
