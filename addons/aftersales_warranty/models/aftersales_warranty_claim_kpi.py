"""The claim pass rate of the dealers (KPI): the monthly alert to the warranty managers."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches


# The claim is split by concern into files of the same model (checker, accounting, KPI, portal), as OCA does.
class AftersalesWarrantyClaim(models.Model):
    _inherit = "aftersales.warranty.claim"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _dealers_below_goal(self, date_from, date_to):
        """{dealer: pass rate} of the dealers whose pass rate over the period is below the company goal."""
        groups = self._read_group(
            [
                ("decision_date", ">=", date_from),
                ("decision_date", "<", date_to),
                ("company_id", "=", self.env.company.id),
            ],
            ["dealer_id"],
            ["pass_rate:avg"],
        )
        goal = self.env.company.as_claim_pass_rate_goal
        return {dealer: rate for dealer, rate in groups if rate < goal}

    @api.model
    def _cron_pass_rate_alert(self, batch_size=None):
        """Monthly: the warranty managers get an activity for each dealer below the pass-rate goal last month.

        In batches of dealers: a dealer that already has this month's alert is skipped, so a resumed run goes
        on with the others and never alerts twice.
        """
        first = fields.Date.context_today(self).replace(day=1)
        previous = (first - timedelta(days=1)).replace(day=1)
        below = self._dealers_below_goal(previous, first)
        managers = self.env.ref("aftersales_warranty.group_aftersales_warranty_manager").users.filtered(
            lambda u: self.env.company in u.company_ids and not u.share
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")

        def summary(rate):
            return self.env._(
                "Claim pass rate %(rate)s %% in %(month)s, below the %(goal)s %% goal",
                rate=round(rate, 1),
                month=previous.strftime("%Y-%m"),
                goal=self.env.company.as_claim_pass_rate_goal,
            )

        def todo():
            if not managers:
                return []
            alerted = self.env["mail.activity"].search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", [dealer.id for dealer in below]),
                    ("activity_type_id", "=", activity_type.id),
                    ("summary", "in", [summary(rate) for rate in below.values()]),
                ]
            )
            done = {(a.res_id, a.summary) for a in alerted}
            return [(d, r) for d, r in below.items() if (d.id, summary(r)) not in done]

        def step(limit):
            batch = todo()[:limit]
            for dealer, rate in batch:
                dealer.activity_schedule(
                    activity_type_id=activity_type.id, summary=summary(rate), user_id=managers[0].id
                )
            return len(batch), len(todo()) if batch else 0

        run_cron_batches(self.env, step, batch_size)
        return below
