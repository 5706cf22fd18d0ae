"""Query counts per operation of a load run, from the Odoo servers' logs: python queries.py LOG [LOG...].

Odoo ends each request line of its log (logger ``werkzeug``) with the request's SQL query count, SQL time and
remaining (Python) time. The locustfile puts the operation's name in the query string of every JSON-RPC call
(``?op=...``); portal pages are named by method and path. Prints, per operation, the number of requests, the
median and maximum query count and the median SQL and Python times: unlike the latencies under load, the query
counts do not depend on what else runs on the machine.
"""

import re
import statistics
import sys
from collections import defaultdict
from urllib.parse import unquote

LINE = re.compile(r'"(GET|POST) ([^ ?"]+)(?:\?op=([^ "&]+))?[^"]*" (\d{3}) \S+ (\d+) ([\d.]+) ([\d.]+)')
PORTAL = {
    ("GET", "/my/warranty"): "portal: list claims",
    ("GET", "/my/warranty/new"): "portal: new claim form",
    ("POST", "/my/warranty/new"): "portal: file claim",
}


def main(paths):
    per_op = defaultdict(list)
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as log:
            for line in log:
                match = LINE.search(line)
                if not match:
                    continue
                method, url, op, _status, queries, sql, rest = match.groups()
                name = unquote(op) if op else PORTAL.get((method, url))
                if name:
                    per_op[name].append((int(queries), float(sql), float(rest)))
    print(f"{'operation':32} {'requests':>8} {'queries':>7} {'max':>5} {'SQL ms':>7} {'Python ms':>9}")
    for name, rows in sorted(per_op.items()):
        queries = [r[0] for r in rows]
        print(
            f"{name[:32]:32} {len(rows):8} {statistics.median(queries):7.0f} {max(queries):5} "
            f"{statistics.median(r[1] for r in rows) * 1000:7.0f} {statistics.median(r[2] for r in rows) * 1000:9.0f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
