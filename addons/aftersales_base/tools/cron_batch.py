"""Batch crons that survive ``limit_time_real_cron``: one batch per transaction, resumed by Odoo.

A batch step is ``step(limit) -> (processed, remaining[, done])``: it processes at most ``limit`` records that are
still to do (its search excludes what earlier batches did, so a resumed run never redoes work) and says how many
remain. ``processed`` (records or a count) is what the cron method returns, summed over the batches; ``done``, the
number of records handled, defaults to its size.

Run by the cron scheduler (``ir_cron_progress_id`` in the context), :func:`run_cron_batches` runs ONE step and
reports it with ``ir.cron._notify_progress``: Odoo commits the batch, and while ``remaining > 0`` calls the job
again in a new transaction (up to 10 times per run, then it re-triggers the job as soon as possible). A worker
killed at ``limit_time_real_cron`` loses only the batch it was in: the next run starts where it stopped.

Called directly (tests, shell, a button), it loops over the steps in the caller's transaction until nothing
remains, so the method still does the whole work.
"""

import threading

from odoo import models

BATCH_SIZE_PARAM = "aftersales_base.cron_batch_size"
DEFAULT_BATCH_SIZE = 1000


def cron_batch_size(env, default=DEFAULT_BATCH_SIZE):
    """Records per batch: the system parameter ``aftersales_base.cron_batch_size`` (a positive integer)."""
    # sudo: the cron user reads a technical setting of the administrator; nothing of it is shown to a user.
    value = env["ir.config_parameter"].sudo().get_param(BATCH_SIZE_PARAM)
    try:
        size = int(value or default)
    except ValueError:
        size = default
    return size if size > 0 else default


def _merge(total, processed):
    if total is None:
        return processed
    if isinstance(processed, models.BaseModel):
        return total | processed
    return total + processed


def run_cron_batches(env, step, batch_size=None):
    """Run ``step`` batch by batch (see the module doc); return the union (or sum) of what was processed."""
    limit = batch_size or cron_batch_size(env)
    in_cron = bool(env.context.get("ir_cron_progress_id"))
    total = None
    while True:
        processed, remaining, *handled = step(limit)
        total = _merge(total, processed)
        done = handled[0] if handled else len(processed) if isinstance(processed, models.BaseModel) else processed
        # what a batch wrote goes to the database and leaves the cache: memory stays flat over the batches
        env.flush_all()
        env.invalidate_all()
        if in_cron:
            env["ir.cron"]._notify_progress(done=done, remaining=remaining)
            return total
        if not remaining or not done:
            return total


def commit_batch(env, done, remaining):
    """For a step whose preparation is costly and shared by all its batches (the ABC classes rank every part
    before the first write): after each batch the step writes, under the scheduler, report the progress and
    commit, so a worker killed later keeps the batches already written and the next run goes on from there;
    the step then returns what it did in all. Called directly (tests, shell), nothing is committed."""
    env.flush_all()
    if env.context.get("ir_cron_progress_id"):
        env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        if not getattr(threading.current_thread(), "testing", False):
            env.cr.commit()  # pylint: disable=invalid-commit
    env.invalidate_all()
