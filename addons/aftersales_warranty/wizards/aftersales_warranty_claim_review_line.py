from odoo import fields, models


class AftersalesWarrantyClaimReviewLine(models.TransientModel):
    _name = "aftersales.warranty.claim.review.line"
    _description = "Warranty Claim Review Line"

    review_id = fields.Many2one("aftersales.warranty.claim.review", required=True, ondelete="cascade")
    claim_line_id = fields.Many2one("aftersales.warranty.claim.line", required=True, readonly=True)
    currency_id = fields.Many2one(related="claim_line_id.currency_id")
    line_type = fields.Selection(related="claim_line_id.line_type")
    name = fields.Char(related="claim_line_id.name", string="Description")
    quantity = fields.Float(related="claim_line_id.quantity", string="Claimed Qty / Hours")
    price_unit = fields.Monetary(related="claim_line_id.price_unit")
    approved_quantity = fields.Float(string="Approved Qty / Hours", digits=(16, 2))
    cut_reason = fields.Char(string="Reason of the Cut")
