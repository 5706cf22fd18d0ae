import logging
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches

_logger = logging.getLogger(__name__)

COUNTER_REPORT_DAY_PARAM = "aftersales_parts.counter_report_day.%s"


class PartsDemand(models.Model):
    """The counter daily report: the cashier sends the day's counter sales to finance (柜台日报)."""

    _inherit = "aftersales.parts.demand"

    @api.model
    def _as_counter_day(self, company, day=None):
        """Return the day and its UTC bounds in the company's time zone (``res.company._as_timezone``)."""
        tz = company._as_timezone()
        day = day or datetime.now(tz).date()
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
        return day, start, start + timedelta(days=1)

    @api.model
    def _as_counter_daily_demands(self, company, day=None):
        """The counter sales of the day: the records of the counter daily report."""
        day, start, end = self._as_counter_day(company, day)
        return self.search(
            [
                ("company_id", "=", company.id),
                ("category", "=", "sale"),
                ("state", "not in", ("draft", "cancel")),
                ("date", ">=", start),
                ("date", "<", end),
            ]
        )

    @api.model
    def _as_counter_daily_summary(self, demands):
        """What finance reconciles: totals, cash sales not yet paid, sales not yet delivered."""
        unpaid = demands.filtered(
            lambda d: d.payment_mode == "cash"
            and not any(inv.payment_state in ("paid", "in_payment") for inv in d.sale_order_id.invoice_ids)
        )
        undelivered = demands.filtered(lambda d: not d.picking_ids or any(p.state != "done" for p in d.picking_ids))
        return {
            "as_demand_count": len(demands),
            "as_amount_total": sum(demands.mapped("amount_total")),
            "as_unpaid_names": ", ".join(unpaid.mapped("name")),
            "as_undelivered_names": ", ".join(undelivered.mapped("name")),
        }

    @api.model
    def _as_send_counter_daily_report(self, company, day=None):
        """E-mail the counter daily report of the day to the company's finance recipient.

        Returns the queued mail.mail, or an empty recordset (and a warning in the log) when no finance
        recipient is set in Settings.
        """
        day, __, __ = self._as_counter_day(company, day)
        if not company.as_finance_partner_id:
            _logger.warning(
                "Counter daily report of %s for %s not sent: no finance recipient is set in Settings.",
                company.name,
                day,
            )
            return self.env["mail.mail"]
        demands = self._as_counter_daily_demands(company, day)
        report = self.env.ref("aftersales_parts.action_report_counter_daily")
        # sudo: the report states the payment and delivery of every counter sale of the day, which the counter
        # staff sending it may not read one by one (sale orders of other salespeople); it goes to finance only.
        content, __ = self.env["ir.actions.report"].sudo()._render_qweb_pdf(report, demands.ids)
        name = self.env._("Counter Daily Report %(date)s.pdf", date=fields.Date.to_string(day))
        # sudo: the cashier may not write on the company the report is filed under; the attachment is
        # the report just rendered, with no other user input.
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "raw": content,
                    "mimetype": "application/pdf",
                    "res_model": "res.company",
                    "res_id": company.id,
                }
            )
        )
        template = self.env.ref("aftersales_parts.mail_template_counter_daily_report")
        mail_id = template.with_context(
            as_report_date=fields.Date.to_string(day), **self._as_counter_daily_summary(demands)
        ).send_mail(company.id, email_values={"attachment_ids": [(4, attachment.id)]})
        _logger.info(
            "Counter daily report of %s for %s queued to %s.", company.name, day, company.as_finance_partner_id.name
        )
        return self.env["mail.mail"].sudo().browse(mail_id)

    def action_as_send_counter_daily_report(self):
        """Button of the cashier: send today's counter report of the current company to finance now."""
        company = self.env.company
        mail = self._as_send_counter_daily_report(company)
        if mail:
            message = self.env._(
                "Today's counter daily report was sent to %(partner)s.",
                partner=company.as_finance_partner_id.display_name,
            )
            kind = "success"
        else:
            message = self.env._(
                "The counter daily report was not sent: set the finance recipient in Settings (After-Sales, Parts)."
            )
            kind = "warning"
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"message": message, "type": kind, "sticky": False},
        }

    @api.model
    def _cron_send_counter_daily_report(self, batch_size=None):
        """Every evening, each company's counter daily report goes to finance, once a day per company.

        Companies without a finance recipient are skipped; when they had counter sales that day, the log says
        the report was not sent. In batches of companies: the day of the report is marked in the same
        transaction as its queued mail, so a cron restarted after a crash or a timeout skips the companies
        already reported that day and never mails a report twice.
        """
        # sudo: the cron's own bookkeeping (the day each company was last reported), a technical parameter.
        params = self.env["ir.config_parameter"].sudo()

        def todo():
            companies = self.env["res.company"].search([], order="id")
            return companies.filtered(
                lambda c: params.get_param(COUNTER_REPORT_DAY_PARAM % c.id)
                != fields.Date.to_string(self._as_counter_day(c)[0])
            )

        def step(limit):
            companies = todo()[:limit]
            for company in companies:
                if company.as_finance_partner_id or self._as_counter_daily_demands(company):
                    self.with_company(company)._as_send_counter_daily_report(company)
                day = fields.Date.to_string(self._as_counter_day(company)[0])
                params.set_param(COUNTER_REPORT_DAY_PARAM % company.id, day)
            return companies, len(todo()) if companies else 0

        return run_cron_batches(self.env, step, batch_size) or self.env["res.company"]
