from odoo.addons.aftersales_base.tests.cron_common import run_one_cron_batch, set_cron_batch_size
from odoo.tests import Form, tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestCounterDailyReport(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = cls.env["res.partner"].create({"name": "财务部 刘会计", "email": "caiwu@example.com"})
        cls._stock(cls.clutch, 5)
        form = Form(cls.env["aftersales.parts.demand"].with_user(cls.clerk))
        form.partner_id = cls.customer
        with form.line_ids.new() as line:
            line.product_id = cls.clutch
            line.product_uom_qty = 1
        cls.demand = form.save()
        cls.demand.with_user(cls.clerk).action_confirm()

    def _report_mails(self):
        return self.env["mail.mail"].search([("model", "=", "res.company"), ("res_id", "=", self.company.id)])

    def test_setting_names_the_finance_recipient(self):
        """The recipient is picked in Settings and stored on the company."""
        settings = Form(self.env["res.config.settings"])
        settings.as_finance_partner_id = self.finance
        settings.save().execute()
        self.assertEqual(self.company.as_finance_partner_id, self.finance)

    def test_cashier_button_mails_the_report_to_finance(self):
        """The cashier sends today's report: a mail to finance with the counter report attached."""
        self.company.as_finance_partner_id = self.finance
        action = self.env["aftersales.parts.demand"].with_user(self.clerk).action_as_send_counter_daily_report()
        self.assertEqual(action["params"]["type"], "success")
        mail = self._report_mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.finance)
        self.assertIn("Counter daily report", mail.subject)
        self.assertIn(self.demand.name, mail.body_html)  # a cash sale not paid yet
        attachment = mail.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertTrue(attachment.name.startswith("Counter Daily Report") and attachment.name.endswith(".pdf"))
        # the attachment is the counter daily report (rendered as HTML in tests) listing the day's sale
        self.assertIn(self.demand.name.encode(), attachment.raw)
        self.assertIn(b"Counter Daily Report", attachment.raw)

    def test_daily_cron_mails_the_report(self):
        """The active daily scheduled action queues the report to finance."""
        self.company.as_finance_partner_id = self.finance
        cron = self.env.ref("aftersales_parts.ir_cron_counter_daily_report")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
        cron.method_direct_trigger()
        mail = self._report_mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.finance)
        self.assertIn(self.demand.name.encode(), mail.attachment_ids.raw)

    def test_nothing_sent_without_recipient(self):
        """Without a finance recipient nothing is sent; the log and the cashier are told why."""
        self.company.as_finance_partner_id = False
        cron = self.env.ref("aftersales_parts.ir_cron_counter_daily_report")
        logger = "odoo.addons.aftersales_parts.models.aftersales_parts_demand_counter_report"
        with self.assertLogs(logger, "WARNING") as logs:
            cron.method_direct_trigger()
        self.assertIn("no finance recipient", logs.output[0])
        action = self.env["aftersales.parts.demand"].with_user(self.clerk).action_as_send_counter_daily_report()
        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn("finance recipient", action["params"]["message"])
        self.assertFalse(self._report_mails())

    def test_restarted_cron_never_mails_a_report_twice(self):
        """Killed after one batch of companies, the cron resumes with the others; a company reported today is not
        reported again, however often the job runs."""
        self.company.as_finance_partner_id = self.finance
        other = self.env["res.company"].create({"name": "大连金杯4S店", "as_finance_partner_id": self.finance.id})
        companies = self.env["res.company"].search([])
        set_cron_batch_size(self.env, 1)
        cron = "aftersales_parts.ir_cron_counter_daily_report"
        first = run_one_cron_batch(self.env, cron, "_cron_send_counter_daily_report")
        self.assertEqual((first.done, first.remaining), (1, len(companies) - 1))
        while run_one_cron_batch(self.env, cron, "_cron_send_counter_daily_report").remaining:
            pass
        # a restart the same day (the scheduler, a manual run) sends nothing more
        self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_send_counter_daily_report").done, 0)
        self.env["aftersales.parts.demand"]._cron_send_counter_daily_report()
        mails = self.env["mail.mail"].search(
            [("model", "=", "res.company"), ("res_id", "in", (self.company | other).ids)]
        )
        self.assertEqual(sorted(mails.mapped("res_id")), sorted((self.company | other).ids), "one report per company")
