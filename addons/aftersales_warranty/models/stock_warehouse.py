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
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        company_id = vals.get("company_id", self.default_get(["company_id"])["company_id"])
        values["as_warranty_returns_location_id"] = {
            "name": self.env._("Returned Warranty Parts"),
            "active": True,
            "usage": "internal",
            "as_warranty_returns": True,
            "barcode": self._valid_barcode(code + "WRETURNS", company_id),
        }
        return values
