import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

# Fields the dealer fills in, and the reviewer's fields.
CLAIMED_FIELDS = {"line_type", "product_id", "operation_id", "name", "quantity", "price_unit", "claim_id"}
REVIEW_FIELDS = {"approved_quantity", "cut_reason"}


class AftersalesWarrantyClaimLine(models.Model):
    _name = "aftersales.warranty.claim.line"
    _description = "Warranty Claim Line"
    _inherit = ["aftersales.workflow.mixin"]
    _order = "claim_id, sequence, id"
    _check_company_auto = True
    _as_workflow_fields = tuple(sorted(REVIEW_FIELDS))

    claim_id = fields.Many2one("aftersales.warranty.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    state = fields.Selection(related="claim_id.state")
    sequence = fields.Integer(default=10)
    line_type = fields.Selection(
        [("part", "Part"), ("labour", "Labour"), ("sublet", "Sublet")], required=True, default="part"
    )
    product_id = fields.Many2one("product.product", string="Part", check_company=True)
    operation_id = fields.Many2one("aftersales.operation", check_company=True)
    name = fields.Char(
        string="Description", compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    quantity = fields.Float(
        string="Quantity / Hours",
        digits=(16, 2),
        compute="_compute_quantity",
        store=True,
        readonly=False,
        precompute=True,
        help="Parts: quantity. Labour: flat-rate hours of the operation for the vehicle model.",
    )
    price_unit = fields.Monetary(
        string="Unit Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        help="Parts: OEM price. Labour: warranty labour rate of the policy.",
    )
    amount_claimed = fields.Monetary(string="Claimed", compute="_compute_amounts", store=True)
    approved_quantity = fields.Float(string="Approved Qty / Hours", digits=(16, 2), copy=False)
    amount_approved = fields.Monetary(string="Approved", compute="_compute_amounts", store=True)
    cut_reason = fields.Char(string="Reason of the Cut", copy=False)
    move_id = fields.Many2one("stock.move", string="Work Order Part", index="btree_not_null", copy=False)
    labour_line_id = fields.Many2one(
        "aftersales.labour.line", string="Work Order Labour", index="btree_not_null", copy=False
    )

    @api.depends("product_id", "operation_id")
    def _compute_name(self):
        for line in self:
            line.name = (line.product_id or line.operation_id).display_name or line.name

    @api.depends("operation_id", "claim_id.vehicle_id")
    def _compute_quantity(self):
        for line in self:
            if line.line_type == "labour" and line.operation_id:
                line.quantity = line.operation_id._hours_for_model(line.claim_id.vehicle_id.model_id)
            elif not line.quantity:
                line.quantity = 1.0

    @api.depends("product_id", "line_type", "claim_id.policy_id")
    def _compute_price_unit(self):
        for line in self:
            if line.line_type == "part" and line.product_id:
                line.price_unit = line.product_id.standard_price
            elif line.line_type == "labour":
                company = line.claim_id.company_id or self.env.company
                line.price_unit = line.claim_id.policy_id.labour_rate or company.as_warranty_labour_rate

    @api.depends("quantity", "price_unit", "approved_quantity")
    def _compute_amounts(self):
        for line in self:
            line.amount_claimed = line.currency_id.round(line.quantity * line.price_unit)
            line.amount_approved = line.currency_id.round(line.approved_quantity * line.price_unit)

    @api.constrains("quantity", "approved_quantity", "price_unit")
    def _check_numbers_finite(self):
        for line in self:
            if not all(math.isfinite(line[name]) for name in ("quantity", "approved_quantity", "price_unit")):
                raise ValidationError(
                    self.env._("Claim line %(line)s: quantities and prices must be finite numbers.", line=line.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.claim_id._check_editable()
        return lines

    def write(self, vals):
        # The reviewer's fields are guarded by aftersales.workflow.mixin; the claimed ones freeze at submission.
        if CLAIMED_FIELDS.intersection(vals):
            self.claim_id._check_editable()
        if vals.get("claim_id"):
            # A line moved to another claim changes that claim too: a draft only.
            self.env["aftersales.warranty.claim"].browse(vals["claim_id"])._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.claim_id.filtered(lambda c: c.state != "draft")._check_editable()

    def _check_approved_quantity(self, quantity, reason):
        """The reviewer's decision on a line: 0 <= approved <= claimed, and a reason for a cut."""
        self.ensure_one()
        claim = self.claim_id
        if float_compare(quantity, 0.0, precision_digits=2) < 0:
            raise UserError(
                self.env._(
                    "Claim %(claim)s, line %(line)s: the approved quantity cannot be negative.",
                    claim=claim.name,
                    line=self.name,
                )
            )
        if float_compare(quantity, self.quantity, precision_digits=2) > 0:
            raise UserError(
                self.env._(
                    "Claim %(claim)s, line %(line)s: %(approved)s approved is more than the %(claimed)s claimed.",
                    claim=claim.name,
                    line=self.name,
                    approved=quantity,
                    claimed=self.quantity,
                )
            )
        if float_compare(quantity, self.quantity, precision_digits=2) < 0 and not (reason or "").strip():
            raise UserError(
                self.env._(
                    "Claim %(claim)s, line %(line)s: give the reason of the cut.", claim=claim.name, line=self.name
                )
            )
