from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_abc_a_share = fields.Float(related="company_id.as_abc_a_share", readonly=False)
    as_abc_b_share = fields.Float(related="company_id.as_abc_b_share", readonly=False)
    as_dead_stock_months = fields.Integer(related="company_id.as_dead_stock_months", readonly=False)
