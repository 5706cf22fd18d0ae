from odoo import fields, models


class AftersalesOperation(models.Model):
    _inherit = "aftersales.operation"

    warranty_categ_ids = fields.Many2many(
        "product.category",
        string="Parts of the Operation",
        help="Part categories this operation replaces: the claim checker warns when a claimed part is of another.",
    )
