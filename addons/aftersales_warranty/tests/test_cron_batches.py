from unittest.mock import patch

from odoo.addons.aftersales_base.tests.cron_common import run_one_cron_batch, set_cron_batch_size
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestWarrantyCronBatches(TransactionCase):
    def test_pass_rate_alerts_resume_after_one_batch(self):
        """Killed after one batch of dealers, the monthly alert goes on with the others and alerts none twice."""
        new_test_user(self.env, "as_wm_cron", groups="aftersales_warranty.group_aftersales_warranty_manager")
        names = ("华晨", "金杯", "一汽")
        dealers = self.env["res.partner"].create([{"name": name, "is_company": True} for name in names])
        below = dict(zip(dealers, (50.0, 60.0, 70.0), strict=True))
        Claim = type(self.env["aftersales.warranty.claim"])
        set_cron_batch_size(self.env, 2)
        cron = "aftersales_warranty.ir_cron_pass_rate_alert"
        with patch.object(Claim, "_dealers_below_goal", lambda self, date_from, date_to: below):
            first = run_one_cron_batch(self.env, cron, "_cron_pass_rate_alert")
            self.assertEqual((first.done, first.remaining), (2, 1))
            self.assertEqual(len(dealers.filtered("activity_ids")), 2, "the first batch is kept")
            second = run_one_cron_batch(self.env, cron, "_cron_pass_rate_alert")
            self.assertEqual((second.done, second.remaining), (1, 0))
            self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_pass_rate_alert").done, 0)
        for dealer in dealers:
            self.assertEqual(len(dealer.activity_ids), 1, "one alert per dealer and month")
            self.assertIn("below the", dealer.activity_ids.summary)
