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
    as_claim_min_attachments = fields.Integer(
        string="Photos required on a claim",
        default=2,
        help="Minimum number of attachments (old part, odometer) before a claim can be submitted.",
    )
    as_oem_partner_id = fields.Many2one(
        "res.partner",
        string="OEM (warranty payer)",
        help="Dealer side: the carmaker to whom warranty claims are invoiced.",
    )
