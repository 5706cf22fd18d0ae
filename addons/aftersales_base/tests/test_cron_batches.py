from datetime import timedelta

from odoo import fields

from .common import AftersalesCase
from .cron_common import run_one_cron_batch, set_cron_batch_size

CRON = "aftersales_base.ir_cron_progress_reminder"


class TestCronBatches(AftersalesCase):
    """The progress reminder works in batches: a job killed after one batch resumes where it stopped."""

    def _orders_due(self, count):
        orders = self.env["repair.order"]
        for __ in range(count):
            orders |= self._new_order()
        # setUp as superuser: orders in the workshop whose progress check is due
        orders.write(
            {"service_stage": "in_progress", "next_progress_check": fields.Datetime.now() - timedelta(hours=1)}
        )
        self.env["repair.order"].search([("id", "not in", orders.ids), ("service_stage", "=", "in_progress")]).write(
            {"next_progress_check": fields.Datetime.now() + timedelta(days=1)}
        )
        return orders

    def test_interrupted_reminder_resumes_without_redoing_or_losing_work(self):
        orders = self._orders_due(5)
        set_cron_batch_size(self.env, 2)
        first = run_one_cron_batch(self.env, CRON, "_cron_progress_reminder")
        self.assertEqual((first.done, first.remaining), (2, 3), "one batch of 2, then Odoo calls the job again")
        reminded = orders.filtered("activity_ids")
        self.assertEqual(len(reminded), 2)
        # the worker is killed here; the next runs go on with the orders not reminded yet
        second = run_one_cron_batch(self.env, CRON, "_cron_progress_reminder")
        self.assertEqual((second.done, second.remaining), (2, 1))
        third = run_one_cron_batch(self.env, CRON, "_cron_progress_reminder")
        self.assertEqual((third.done, third.remaining), (1, 0), "the last batch says nothing remains")
        for order in orders:
            self.assertEqual(len(order.activity_ids), 1, "every order reminded exactly once")
        self.assertEqual(run_one_cron_batch(self.env, CRON, "_cron_progress_reminder").done, 0)

    def test_direct_call_still_does_the_whole_work(self):
        """Outside the cron worker (a test, a shell) the method loops over the batches until nothing remains."""
        orders = self._orders_due(5)
        set_cron_batch_size(self.env, 2)
        self.assertEqual(self.env["repair.order"]._cron_progress_reminder(), 5)
        self.assertTrue(all(len(order.activity_ids) == 1 for order in orders))
