from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_claim_deadline_days = fields.Integer(related="company_id.as_claim_deadline_days", readonly=False)
    as_claim_duplicate_days = fields.Integer(related="company_id.as_claim_duplicate_days", readonly=False)
    as_claim_pass_rate_goal = fields.Float(related="company_id.as_claim_pass_rate_goal", readonly=False)
    as_scrap_gm_amount = fields.Float(related="company_id.as_scrap_gm_amount", readonly=False)
    as_claim_min_attachments = fields.Integer(related="company_id.as_claim_min_attachments", readonly=False)
    as_oem_partner_id = fields.Many2one(related="company_id.as_oem_partner_id", readonly=False)
    as_warranty_sale_tax_id = fields.Many2one(related="company_id.as_warranty_sale_tax_id", readonly=False)
    as_warranty_purchase_tax_id = fields.Many2one(related="company_id.as_warranty_purchase_tax_id", readonly=False)
    as_recovery_method = fields.Selection(related="company_id.as_recovery_method", readonly=False)
    as_warranty_returns_location_id = fields.Many2one(
        related="company_id.as_warranty_returns_location_id", readonly=False
    )
