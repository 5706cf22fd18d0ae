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
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        company_id = vals.get("company_id", self.default_get(["company_id"])["company_id"])
        values["as_pending_disposal_location_id"] = {
            "name": self.env._("Pending Disposal"),
            "active": True,
            "usage": "internal",
            "barcode": self._valid_barcode(code + "DISPOSAL", company_id),
        }
        return values
