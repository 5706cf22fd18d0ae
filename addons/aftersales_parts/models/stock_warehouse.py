from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    as_pending_disposal_location_id = fields.Many2one(
        "stock.location",
        string="Pending Disposal Location",
        check_company=True,
        copy=False,
        help="Approved write-offs wait here, still valued, until they are disposed of.",
    )

    def _get_locations_values(self, vals, code=False):
        """Each warehouse has its pending-disposal location, created with the warehouse (and for the warehouses
        that existed before, by stock's ``_create_missing_locations``, called from the data file)."""
        values = super()._get_locations_values(vals, code=code)
        values["as_pending_disposal_location_id"] = self._as_added_location_values(
            vals, code, self.env._("Pending Disposal"), "DISPOSAL"
        )
        return values
