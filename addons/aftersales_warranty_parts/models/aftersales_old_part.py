from odoo import api, fields, models


class AftersalesOldPart(models.Model):
    _inherit = "aftersales.old.part"

    warranty_return_ids = fields.One2many(
        "aftersales.warranty.part.return", "old_part_id", string="Warranty Returns", readonly=True
    )
    warranty_claim_id = fields.Many2one("aftersales.warranty.claim", compute="_compute_warranty_claim", store=True)
    warranty_return_state = fields.Selection(related="warranty_return_ids.state", string="Return to OEM", readonly=True)

    @api.depends("warranty_return_ids.claim_id")
    def _compute_warranty_claim(self):
        for entry in self:
            entry.warranty_claim_id = entry.warranty_return_ids[:1].claim_id
