from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_claim_needs_fapiao = fields.Boolean(
        string="Claim settlement needs the dealer's fapiao",
        help="OEM site: a warranty claim is settled only once the dealer's fapiao number for it is recorded.",
    )
