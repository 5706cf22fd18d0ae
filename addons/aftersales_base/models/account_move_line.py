from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _prepare_analytic_distribution_line(self, distribution, account_ids, distribution_on_each_plan):
        vals = super()._prepare_analytic_distribution_line(distribution, account_ids, distribution_on_each_plan)
        # The cost of a work order's internal part, charged to the internal analytic account by its
        # stock valuation entry, is listed with the order's internal charges.
        repair = self.move_id.stock_move_id.repair_id
        if repair:
            vals["as_repair_id"] = repair.id
        return vals
