from datetime import datetime
from unittest.mock import patch

from odoo.addons.aftersales_base.tests.cron_common import run_one_cron_batch, set_cron_batch_size
from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestPartsCronBatches(PartsCommon):
    """The parts crons work in batches: a job killed after one batch resumes without redoing or losing work."""

    def test_overdue_escalation_resumes_after_one_batch(self):
        Feedback = self.env["aftersales.parts.quality.feedback"]
        Feedback.search([("escalated", "=", False)]).write({"escalated": True})
        dealer = self.env["res.partner"].create({"name": "沈阳华晨特约服务中心", "is_company": True})
        feedbacks = Feedback.create(
            [{"partner_id": dealer.id, "description": "缺件两只", "kind": "shortage"} for _i in range(3)]
        )
        feedbacks.write({"report_date": datetime(2020, 1, 6, 9, 0)})
        set_cron_batch_size(self.env, 2)
        cron = "aftersales_parts.ir_cron_parts_quality_feedback_escalate"
        first = run_one_cron_batch(self.env, cron, "_cron_escalate_overdue")
        self.assertEqual((first.done, first.remaining), (2, 1))
        self.assertEqual(len(feedbacks.filtered("escalated")), 2)
        second = run_one_cron_batch(self.env, cron, "_cron_escalate_overdue")
        self.assertEqual((second.done, second.remaining), (1, 0))
        self.assertTrue(all(feedbacks.mapped("escalated")))
        self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_escalate_overdue").done, 0)

    def test_abc_classes_resume_after_one_batch(self):
        customer_location = self.env.ref("stock.stock_location_customers")
        for product, qty in ((self.clutch, 40), (self.pad, 10), (self.filter, 5)):
            self._stock(product, qty)
            move = self.env["stock.move"].create(
                {
                    "name": product.name,
                    "product_id": product.id,
                    "product_uom_qty": qty,
                    "product_uom": product.uom_id.id,
                    "location_id": self.stock.id,
                    "location_dest_id": customer_location.id,
                }
            )
            move._action_confirm()
            move._action_assign()
            move.picked = True
            move._action_done()
        parts = (self.clutch | self.pad | self.filter).product_tmpl_id
        Template = self.env["product.template"]
        # the other parts of the database already have their class: only these three change
        Template._cron_compute_abc_class()
        parts.write({"as_abc_class": False})
        set_cron_batch_size(self.env, 2)
        cron = "aftersales_parts.ir_cron_parts_abc_class"
        # one ranking, then the changes a batch at a time, each batch reported (and committed under the
        # scheduler) before the next is written: a worker killed after the first keeps it
        reported = []
        notify = type(self.env["ir.cron"])._notify_progress

        def record(cron_self, *, done, remaining, deactivate=False):
            reported.append((done, remaining, len(parts.filtered("as_abc_class"))))
            return notify(cron_self, done=done, remaining=remaining, deactivate=deactivate)

        with patch.object(type(self.env["ir.cron"]), "_notify_progress", record):
            first = run_one_cron_batch(self.env, cron, "_cron_compute_abc_class")
        self.assertEqual(reported[0], (2, 1, 2), "the first batch of 2 is written and reported before the next")
        self.assertEqual((first.done, first.remaining), (3, 0))
        # a resumed run ranks again and finds nothing different: nothing is written twice
        parts.invalidate_recordset()
        self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_compute_abc_class").done, 0, "nothing redone")
        # a run killed after its first batch: the next one writes only the third part
        parts[2].as_abc_class = False
        self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_compute_abc_class").done, 1)
        # the same classes as one run: 89.9 % / 9 % / 1.1 %
        self.assertEqual((self.clutch.as_abc_class, self.pad.as_abc_class, self.filter.as_abc_class), ("a", "b", "c"))
