from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_claim_deadline_days = fields.Integer(
        string="Claim submission deadline after repair (days)",
        default=30,
    )
    as_claim_duplicate_days = fields.Integer(
        string="Duplicate claim window (days)",
        default=30,
    )
    as_claim_pass_rate_goal = fields.Float(
        string="Claim pass rate goal (%)",
        default=95.0,
    )
    as_scrap_gm_amount = fields.Float(
        string="Scrapping amount needing the general manager (CNY)",
        default=30000.0,
    )
