#!/usr/bin/env bash
# Load benchmark (issue 16; never in CI): `make bench-load`.
#  1. builds (or reuses) database aftersales_load (the five addons, no demo data) and its load users
#     (bench/load/setup.py, in odoo-bin shell);
#  2. installs Locust into var/bench-venv (bench/requirements-load.txt; never into the Odoo virtualenv);
#  3. serves the database as `make serve` does (scripts/serve.sh: prefork workers, limits, proxy_mode,
#     no database manager) on a free 127.0.0.1 port;
#  4. runs Locust headless twice: 1 advisor + 1 dealer (the single-user p95), then ADVISORS advisors +
#     DEALERS dealers for DURATION; prints the report (bench/load/report.py) and stops the server.
# Options: DURATION=3m ADVISORS=20 DEALERS=20 SINGLE_DURATION=45s WORKERS=2 LOAD_DB=aftersales_load
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
DB="${LOAD_DB:-aftersales_load}"
DURATION="${DURATION:-3m}"
ADVISORS="${ADVISORS:-20}"
DEALERS="${DEALERS:-20}"
SINGLE_DURATION="${SINGLE_DURATION:-45s}"
OUT="$ROOT/var/bench-load"
BVENV="$ROOT/var/bench-venv"
mkdir -p "$OUT" "$ROOT/var/log"

if ! psql -d "$DB" -Atc "select 1 from ir_module_module where name='aftersales_followup' and state='installed'" 2>/dev/null | grep -q 1; then
    dropdb --if-exists "$DB"
    echo "==> building $DB (no demo data)"
    odoo_bin -d "$DB" -i "$ADDONS" --without-demo=all --stop-after-init --log-level=warn --http-port=0
fi
echo "==> load users and records in $DB"
LOAD_TEAMS="$ADVISORS" LOAD_DEALERS="$DEALERS" "$PY" "$ODOO_SRC/odoo-bin" shell -c "$ROOT/odoo.conf" \
    --addons-path="$ADDONS_PATH" -d "$DB" --no-http --log-level=warn \
    < "$ROOT/bench/load/setup.py" | grep '^LOAD_SETUP ' | cut -d' ' -f2- > "$OUT/setup.json"
[ -s "$OUT/setup.json" ] || die "the load setup failed (bench/load/setup.py)"

if [ ! -x "$BVENV/bin/locust" ]; then
    echo "==> installing Locust into $BVENV"
    python3 -m venv "$BVENV"
    "$BVENV/bin/pip" install -q -r "$ROOT/bench/requirements-load.txt"
fi

port=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
gport=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
SERVE_DB="$DB" SERVE_PORT="$port" SERVE_GEVENT_PORT="$gport" SERVE_WORKERS="${WORKERS:-2}" \
    SERVE_ARGS="--max-cron-threads=0" setsid bash "$ROOT/scripts/serve.sh" > "$OUT/serve.out" 2>&1 &
server=$!
cleanup() { kill -TERM -- "-$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap cleanup EXIT
for _i in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/web/health" >/dev/null && break
    kill -0 "$server" 2>/dev/null || die "the server stopped: see $OUT/serve.out and var/log/serve.log"
    sleep 1
done
curl -sf "http://127.0.0.1:$port/web/health" >/dev/null || die "the server did not start"
echo "==> $DB served by ${WORKERS:-2} workers on http://127.0.0.1:$port"

locust() {  # locust NAME ADVISORS DEALERS RUNTIME ODOMETER_OFFSET
    LOAD_SETUP="$OUT/setup.json" LOAD_ADVISORS="$2" LOAD_DEALERS="$3" LOAD_ODOMETER_OFFSET="$5" timeout 1800 "$BVENV/bin/locust" -f "$ROOT/bench/load/locustfile.py" \
        --headless --host "http://127.0.0.1:$port" -u $(($2 + $3)) -r $(($2 + $3)) --run-time "$4" --stop-timeout 30 \
        --csv "$OUT/$1" --only-summary --loglevel WARNING > "$OUT/$1.out" 2>&1 || true
}
echo "==> single user (1 advisor + 1 dealer) for $SINGLE_DURATION"
locust single 1 1 "$SINGLE_DURATION" 1000
echo "==> load ($ADVISORS advisors + $DEALERS dealers) for $DURATION"
locust load "$ADVISORS" "$DEALERS" "$DURATION" 50000
"$PY" "$ROOT/bench/load/report.py" "$OUT/single_stats.csv" "$OUT/load_stats.csv" "$DURATION"
