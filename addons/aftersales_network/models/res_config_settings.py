from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_application_threshold = fields.Float(related="company_id.as_application_threshold", readonly=False)
