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

import cProfile
import os
import pstats
import threading
import time
from dataclasses import dataclass

PAGE = os.sysconf("SC_PAGE_SIZE")

SCENARIOS = []


@dataclass
class Scenario:
    name: str
    baseline: str
    func: object
    scales: tuple
    goal: float | None
    seconds_goal: float | None = None
    commits: bool = False


def scenario(name, baseline, scales=(1,), goal=None, seconds_goal=None, commits=False):
    """``goal``: the highest time ratio to the baseline; ``seconds_goal``: the longest time of the measured call
    (issue 16: 60 s for 100,000 follow-up calls scheduled or escalated); ``commits``: the measured call commits
    (a cron run as the scheduler runs it, see :func:`run_as_scheduler`), so it is not rolled back: the scenario
    function prepares its data again before each repeat."""

    def deco(func):
        SCENARIOS.append(Scenario(name, baseline, func, tuple(scales), goal, seconds_goal, commits))
        return func

    return deco


def rss_mb():
    """The process's resident memory now, in MB (Linux /proc)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


class MemorySampler:
    """Samples the resident memory every ``interval`` seconds while a measured call runs (no tracing, so the
    times are not slowed): the peak above the start, and the samples at 10 %, 50 % and 90 % of the run to show
    whether memory stays flat across the batches or grows with them."""

    def __init__(self, interval=0.2):
        self.interval = interval
        self.samples = []
        self._stop = threading.Event()

    def __enter__(self):
        self.start = rss_mb()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self):
        while not self._stop.wait(self.interval):
            self.samples.append(rss_mb())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.samples.append(rss_mb())

    def summary(self):
        samples = self.samples
        at = [samples[min(len(samples) - 1, int(len(samples) * f))] - self.start for f in (0.1, 0.5, 0.9)]
        return max(samples) - self.start, at


def requires(*modules):
    """The addons a scenario needs: bench/run.py skips it on a database without them."""

    def deco(func):
        func.requires = set(modules)
        return func

    return deco


def cron_scenario(name, baseline):
    """A batch cron at 10,000 and 100,000 records, run as the scheduler runs it (:func:`run_as_scheduler`,
    so committed); issue 16's goal: 60 s."""
    return scenario(name, baseline, scales=(10_000, 100_000), seconds_goal=60, commits=True)


def sql_count(env, query, params=None):
    """The count a ``SELECT count(*)`` query gives (what a cron run left behind, checked after it)."""
    env.cr.execute(query, params)
    return env.cr.fetchone()[0]


def run_as_scheduler(env, xmlid):
    """Run a cron job as Odoo's scheduler does (``ir.cron._run_job``: its own cursor, a progress record, up to
    10 batches per run, a commit after each batch), run after run until the job reports nothing remaining."""
    cron = env.ref(xmlid)
    env.cr.execute("SELECT *, NULL AS timed_out_counter FROM ir_cron WHERE id = %s", [cron.id])
    job = env.cr.dictfetchone()
    env.cr.commit()  # the bench's cursor holds nothing while the job's cursor works
    Cron = type(env["ir.cron"])
    for _run in range(10_000):
        status = Cron._run_job(dict(job))
        if status != "partially done":
            if status != "fully done":
                raise RuntimeError(f"the cron job {xmlid} ended {status}")
            return
    raise RuntimeError(f"the cron job {xmlid} did not end")


def measure(env, func, repeat, commits=False, prepare=None):
    cr = env.cr
    best = None
    queries = None
    memory = None
    for run in range(repeat):
        if commits and run:
            prepare()
            cr.commit()
            vacuum(env)
        env.invalidate_all()
        if not commits:
            cr.execute("SAVEPOINT bench")
        thread = threading.current_thread()
        thread.query_count, thread.query_time = 0, 0.0  # Odoo's sql_db adds each query's time here
        profile = cProfile.Profile() if os.environ.get("BENCH_PROFILE") else None
        with MemorySampler() as sampler:
            t0, c0 = time.perf_counter(), time.process_time()
            if profile:
                profile.enable()
            func()
            env.flush_all()
            if profile:
                profile.disable()
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            sql = thread.query_time
        if profile:  # BENCH_PROFILE=N: the N most expensive functions (cumulative), profiled runs are slower
            stats = pstats.Stats(profile).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative"))
            stats.print_stats(int(os.environ["BENCH_PROFILE"]))
        count = thread.query_count  # every cursor of this thread (a cron's own cursor too)
        if not commits:
            cr.execute("ROLLBACK TO SAVEPOINT bench")
        env.invalidate_all()
        if best is None or elapsed < best:
            memory = sampler.summary() + (cpu, sql)
        best = elapsed if best is None else min(best, elapsed)
        queries = count if queries is None else min(queries, count)
    return queries, best, memory


def memory_text(memory):
    """The Odoo process's CPU time (wall time minus waiting for PostgreSQL and for a core on a shared machine),
    the time its queries took (PostgreSQL's answer as the process saw it) and its memory."""
    peak, (m10, m50, m90), cpu, sql = memory
    samples = f"+{m10:.0f}/+{m50:.0f}/+{m90:.0f} MB at 10/50/90 %"
    return f"CPU {cpu:.1f} s, SQL {sql:.1f} s, peak RSS +{peak:.0f} MB ({samples})"


def vacuum(env):
    """VACUUM ANALYZE after generating data (as autovacuum would have done in production): the measured call
    does not pay for the generation's dead rows and unset hint bits, and the planner knows the new tables."""
    import odoo.sql_db

    with odoo.sql_db.db_connect(env.cr.dbname).cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM ANALYZE")


def run(env, selected=None, scale=None, repeat=5, out=print):
    rows = []
    for sc in SCENARIOS:
        if selected and selected not in sc.name:
            continue
        for sc_scale in (scale,) if scale else sc.scales:
            measured, baseline = sc.func(env, sc_scale)
            env.cr.commit()
            vacuum(env)
            q1, t1, m1 = measure(
                env, measured, repeat, sc.commits, prepare=lambda sc=sc, sc_scale=sc_scale: sc.func(env, sc_scale)
            )
            if os.environ.get("BENCH_NO_BASELINE"):  # the measured call alone (long runs at 100,000 records)
                q0, t0, m0 = 0, 0.0, (0.0, (0.0, 0.0, 0.0), 0.0, 0.0)
            else:
                q0, t0, m0 = measure(env, baseline, repeat)
            ratio = t1 / t0 if t0 else float("inf")
            goal = f"goal <= {sc.goal:g}x: {'met' if ratio <= sc.goal else 'MISSED'}" if sc.goal else ""
            if sc.seconds_goal:
                goal += f" goal <= {sc.seconds_goal:g} s: {'met' if t1 <= sc.seconds_goal else 'MISSED'}"
            row = (sc.name, sc_scale, q1, t1 * 1000, sc.baseline, q0, t0 * 1000, ratio, goal, m1, m0)
            rows.append(row)
            out(
                f"{sc.name} @ {sc_scale:,}: {q1} queries, {t1 * 1000:.1f} ms, {memory_text(m1)} | "
                f"baseline {sc.baseline}: {q0} queries, {t0 * 1000:.1f} ms, {memory_text(m0)} | "
                f"ratio {ratio:.2f}x {goal}"
            )
    return rows
