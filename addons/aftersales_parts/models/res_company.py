from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_abc_a_share = fields.Float(
        string="A-class share of consumption value (%)",
        default=80.0,
    )
    as_abc_b_share = fields.Float(
        string="B-class share of consumption value (%)",
        default=15.0,
    )
    as_quotes_required = fields.Integer(
        string="Quotes compared for A-class parts",
        default=3,
        help="An order of A-class parts is confirmed once this many vendors quoted (the order and its "
        "alternatives), unless a parts manager confirms it with a reason (货比三家).",
    )
    as_dead_stock_months = fields.Integer(
        string="Dead stock after (months without movement)",
        default=12,
    )
    as_old_part_retention_days = fields.Integer(
        string="Old parts retention (days)",
        default=90,
        help="How long a removed part is kept in the old-parts store before disposal.",
    )
    as_parts_region_id = fields.Many2one(
        "aftersales.parts.region",
        string="Parts region",
        help="Region whose vehicle population gives the reserve quotas of warehouses not in one of its provinces.",
    )
    as_stock_loss_account_id = fields.Many2one(
        "account.account",
        string="Inventory loss account",
        check_company=True,
        domain="[('internal_group', '=', 'expense')]",
        help="Expense account of stocktake losses and written-off parts: the valuation account of the "
        "Inventory adjustment and Scrap locations. Defaults to the chart's expense account.",
    )
    as_stock_gain_account_id = fields.Many2one(
        "account.account",
        string="Inventory gain account",
        check_company=True,
        domain="[('internal_group', '=', 'income')]",
        help="Income account of stocktake gains. Defaults to the chart's other income account.",
    )
    as_pending_disposal_location_id = fields.Many2one(
        "stock.location",
        string="Pending disposal location",
        help="Approved write-offs wait here, still valued, until they are disposed of. Empty: the Pending "
        "Disposal location of the company's main warehouse.",
    )

    as_finance_partner_id = fields.Many2one(
        "res.partner",
        string="Finance recipient of the counter daily report",
        help="The cashier's daily counter report is e-mailed to this contact every evening (and on demand). "
        "Without one, the report is not sent.",
    )
    as_blind_count = fields.Selection(
        [("never", "Never"), ("quarterly", "Quarterly full counts"), ("all", "All counts")],
        string="Blind count",
        default="quarterly",
        required=True,
        help="In a blind count the counters do not see the book quantity and start from an empty count; "
        "the variance is computed once the count is submitted.",
    )

    def _as_get_pending_disposal_location(self):
        """The company's pending-disposal location: the one chosen in the settings, else its main warehouse's
        (every warehouse has one, see stock.warehouse._get_locations_values)."""
        return self._as_warehouse_location("as_pending_disposal_location_id")

    as_tech_high_points = fields.Integer(
        string="High-tech part from (points)",
        default=35,
        help="Parts scoring at least this many technology points are high-tech parts (35-50).",
    )
    as_tech_technical_points = fields.Integer(
        string="Technical part from (points)",
        default=25,
        help="Parts scoring at least this many points (and below the high-tech bar) are technical parts.",
    )
    as_qa_decision_days = fields.Integer(
        string="QA decision within (working days)",
        default=2,
        help="Unpacking damage or shortage: QA gives cause and decision within this many working days.",
    )
    as_qa_reply_days = fields.Integer(
        string="Reply to dealer within (working days)",
        default=1,
        help="After the QA decision, the OEM answers the dealer within this many working days.",
    )

    # ------------------------------------------------------------------ inventory gains and losses
    def write(self, vals):
        result = super().write(vals)
        if {"as_stock_loss_account_id", "as_stock_gain_account_id"} & set(vals):
            self._as_configure_loss_locations(force=True)
        return result

    def _as_default_loss_accounts(self):
        """The chart's own accounts by their role: the expense account of product categories for losses,
        an other-income account (else the categories' income account) for gains. No account code is assumed,
        so this holds for any chart of accounts."""
        self.ensure_one()
        Account = self.env["account.account"].with_company(self)
        category = self.env.ref("product.product_category_all", raise_if_not_found=False)
        category = (category or self.env["product.category"].search([], limit=1)).with_company(self)
        domain = Account._check_company_domain(self)
        # a localization bridge (e.g. aftersales_l10n_cn) may name its chart's own accounts
        loss = (
            self._as_chart_account("stock_loss")
            or category.property_account_expense_categ_id
            or Account.search([*domain, ("account_type", "=", "expense")], limit=1)
        )
        gain = self._as_chart_account("stock_gain") or Account.search(
            [*domain, ("account_type", "=", "income_other")], limit=1
        )
        return loss, gain or category.property_account_income_categ_id

    def _as_configure_loss_locations(self, force=False):  # pylint: disable=missing-return
        """Post stocktake losses and write-offs to an expense account and gains to income, through the valuation
        accounts of the company's Inventory adjustment and Scrap locations (stock_account's own mechanism),
        instead of the stock interim (asset) accounts of the categories. Locations already configured by hand
        are left alone unless ``force`` (the setting was changed)."""
        Location = self.env["stock.location"]
        for company in self:
            if not company.as_stock_loss_account_id or not company.as_stock_gain_account_id:
                loss, gain = company._as_default_loss_accounts()
                vals = {
                    "as_stock_loss_account_id": company.as_stock_loss_account_id.id or loss.id,
                    "as_stock_gain_account_id": company.as_stock_gain_account_id.id or gain.id,
                }
                # the defaults are stored without write()'s reconfiguration, which would force every location
                super(ResCompany, company).write(vals)  # pylint: disable=super-method-mismatch
            # the opening stock location (aftersales_base) posts to the opening-balance account, not gains
            locations = Location.search(
                [("usage", "=", "inventory"), ("company_id", "=", company.id), ("as_opening", "=", False)]
            )
            if not force:
                locations = locations.filtered(
                    lambda loc: not loc.valuation_in_account_id and not loc.valuation_out_account_id
                )
            locations.write(
                {
                    "valuation_in_account_id": company.as_stock_loss_account_id.id,
                    "valuation_out_account_id": company.as_stock_gain_account_id.id,
                }
            )
        return True

    @api.model
    def _as_configure_all_loss_locations(self):
        """Install and update: every company with a chart of accounts."""
        self.search([("chart_template", "!=", False)])._as_configure_loss_locations()

    @api.model
    def _as_uninstall_restore_loss_locations(self):
        """Uninstallation: the Inventory adjustment and Scrap locations post again through the categories'
        stock accounts, as stock_account does: the valuation accounts this addon gave them are removed (an
        account set by hand, other than the company's loss and gain accounts, is kept)."""
        Location = self.env["stock.location"].with_context(active_test=False)
        # every company: a database has a handful
        for company in self.search([]):  # pylint: disable=no-search-all
            locations = Location.search([("usage", "=", "inventory"), ("company_id", "=", company.id)])
            for field, account in (
                ("valuation_in_account_id", company.as_stock_loss_account_id),
                ("valuation_out_account_id", company.as_stock_gain_account_id),
            ):
                if account:
                    locations.filtered(lambda loc, f=field, a=account: loc[f] == a).write({field: False})
