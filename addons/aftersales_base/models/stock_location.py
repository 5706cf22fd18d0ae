from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    as_old_parts = fields.Boolean(
        string="Old Parts Location",
        help="Removed old parts are kept here in quantity, without stock value.",
    )
    as_opening = fields.Boolean(
        string="Opening Stock Location",
        help="The company's opening stock (期初库存) comes from here: its valuation accounts are the chart's "
        "opening-balance account, so the stock taken over is an opening balance, not an inventory gain.",
    )

    def _should_be_valued(self):
        # Old parts removed from customers' vehicles carry no stock value.
        return not self.as_old_parts and super()._should_be_valued()
