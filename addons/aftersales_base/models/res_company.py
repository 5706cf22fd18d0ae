from datetime import timedelta

import pytz

from odoo import api, fields, models

CHINA_TZ = "Asia/Shanghai"


class ResCompany(models.Model):
    _inherit = "res.company"

    # Customer archive
    as_maintenance_months = fields.Integer(string="Default maintenance interval (months)", default=6)
    as_maintenance_km = fields.Integer(string="Default maintenance interval (km)", default=5000)
    as_archive_days = fields.Integer(string="Days to complete the customer archive", default=2)
    as_archive_user_id = fields.Many2one(
        "res.users",
        string="Customer archive responsible",
        help="Gets an activity when an archive is incomplete after a visit (the follow-up clerk).",
    )
    # Workshop
    as_simple_job_hours = fields.Integer(string="Simple job commitment (hours)", default=24)
    as_complex_job_hours = fields.Integer(string="Complex job commitment (hours)", default=72)
    as_comeback_days = fields.Integer(string="Comeback window (days)", default=30)
    as_progress_reminder_minutes = fields.Integer(string="Progress check reminder (minutes)", default=30)
    as_washing_enabled = fields.Boolean(string="Washing step", default=True)
    as_phone_region = fields.Char(
        string="Default phone region",
        default="CN",
        help="Country code (ISO, e.g. CN) of phone numbers typed without a country: Chinese mobiles are "
        "checked and written +86 138 0013 8000.",
    )
    # Portal
    as_portal_upload_max_mb = fields.Float(
        string="Largest portal attachment (MB)",
        default=10.0,
        help="Files uploaded on the portal (photos, documents) may not be larger; only images and PDF files "
        "are accepted.",
    )
    as_labour_rate = fields.Monetary(string="Labour rate per hour", default=120.0, currency_field="currency_id")
    as_warranty_labour_rate = fields.Monetary(
        string="Warranty labour rate per hour", default=100.0, currency_field="currency_id"
    )
    as_labour_product_id = fields.Many2one(
        "product.product", string="Labour product", domain=[("type", "=", "service")]
    )
    as_internal_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Internal work analytic account",
        help="Internal lines of work orders (the dealer's own vehicles, goodwill) are charged here.",
    )
    as_internal_expense_account_id = fields.Many2one(
        "account.account",
        string="Internal work expense account",
        check_company=True,
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost'))]",
        help="Expense account charged with the cost of the parts of internal work. Empty: the expense account "
        "of the part's category (by default the company's expense account).",
    )
    # Targets (seed defaults)
    as_target_intake_day = fields.Integer(string="Target intake per day", default=20)
    as_target_intake_month = fields.Integer(string="Target intake per month", default=650)
    as_target_insurance_avg = fields.Monetary(
        string="Target insurance revenue per vehicle", default=1800.0, currency_field="currency_id"
    )
    as_target_insurance_total = fields.Monetary(
        string="Target insurance revenue per year", default=2200000.0, currency_field="currency_id"
    )
    as_target_base_customers = fields.Integer(string="Target base customers", default=1500)
    as_target_comeback_rate = fields.Float(string="Comeback rate goal (%)", default=2.0)
    as_target_first_fix_rate = fields.Float(string="First-time-fix rate goal (%)", default=98.0)

    # ------------------------------------------------------------------ chart of accounts
    @api.model
    def _as_demo_chart_template(self):
        """Demo: China's small-business chart (``cn``) when l10n_cn is installed, else Odoo's generic chart."""
        installed = self.env["ir.module.module"].search_count([("name", "=", "l10n_cn"), ("state", "=", "installed")])
        return "cn" if installed else "generic_coa"

    def _as_demo_load_chart(self):
        """Demo: give the company the demo chart (see _as_demo_chart_template) before any entry is posted.

        Replacing account's generic demo chart drops the taxes of the products already created: those sold get
        the new chart's default sales tax again, the company's pricelist its currency. Anglo-Saxon accounting
        (cost of parts at invoicing) as on the generic chart."""
        template = self._as_demo_chart_template()
        for company in self.filtered(lambda c: c.chart_template != template):
            self.env["account.chart.template"].try_loading(template, company=company, install_demo=False)
            company.anglo_saxon_accounting = True
            # the company's pricelist was made in the former currency: sales are in the chart's (CNY)
            self.env["product.pricelist"].search([("company_id", "=", company.id)]).currency_id = company.currency_id
            products = self.env["product.template"].search([("sale_ok", "=", True), ("taxes_id", "=", False)])
            products._force_default_sale_tax(company)

    def _as_chart_account(self, role):
        """Localization hook: the account a chart's bridge addon gives an after-sales role ("stock_loss",
        "stock_gain", "internal_expense"); none here (the addons then take the chart's accounts by type)."""
        return self.env["account.account"]

    # ------------------------------------------------------------------ time zone, warehouse locations
    def _as_tz(self):
        """The company's time zone: its address's, else China's for a Chinese company, else none (False)."""
        company = self[:1] or self.env.company
        return company.partner_id.tz or (CHINA_TZ if company.country_id.code == "CN" else False)

    def _as_timezone(self):
        """The zone the company's days are counted in (pytz): its own (``_as_tz``), else the user's, else UTC."""
        company = self[:1] or self.env.company
        return pytz.timezone(company._as_tz() or self.env.user.tz or "UTC")

    def _as_local_date(self, value):
        """The company's day of a UTC datetime (a delivery at 08:30 in Shanghai is that day's, not the day before
        in UTC), whoever's environment computes it (``_as_timezone``; no new environment per value: crons)."""
        return pytz.utc.localize(value).astimezone(self._as_timezone()).date()

    def _as_warehouse_location(self, field, warehouse=None):
        """A location the addons give each warehouse (``field`` on the warehouse and, as a setting, on the
        company): the company's setting when chosen, else the location of ``warehouse`` (default: the
        company's main warehouse)."""
        self.ensure_one()
        if self[field]:
            return self[field]
        warehouse = warehouse or self.env["stock.warehouse"].search([("company_id", "=", self.id)], limit=1)
        return warehouse[field]

    # ------------------------------------------------------------------ opening stock (期初库存)
    def _create_per_company_locations(self):
        res = super()._create_per_company_locations()
        self._as_create_opening_location()
        return res

    def _as_create_opening_location(self):
        """Each company's virtual location of its opening stock, next to Odoo's Inventory adjustment."""
        Location = self.env["stock.location"]
        parent = self.env.ref("stock.stock_location_locations_virtual", raise_if_not_found=False)
        for company in self:
            if not Location.search_count([("as_opening", "=", True), ("company_id", "=", company.id)]):
                Location.create(
                    {
                        "name": self.env._("Opening Stock"),
                        "usage": "inventory",
                        "location_id": parent.id if parent else False,
                        "company_id": company.id,
                        "as_opening": True,
                    }
                )

    @api.model
    def _as_create_all_opening_locations(self):
        self.search([])._as_create_opening_location()

    def _as_opening_account(self):
        """The account the opening stock is an opening balance of: a chart's bridge may name one ("opening"),
        else Odoo's own opening-balance account (the undistributed earnings, where the opening entries
        balance)."""
        self.ensure_one()
        return self._as_chart_account("opening") or self.get_unaffected_earnings_account()

    def _as_opening_location(self):
        """The opening stock location, its valuation accounts set to the opening account when still empty."""
        self.ensure_one()
        location = self.env["stock.location"].search([("as_opening", "=", True), ("company_id", "=", self.id)], limit=1)
        if location and self.chart_template and not location.valuation_out_account_id:
            account = self._as_opening_account()
            location.write({"valuation_in_account_id": account.id, "valuation_out_account_id": account.id})
        return location

    def _as_add_working_days(self, start, days):
        """``start`` moved forward by ``days`` working days of the company's working schedule
        (Monday to Friday when it has none)."""
        self.ensure_one()
        calendar = self.resource_calendar_id or self.env.ref("resource.resource_calendar_std", raise_if_not_found=False)
        if not calendar:
            day, remaining = start, days
            while remaining > 0:
                day += timedelta(days=1)
                remaining -= day.weekday() < 5
            return day
        return calendar._as_add_working_days(start, days)
