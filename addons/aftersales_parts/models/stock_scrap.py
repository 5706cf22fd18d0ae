from odoo import fields, models


class StockScrap(models.Model):
    _inherit = "stock.scrap"

    as_writeoff_id = fields.Many2one(
        "aftersales.parts.writeoff", string="Write-off", index="btree_not_null", copy=False, readonly=True
    )
