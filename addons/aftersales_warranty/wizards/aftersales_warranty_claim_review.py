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
