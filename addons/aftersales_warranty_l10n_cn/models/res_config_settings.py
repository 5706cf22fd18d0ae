from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_claim_needs_fapiao = fields.Boolean(related="company_id.as_claim_needs_fapiao", readonly=False)
