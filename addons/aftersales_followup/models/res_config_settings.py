from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_first_call_min_days = fields.Integer(related="company_id.as_first_call_min_days", readonly=False)
    as_first_call_max_days = fields.Integer(related="company_id.as_first_call_max_days", readonly=False)
    as_csi_goal = fields.Float(related="company_id.as_csi_goal", readonly=False)
    as_quality_level2_amount = fields.Float(related="company_id.as_quality_level2_amount", readonly=False)
    as_quality_level3_amount = fields.Float(related="company_id.as_quality_level3_amount", readonly=False)
