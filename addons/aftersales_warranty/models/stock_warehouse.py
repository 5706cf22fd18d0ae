from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    as_warranty_returns_location_id = fields.Many2one(
        "stock.location",
        string="Returned Warranty Parts Location",
        check_company=True,
        copy=False,
        help="OEM site: the old parts returned by the dealers are received here, in quantity and without value.",
    )

    def _get_locations_values(self, vals, code=False):
        """Each warehouse has its returned-warranty-parts location, created with the warehouse (and for the
        warehouses that existed before, by stock's ``_create_missing_locations``, called from the data file)."""
        values = super()._get_locations_values(vals, code=code)
        values["as_warranty_returns_location_id"] = self._as_added_location_values(
            vals, code, self.env._("Returned Warranty Parts"), "WRETURNS", as_warranty_returns=True
        )
        return values
