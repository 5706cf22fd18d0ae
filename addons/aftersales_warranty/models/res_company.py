from odoo import api, fields, models


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
        help="OEM site: where the old parts returned by the dealers are received, in quantity and without value. "
        "Empty: the Returned Warranty Parts location of the company's main warehouse.",
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

    def _as_get_warranty_returns_location(self, warehouse=None):
        """The location returned warranty parts are received into: the company's setting, else the
        Returned Warranty Parts location of ``warehouse`` (default: the main one; made with the warehouse)."""
        return self._as_warehouse_location("as_warranty_returns_location_id", warehouse)
