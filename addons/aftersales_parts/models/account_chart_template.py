from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _load(self, template_code, company, install_demo, force_create=True):
        result = super()._load(template_code, company, install_demo, force_create=force_create)
        # a chart loaded (or replaced) after installation brings its own expense and income accounts
        company = company or self.env.company
        # emptied, the loss and gain accounts are taken again from the new chart (see res.company.write)
        company.write({"as_stock_loss_account_id": False, "as_stock_gain_account_id": False})
        return result
