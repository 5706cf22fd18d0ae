#!/usr/bin/env bash
# Load benchmark (issue 16; never in CI): `make bench-load`.
#  1. builds (or reuses) database aftersales_load (the five addons, no demo data) and its load users
#     (bench/load/setup.py, in odoo-bin shell);
#  2. installs Locust into var/bench-venv (bench/requirements-load.txt; never into the Odoo virtualenv);
#  3. serves the database as `make serve` does (scripts/serve.sh: prefork workers, limits, proxy_mode,
#     no database manager) on a free 127.0.0.1 port; NODES=2: two such nodes (WORKERS each, default 1, and a
#     cron worker each) over the same database and data directory behind bench/load/balancer.py, and checks
#     that a session works on both nodes and that a cron runs once, not once per node;
#  4. runs Locust headless twice: 1 advisor + 1 dealer (the single-user p95), then ADVISORS advisors +
#     DEALERS dealers for DURATION; prints the report (bench/load/report.py) and stops the server.
# Users start SPAWN_RATE (2) per second (each logs in: ~100 password checks), statistics reset once all run.
# Options: DURATION=3m ADVISORS=20 DEALERS=20 SINGLE_DURATION=90s THINK=1-3 SPAWN_RATE=2 NODES=1 WORKERS=2 (1 per node with NODES=2)
#          LOAD_DB=aftersales_load
source "$(dirname "$0")/common.sh"
require_odoo
require_venv
start_postgres
DB="${LOAD_DB:-aftersales_load}"
DURATION="${DURATION:-3m}"
ADVISORS="${ADVISORS:-20}"
DEALERS="${DEALERS:-20}"
SINGLE_DURATION="${SINGLE_DURATION:-90s}"
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

free_port() { "$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
servers=()
cleanup() {
    for pid in "${servers[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
    for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
start_node() {  # start_node NAME PORT WORKERS CRON_THREADS: one Odoo node as `make serve` runs it
    SERVE_DB="$DB" SERVE_PORT="$2" SERVE_GEVENT_PORT="$(free_port)" SERVE_WORKERS="$3" \
        SERVE_CONF="$OUT/odoo-$1.conf" SERVE_LOG="$OUT/$1.log" SERVE_ARGS="--max-cron-threads=$4" \
        setsid bash "$ROOT/scripts/serve.sh" > "$OUT/$1.out" 2>&1 &
    servers+=("$!")
}
wait_up() {  # wait_up PORT
    for _i in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$1/web/health" >/dev/null && return 0
        sleep 1
    done
    die "the server on port $1 did not start: see $OUT/*.out and $OUT/*.log"
}

NODES="${NODES:-1}"
rm -f "$OUT"/node-*.log  # each run's server logs alone (the query and cron reports read them)
if [ "$NODES" = 1 ]; then
    port=$(free_port)
    start_node node-a "$port" "${WORKERS:-2}" 0
    wait_up "$port"
    echo "==> $DB served by ${WORKERS:-2} workers on http://127.0.0.1:$port (crons off)"
elif [ "$NODES" = 2 ]; then
    # two Odoo processes over one PostgreSQL and one data directory (filestore and sessions: Odoo's default
    # data_dir/sessions), each with its cron worker, behind the round-robin balancer of bench/load/balancer.py
    port_a=$(free_port); port_b=$(free_port); port=$(free_port)
    cron_start=$(date +%s)
    psql -d "$DB" -qc "update ir_cron set active = true, nextcall = now() at time zone 'utc' where cron_name = 'bench: count runs';
                       delete from ir_config_parameter where key = 'bench_load.cron_runs';"
    start_node node-a "$port_a" "${WORKERS:-1}" 1
    start_node node-b "$port_b" "${WORKERS:-1}" 1
    setsid "$PY" "$ROOT/bench/load/balancer.py" --listen "$port" --backend "$port_a" --backend "$port_b" \
        --max-seconds 2400 > "$OUT/balancer.out" 2>&1 &
    servers+=("$!")
    wait_up "$port_a"; wait_up "$port_b"; wait_up "$port"
    echo "==> $DB on two nodes (${WORKERS:-1} workers and 1 cron worker each) :$port_a and :$port_b," \
        "balanced round-robin on http://127.0.0.1:$port"
    login=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['teams'][0]['logins']['advisor'])" "$OUT/setup.json")
    "$PY" "$ROOT/bench/load/nodes_check.py" session "$DB" "$login" "http://127.0.0.1:$port_a" \
        "http://127.0.0.1:$port_b" "http://127.0.0.1:$port" || die "the session check across the nodes failed"
else
    die "NODES is 1 or 2"
fi

locust() {  # locust NAME ADVISORS DEALERS RUNTIME ODOMETER_OFFSET
    LOAD_SETUP="$OUT/setup.json" LOAD_THINK="${THINK:-}" LOAD_ADVISORS="$2" LOAD_DEALERS="$3" LOAD_ODOMETER_OFFSET="$5" timeout 1800 "$BVENV/bin/locust" -f "$ROOT/bench/load/locustfile.py" \
        --headless --host "http://127.0.0.1:$port" -u $(($2 + $3)) -r "${SPAWN_RATE:-2}" --reset-stats --run-time "$4" --stop-timeout 30 \
        --csv "$OUT/$1" --only-summary --loglevel WARNING > "$OUT/$1.out" 2>&1 || true
}
# a warm server first (its caches, compiled templates and the first flows' one-time work), as in the load
# run: otherwise the single-user p95 includes the cold start and flatters the ratio
echo "==> warm-up (1 advisor + 1 dealer) for ${WARMUP_DURATION:-30s}, not measured"
locust warmup 1 1 "${WARMUP_DURATION:-30s}" 500
echo "==> single user (1 advisor + 1 dealer) for $SINGLE_DURATION"
locust single 1 1 "$SINGLE_DURATION" 1000
echo "==> load ($ADVISORS advisors + $DEALERS dealers) for $DURATION"
locust load "$ADVISORS" "$DEALERS" "$DURATION" 50000
"$PY" "$ROOT/bench/load/report.py" "$OUT/single_stats.csv" "$OUT/load_stats.csv" "$DURATION"
echo "==> queries per operation (server logs of both runs; not affected by the machine's load)"
"$PY" "$ROOT/bench/load/queries.py" "$OUT"/node-*.log
if [ "$NODES" = 2 ]; then
    echo "==> crons on two nodes"
    runs=$(psql -d "$DB" -Atc "select value from ir_config_parameter where key = 'bench_load.cron_runs'")
    psql -d "$DB" -qc "update ir_cron set active = false where cron_name = 'bench: count runs'"
    "$PY" "$ROOT/bench/load/nodes_check.py" cron "${runs:-0}" "$OUT/node-a.log" "$OUT/node-b.log" "bench: count runs" \
        $(( $(date +%s) - cron_start )) \
        || die "the cron check across the nodes failed"
fi
