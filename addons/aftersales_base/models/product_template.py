from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    as_exchange_part = fields.Boolean(
        string="Old-for-New Exchange",
        help="A new part is issued to a work order only against the removed old part (交旧领新).",
    )
