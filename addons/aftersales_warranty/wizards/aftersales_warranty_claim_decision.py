from odoo import fields, models


class AftersalesWarrantyClaimDecision(models.TransientModel):
    _name = "aftersales.warranty.claim.decision"
    _description = "Warranty Claim Decision"

    claim_ids = fields.Many2many("aftersales.warranty.claim", "aftersales_warranty_claim_decision_rel", required=True)
    decision = fields.Selection(
        [
            ("reject", "Reject"),
            ("request_info", "Request Information"),
            ("answer", "Answer the OEM"),
            ("appeal", "Appeal"),
        ],
        required=True,
    )
    reason_id = fields.Many2one("aftersales.warranty.reason", string="Reason Code")
    note = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        claims = self.claim_ids
        if self.decision == "reject":
            claims.action_reject(self.reason_id, self.note)
        elif self.decision == "request_info":
            claims.action_request_info(self.note)
        elif self.decision == "answer":
            claims.action_answer_info(self.note)
        else:
            claims.action_appeal(self.note)
        return {"type": "ir.actions.act_window_close"}
