from odoo import Command
from odoo.addons.aftersales_base.tests.cron_common import run_one_cron_batch, set_cron_batch_size
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestNetworkCronBatches(TransactionCase):
    def test_periodic_evaluations_resume_after_one_batch(self):
        """Killed after one batch of dealers, the weekly job opens the other dealers' sheets, none twice."""
        self.env["aftersales.network.scorecard"].create(
            {
                "name": "考核标准",
                "version": "T9",
                "kind": "evaluation",
                "criterion_ids": [Command.create({"group_name": "服务", "name": "接待", "max_points": 100})],
            }
        )
        Partner = self.env["res.partner"]
        Partner.search([("is_network_dealer", "=", True)]).write({"is_network_dealer": False})
        dealers = Partner.create(
            [
                {"name": name, "is_company": True, "is_network_dealer": True}
                for name in ("沈阳华晨", "大连金杯", "长春一汽")
            ]
        )
        set_cron_batch_size(self.env, 2)
        cron = "aftersales_network.ir_cron_network_periodic_evaluations"
        first = run_one_cron_batch(self.env, cron, "_cron_schedule_periodic_evaluations")
        self.assertEqual((first.done, first.remaining), (2, 1))
        second = run_one_cron_batch(self.env, cron, "_cron_schedule_periodic_evaluations")
        self.assertEqual((second.done, second.remaining), (1, 0))
        self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_schedule_periodic_evaluations").done, 0)
        sheets = self.env["aftersales.network.evaluation"].search(
            [("partner_id", "in", dealers.ids), ("kind", "=", "periodic")]
        )
        self.assertEqual(sheets.partner_id, dealers)
        self.assertEqual(len(sheets), 3, "one sheet per dealer")
        self.assertTrue(all(sheets.mapped("activity_ids")))

    def test_periodic_evaluations_skip_a_company_without_scorecard(self):
        """A dealer of a company with no periodic scorecard gets no sheet, and the job does not fail (it once
        stopped on a sheet without scorecard, leaving every other dealer unevaluated)."""
        Partner = self.env["res.partner"]
        Partner.search([("is_network_dealer", "=", True)]).write({"is_network_dealer": False})
        other = self.env["res.company"].create({"name": "无考核标准的公司"})
        Card = self.env["aftersales.network.scorecard"]
        cards = Card.search([("kind", "=", "evaluation"), ("company_id", "in", (False, other.id))])
        cards.write({"company_id": self.env.company.id})
        self.assertFalse(Card._get_current("evaluation", other))
        dealer = Partner.create({"name": "鞍山华通", "is_company": True, "is_network_dealer": True})
        dealer.company_id = other
        Evaluation = self.env["aftersales.network.evaluation"]
        Evaluation._cron_schedule_periodic_evaluations()
        self.assertFalse(Evaluation.search([("partner_id", "=", dealer.id), ("kind", "=", "periodic")]))
