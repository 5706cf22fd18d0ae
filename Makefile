# Two commands set up and run a demo; one runs all tests. See README.md.
.PHONY: setup demo demo-reset demo-oem serve test lint bench bench-load i18n format readme wheels

setup:      ## virtualenv, Python requirements, PostgreSQL running
	bash scripts/setup.sh

demo: setup ## database aftersales_demo with demo data, served on :8069 (admin/admin)
	bash scripts/demo.sh

demo-reset: setup
	RESET=1 bash scripts/demo.sh

demo-oem: setup ## the OEM site as a second demo database on :8070, the dealer demo (make demo) connected to it
	bash scripts/demo_oem.sh

serve: setup ## the demo database as production runs it: workers, limits, proxy_mode, no database manager
	bash scripts/serve.sh

test: setup ## every addon's Odoo tests + repository tests + install-alone checks
	bash scripts/test.sh

lint:       ## ruff, pylint-odoo (OCA mandatory checks), oca-checks-odoo-module, oca-checks-po, manifestoo
	bash scripts/lint.sh

readme:     ## each addon's README.rst and static/description/index.html from readme/*.md (oca-gen-addon-readme)
	bash scripts/readme.sh

wheels: setup ## build each addon's wheel (whool), install them into a clean venv and a fresh database (also in make test)
	bash scripts/wheel_install_test.sh

format:     ## ruff fixes and formatting, OCA's .po formatting
	.venv/bin/ruff check --fix addons tests bench && .venv/bin/ruff format addons tests bench
	bash scripts/po_format.sh

bench: setup ## benchmarks (query counts, time ratios); SCALE=... SCENARIO=...
	bash scripts/bench.sh

bench-load: setup ## load benchmark (Locust, 127.0.0.1 only): DURATION=3m ADVISORS=20 DEALERS=20 NODES=1|2 THINK=1-3; not in CI
	bash scripts/bench_load.sh

i18n:       ## refresh .pot files and merge them into zh_CN.po
	bash scripts/i18n.sh
