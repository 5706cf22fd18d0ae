from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_first_call_min_days = fields.Integer(
        string="First follow-up call from (days after delivery)",
        default=3,
    )
    as_first_call_max_days = fields.Integer(
        string="First follow-up call until (days after delivery)",
        default=7,
    )
    as_csi_goal = fields.Float(
        string="CSI goal (%)",
        default=93.0,
    )
    as_quality_level2_amount = fields.Float(
        string="Level 2: customer's compensation demand from (CNY)",
        default=50000.0,
    )
    as_quality_level3_amount = fields.Float(
        string="Level 3: customer's compensation demand from (CNY)",
        default=10000.0,
    )
