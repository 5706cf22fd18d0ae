from odoo import Command, api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_claim_deadline_days = fields.Integer(
        string="Claim submission deadline after repair (days)",
        default=30,
    )
    as_claim_duplicate_days = fields.Integer(
        string="Duplicate claim window (days)",
        default=30,
    )
    as_claim_pass_rate_goal = fields.Float(
        string="Claim pass rate goal (%)",
        default=95.0,
    )
    as_scrap_gm_amount = fields.Float(
        string="Scrapping amount needing the general manager (CNY)",
        default=30000.0,
    )
    as_claim_min_attachments = fields.Integer(
        string="Photos required on a claim",
        default=2,
        help="Minimum number of attachments (old part, odometer) before a claim can be submitted.",
    )
    as_oem_partner_id = fields.Many2one(
        "res.partner",
        string="OEM (warranty payer)",
        help="Dealer side: the carmaker to whom warranty claims are invoiced.",
    )
    as_warranty_sale_tax_id = fields.Many2one(
        "account.tax",
        string="Warranty sales tax",
        compute="_compute_as_warranty_taxes",
        store=True,
        readonly=False,
        check_company=True,
        domain=[("type_tax_use", "=", "sale")],
        help="Tax on the warranty documents the company issues to a customer: the dealer's warranty invoice to "
        "the OEM and its review correction, the OEM's charge-back to a dealer, the recovery invoice to a supplier. "
        "Defaults to the company's sales tax.",
    )
    as_warranty_purchase_tax_id = fields.Many2one(
        "account.tax",
        string="Warranty purchase tax",
        compute="_compute_as_warranty_taxes",
        store=True,
        readonly=False,
        check_company=True,
        domain=[("type_tax_use", "=", "purchase")],
        help="Tax on the warranty documents the company receives from a vendor: the OEM's bill from a dealer, the "
        "recovery credit note on a supplier, the dealer's charge-back bill from the OEM. Defaults to the company's "
        "purchase tax.",
    )
    as_recovery_method = fields.Selection(
        [
            ("credit_note", "Vendor credit note on the supplier"),
            ("invoice", "Customer invoice to the supplier, netted against its bills"),
        ],
        string="Supplier recovery",
        default="credit_note",
        required=True,
        help="Both offset the recovery against the supplier's open vendor bills. A vendor credit note reduces the "
        "payable directly; a customer invoice is a receivable that a netting entry offsets against the payable.",
    )
    as_warranty_returns_location_id = fields.Many2one(
        "stock.location",
        string="Returned warranty parts location",
        check_company=True,
        help="OEM site: where the old parts returned by the dealers are received, in quantity and without value.",
    )

    @api.depends("account_sale_tax_id", "account_purchase_tax_id")
    def _compute_as_warranty_taxes(self):
        for company in self:
            company.as_warranty_sale_tax_id = company.account_sale_tax_id
            company.as_warranty_purchase_tax_id = company.account_purchase_tax_id

    def _as_warranty_taxes(self, move_type):
        """The warranty tax of a document: sales tax on customer documents, purchase tax on vendor ones."""
        self.ensure_one()
        if move_type in ("out_invoice", "out_refund"):
            return self.as_warranty_sale_tax_id
        if move_type in ("in_invoice", "in_refund"):
            return self.as_warranty_purchase_tax_id
        return self.env["account.tax"]

    def _as_get_warranty_returns_location(self):
        """The location returned warranty parts are received into, created under the main warehouse."""
        self.ensure_one()
        if self.as_warranty_returns_location_id:
            return self.as_warranty_returns_location_id
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.id)], limit=1)
        if not warehouse:
            return self.env["stock.location"]
        # sudo: a location is configuration the warranty reviewer may not create; this one is created once per
        # company with fixed values and no user input.
        location = (
            self.env["stock.location"]
            .sudo()
            .create(
                {
                    "name": self.env._("Returned Warranty Parts"),
                    "usage": "internal",
                    "location_id": warehouse.view_location_id.id,
                    "company_id": self.id,
                    "as_warranty_returns": True,
                }
            )
        )
        self.sudo().as_warranty_returns_location_id = location
        return location

    # ------------------------------------------------------------------ demo
    @api.model
    def _as_demo_warranty_oem_company(self):
        """Demo: the OEM's company (沈阳华辰), where the network dealers' claims are reviewed and settled.

        The network addon's demo defines the same company; whichever addon's demo comes first creates it under
        the network addon's XML id, so the other one updates it instead of creating a second company. The
        dealer company (the main company) gets it as its OEM partner. Called from the demo data only.
        """
        data = self.env["ir.model.data"]
        company = self.env.ref("aftersales_network.demo_company_oem", raise_if_not_found=False)
        company = company or self.search([("name", "=", "沈阳华辰汽车有限公司")], limit=1)
        if not company:
            company = self.create(
                {
                    "name": "沈阳华辰汽车有限公司",
                    "currency_id": self.env.ref("base.CNY").id,
                    "country_id": self.env.ref("base.cn").id,
                    "city": "沈阳",
                    "street": "沈阳市大东区东望街 39 号",
                    "phone": "024-88886666",
                    "email": "service@huachen-auto.example.com",
                }
            )
            data.create(
                [
                    {
                        "module": "aftersales_network",
                        "name": name,
                        "model": record._name,
                        "res_id": record.id,
                        "noupdate": True,
                    }
                    for name, record in (("demo_company_oem", company), ("demo_partner_oem", company.partner_id))
                ]
            )
        if not data.search_count([("module", "=", "aftersales_warranty"), ("name", "=", "demo_company_oem")]):
            data.create(
                {
                    "module": "aftersales_warranty",
                    "name": "demo_company_oem",
                    "model": self._name,
                    "res_id": company.id,
                    # noupdate: kept when the module is updated (the demo function runs at installation only)
                    "noupdate": True,
                }
            )
        if not company.chart_template:
            # The OEM's site keeps its own books: its claims are billed and recovered there.
            self.env["account.chart.template"].try_loading(
                self.env["res.company"]._as_demo_chart_template(), company=company, install_demo=False
            )
        main = self.env.ref("base.main_company")
        main.as_oem_partner_id = main.as_oem_partner_id or company.partner_id
        (self.env.user | self.env.ref("base.user_admin")).company_ids = [Command.link(company.id)]
        return company
