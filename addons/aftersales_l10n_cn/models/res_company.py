from odoo import models

# Accounts of l10n_cn's small-business chart (小企业会计准则) by after-sales role, by their chart code.
CN_ACCOUNTS = {
    "stock_valuation": "l10n_cn_common_account_1405",  # 库存商品
    "stock_input": "l10n_cn_account_140201",  # 暂收存货 (received, not yet billed)
    "stock_output": "l10n_cn_account_140202",  # 暂付存货 (issued, not yet invoiced)
    "stock_loss": "l10n_cn_account_5711",  # 营业外支出: stocktake losses and write-offs
    "stock_gain": "l10n_cn_account_5301",  # 营业外收入: stocktake gains
    "internal_expense": "l10n_cn_account_560101",  # 商品维修费: parts of internal jobs
}
CATEGORY_FIELDS = {
    "property_stock_valuation_account_id": "stock_valuation",
    "property_stock_account_input_categ_id": "stock_input",
    "property_stock_account_output_categ_id": "stock_output",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    def _as_chart_account(self, role):
        self.ensure_one()
        account = super()._as_chart_account(role)
        if self.chart_template == "cn" and role in CN_ACCOUNTS:
            account = self.env.ref(f"account.{self.id}_{CN_ACCOUNTS[role]}", raise_if_not_found=False) or account
        return account

    def _as_cn_setup_accounts(self):
        """Real-time valuation of parts on China's chart: l10n_cn leaves the categories' stock accounts to the
        defaults, so set them on the company (default of new categories) and on every product category, put
        internal jobs on 商品维修费 and stocktake results on 营业外支出 / 营业外收入 (aftersales_parts' setting),
        with Anglo-Saxon accounting (parts cost moves to 主营业务成本 when the invoice is posted)."""
        Default = self.env["ir.default"]
        for company in self:
            accounts = {role: company._as_chart_account(role) for role in CN_ACCOUNTS}
            categories = self.env["product.category"].with_company(company).search([])
            for fname, role in CATEGORY_FIELDS.items():
                Default.set("product.category", fname, accounts[role].id, company_id=company.id)
                categories.write({fname: accounts[role].id})
            vals = {"anglo_saxon_accounting": True}
            if not company.as_internal_expense_account_id:
                vals["as_internal_expense_account_id"] = accounts["internal_expense"].id
            if "as_stock_loss_account_id" in company._fields:  # aftersales_parts installed
                vals.update(as_stock_loss_account_id=accounts["stock_loss"].id)
                vals.update(as_stock_gain_account_id=accounts["stock_gain"].id)
            company.write(vals)
