"""Benchmark harness: query counts and time ratios against a baseline in the same run.

A scenario module in bench/ (``scenarios_*.py``) registers pairs with ``@scenario``::

    @scenario("vehicle lookup by VIN", baseline="partner lookup by ref", scales=(10_000, 300_000))
    def vin_lookup(env, scale):
        ...prepare data (not measured)...
        return measured, baseline   # two callables taking no argument

The runner calls each callable ``repeat`` times inside a savepoint that is rolled
back, and prints the SQL query count and the best wall time of each, and their
ratio. Generated data is committed, so a second run at the same scale is fast.
"""

import time
from dataclasses import dataclass

SCENARIOS = []


@dataclass
class Scenario:
    name: str
    baseline: str
    func: object
    scales: tuple
    goal: float | None


def scenario(name, baseline, scales=(1,), goal=None):
    def deco(func):
        SCENARIOS.append(Scenario(name, baseline, func, tuple(scales), goal))
        return func

    return deco


def measure(env, func, repeat):
    cr = env.cr
    best = None
    queries = None
    for _ in range(repeat):
        env.invalidate_all()
        cr.execute("SAVEPOINT bench")
        before = cr.sql_log_count
        t0 = time.perf_counter()
        func()
        env.flush_all()
        elapsed = time.perf_counter() - t0
        count = cr.sql_log_count - before
        cr.execute("ROLLBACK TO SAVEPOINT bench")
        env.invalidate_all()
        best = elapsed if best is None else min(best, elapsed)
        queries = count if queries is None else min(queries, count)
    return queries, best


def run(env, selected=None, scale=None, repeat=5, out=print):
    rows = []
    for sc in SCENARIOS:
        if selected and selected not in sc.name:
            continue
        for sc_scale in (scale,) if scale else sc.scales:
            measured, baseline = sc.func(env, sc_scale)
            env.cr.commit()
            q1, t1 = measure(env, measured, repeat)
            q0, t0 = measure(env, baseline, repeat)
            ratio = t1 / t0 if t0 else float("inf")
            goal = f"goal <= {sc.goal:g}x: {'met' if ratio <= sc.goal else 'MISSED'}" if sc.goal else ""
            row = (sc.name, sc_scale, q1, t1 * 1000, sc.baseline, q0, t0 * 1000, ratio, goal)
            rows.append(row)
            out(
                f"{sc.name} @ {sc_scale:,}: {q1} queries, {t1 * 1000:.1f} ms | "
                f"baseline {sc.baseline}: {q0} queries, {t0 * 1000:.1f} ms | ratio {ratio:.2f}x {goal}"
            )
    return rows
