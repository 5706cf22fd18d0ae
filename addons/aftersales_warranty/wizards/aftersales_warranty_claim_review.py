from odoo import Command, api, fields, models


class AftersalesWarrantyClaimReview(models.TransientModel):
    """The OEM reviewer's line-by-line decision: per claim line the approved quantity and the reason of a cut."""

    _name = "aftersales.warranty.claim.review"
    _description = "Warranty Claim Review"

    claim_id = fields.Many2one("aftersales.warranty.claim", required=True, readonly=True, ondelete="cascade")
    currency_id = fields.Many2one(related="claim_id.currency_id")
    line_ids = fields.One2many("aftersales.warranty.claim.review.line", "review_id", string="Lines")
    amount_total = fields.Monetary(related="claim_id.amount_total", string="Claimed")

    @api.model
    def _prepare_vals(self, claim):
        return {
            "claim_id": claim.id,
            "line_ids": [
                Command.create(
                    {
                        "claim_line_id": line.id,
                        "approved_quantity": line.approved_quantity,
                        "cut_reason": line.cut_reason,
                    }
                )
                for line in claim.line_ids
            ],
        }

    def action_confirm(self):
        """Approve the claim with the reviewed quantities (the claim checks reviewer, state, person, bounds)."""
        self.ensure_one()
        self.claim_id.action_approve_with_cuts(
            [
                {
                    "line_id": line.claim_line_id.id,
                    "approved_quantity": line.approved_quantity,
                    "cut_reason": line.cut_reason,
                }
                for line in self.line_ids
            ]
        )
        return {"type": "ir.actions.act_window_close"}


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
