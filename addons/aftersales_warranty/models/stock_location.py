from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    as_warranty_returns = fields.Boolean(
        string="Returned Warranty Parts",
        help="OEM site: old parts returned by the dealers are received here, in quantity and without stock value.",
    )

    def _should_be_valued(self):
        # Like the dealer's old-parts location: the returned parts are old parts, the warranty cost of the
        # part was expensed on the bill from the dealer; they carry no stock value.
        return not self.as_warranty_returns and super()._should_be_valued()
