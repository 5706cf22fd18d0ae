"""Run a scheduled job the way the cron worker does, one batch per call (shared by the addons' cron tests)."""

from odoo.addons.aftersales_base.tools.cron_batch import BATCH_SIZE_PARAM


def set_cron_batch_size(env, size):
    """The administrator's batch size (a system parameter), small in tests to cut the work into batches."""
    env["ir.config_parameter"].set_param(BATCH_SIZE_PARAM, str(size))


def run_one_cron_batch(env, cron_xmlid, method_name):
    """One call of the job by the cron worker, which commits it; a worker killed at ``limit_time_real_cron``
    right after this batch leaves exactly this done. Returns the job's progress (done, remaining)."""
    cron = env.ref(cron_xmlid)
    progress = env["ir.cron.progress"].create({"cron_id": cron.id, "done": 0, "remaining": 0})
    model = env[cron.model_id.model].with_context(ir_cron_progress_id=progress.id)
    getattr(model, method_name)()
    env.flush_all()
    return progress
