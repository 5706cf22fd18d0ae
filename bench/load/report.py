"""Report of the load benchmark from Locust's CSV statistics: python report.py SINGLE.csv LOAD.csv DURATION."""

import csv
import re
import sys

SETTLE = "18 settle"


def rows(path):
    with open(path, encoding="utf-8") as f:
        return {row["Name"]: row for row in csv.DictReader(f)}


def minutes(duration):
    total = 0
    for value, unit in re.findall(r"(\d+)([hms])", duration):
        total += int(value) * {"h": 3600, "m": 60, "s": 1}[unit]
    return (total or int(duration)) / 60


def num(row, key):
    value = row.get(key) or "0"
    return float(value) if value != "N/A" else 0.0


def main(single_path, load_path, duration):
    single, load = rows(single_path), rows(load_path)
    mins = minutes(duration)
    total = load.get("Aggregated", {})
    settled = num(load.get(SETTLE, {}), "Request Count") - num(load.get(SETTLE, {}), "Failure Count")
    print(
        f"load: {duration}, {num(total, 'Request Count') / mins:.0f} requests/min, "
        f"{settled / mins:.1f} work orders settled/min, {num(total, 'Failure Count'):.0f} errors"
    )
    print(f"{'operation':32} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'1-user p95':>10} {'ratio':>6}")
    for name, row in sorted(load.items(), key=lambda item: (item[0] == "Aggregated", item[0])):
        base = num(single.get(name, {}), "95%")
        p95 = num(row, "95%")
        ratio = f"{p95 / base:.1f}x" if base else "-"
        print(
            f"{name[:32]:32} {num(row, 'Request Count'):8.0f} {num(row, 'Failure Count'):6.0f} "
            f"{num(row, '50%'):7.0f} {p95:7.0f} {base:10.0f} {ratio:>6}"
        )


if __name__ == "__main__":
    main(*sys.argv[1:4])
