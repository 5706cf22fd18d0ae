"""Checks of the two-node run (issue 16), run by scripts/bench_load.sh with NODES=2 (127.0.0.1 only).

python nodes_check.py session DB LOGIN NODE_A_URL NODE_B_URL BALANCER_URL
    a session opened on node A works on node B (same user, a read of its own record) and through the
    balancer on fresh connections (both nodes), because the nodes share one data directory (sessions);
python nodes_check.py cron RUNS LOG_A LOG_B JOB_NAME
    the counting cron ran RUNS times in total (its own counter), each due run on ONE node: the nodes'
    logs show as many starts as the counter and no two starts closer than 30 s (the job runs every
    minute; a job run once per node would start twice within seconds).
"""

import re
import sys
from datetime import datetime
from urllib.parse import urlparse

import requests

TIMEOUT = 30


def local(url):
    if urlparse(url).hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit(f"127.0.0.1 only, not {url}")
    return url


def rpc(session, url, path, params):
    payload = {"jsonrpc": "2.0", "method": "call", "params": params}
    answer = session.post(local(url) + path, json=payload, timeout=TIMEOUT)
    answer.raise_for_status()
    body = answer.json()
    if "error" in body:
        raise AssertionError(f"{url}{path}: {body['error'].get('data', {}).get('message')}")
    return body["result"]


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)
    print("    ok:", message)


def session_check(db, login, node_a, node_b, balancer):
    on_a = requests.Session()
    info = rpc(on_a, node_a, "/web/session/authenticate", {"db": db, "login": login, "password": login})
    uid = info["uid"]
    cookie = on_a.cookies.get("session_id")
    on_b = requests.Session()
    on_b.cookies.set("session_id", cookie)
    info_b = rpc(on_b, node_b, "/web/session/get_session_info", {})
    check(info_b.get("uid") == uid, f"the session opened on node A ({node_a}) is the same user on node B ({node_b})")
    read = rpc(
        on_b,
        node_b,
        "/web/dataset/call_kw/res.users/read",
        {
            "model": "res.users",
            "method": "read",
            "args": [[uid], ["login"]],
            "kwargs": {},
        },
    )
    check(read[0]["login"] == login, "node B serves that session's calls (read of the user's own record)")
    uids = set()
    for _i in range(4):  # fresh connections: the balancer sends them to A, B, A, B
        fresh = requests.Session()
        fresh.cookies.set("session_id", cookie)
        fresh.headers["Connection"] = "close"
        uids.add(rpc(fresh, balancer, "/web/session/get_session_info", {}).get("uid"))
    check(uids == {uid}, f"through the balancer ({balancer}) every connection, on either node, is that user")


def starts(log, job):
    pattern = re.compile(
        r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),\d+ \d+ INFO \S+ odoo\.addons\.base\.models\.ir_cron: "
        r"Job '" + re.escape(job) + r"' \(\d+\) starting"
    )
    found = []
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            match = pattern.match(line)
            if match:
                found.append(datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S"))
    return found


def cron_check(runs, log_a, log_b, job, seconds):
    """``seconds``: how long the job was active (every minute); each due minute is run by ONE node."""
    on_a, on_b = starts(log_a, job), starts(log_b, job)
    print(f"    cron '{job}': counter {runs}, started {len(on_a)} times on node A, {len(on_b)} times on node B")
    due = seconds // 60 + 1
    check(runs >= 2, "the counting cron ran during the load run")
    check(len(on_a) + len(on_b) == runs, "every start is one run (starts in both logs = the job's own counter)")
    check(
        runs <= due,
        f"{runs} runs for {due} due times in {seconds} s: each due run on one node only (once per node: ~{2 * due})",
    )


if __name__ == "__main__":
    if sys.argv[1] == "session":
        session_check(*sys.argv[2:7])
    elif sys.argv[1] == "cron":
        cron_check(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
    else:
        raise SystemExit(__doc__)
