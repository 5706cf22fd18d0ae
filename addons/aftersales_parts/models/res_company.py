from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_abc_a_share = fields.Float(
        string="A-class share of consumption value (%)",
        default=80.0,
    )
    as_abc_b_share = fields.Float(
        string="B-class share of consumption value (%)",
        default=15.0,
    )
    as_dead_stock_months = fields.Integer(
        string="Dead stock after (months without movement)",
        default=12,
    )
