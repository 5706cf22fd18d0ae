from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_application_threshold = fields.Float(
        string="Application qualifying score",
        default=60.0,
    )
