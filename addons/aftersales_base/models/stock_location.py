from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    as_old_parts = fields.Boolean(
        string="Old Parts Location",
        help="Removed old parts are kept here in quantity, without stock value.",
    )

    def _should_be_valued(self):
        # Old parts removed from customers' vehicles carry no stock value.
        return not self.as_old_parts and super()._should_be_valued()
