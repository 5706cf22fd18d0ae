from odoo import api, fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    as_old_parts_location_id = fields.Many2one(
        "stock.location",
        string="Old Parts Location",
        check_company=True,
        copy=False,
        help="Parts removed from customers' vehicles (旧件库): kept in quantity, without stock value.",
    )

    def _get_locations_values(self, vals, code=False):
        """Each warehouse has its old-parts location, created with the warehouse (and for the warehouses that
        existed before, by stock's ``_create_missing_locations``: see _as_install_old_parts_locations, called from
        the data file before the demo data)."""
        values = super()._get_locations_values(vals, code=code)
        values["as_old_parts_location_id"] = self._as_added_location_values(
            vals, code, self.env._("Old Parts"), "OLDPARTS", as_old_parts=True
        )
        return values

    def _as_added_location_values(self, vals, code, name, barcode_suffix, **extra):
        """The values of an internal location an addon adds to every warehouse (``_get_locations_values``):
        its barcode is the warehouse code followed by ``barcode_suffix``, as stock names its own locations."""
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        company_id = vals.get("company_id", self.default_get(["company_id"])["company_id"])
        return {
            "name": name,
            "active": True,
            "usage": "internal",
            "barcode": self._valid_barcode(code + barcode_suffix, company_id),
            **extra,
        }

    def _get_picking_type_create_values(self, max_sequence):
        """Removed and recycled parts of work orders are old parts: the repair operation type of a new
        warehouse sends them to its old-parts location, never back into sellable stock."""
        data, next_sequence = super()._get_picking_type_create_values(max_sequence)
        if "repair_type_id" in data and self.as_old_parts_location_id:
            data["repair_type_id"].update(self._as_old_parts_repair_type_values())
        return data, next_sequence

    def _as_old_parts_repair_type_values(self):
        self.ensure_one()
        return {
            "default_remove_location_dest_id": self.as_old_parts_location_id.id,
            "default_recycle_location_dest_id": self.as_old_parts_location_id.id,
        }

    def _as_repair_type_core_values(self):
        """The destinations repair itself gives removed and recycled parts (see repair's
        ``_get_picking_type_create_values``): restored when the addon is uninstalled."""
        self.ensure_one()
        scrap = self.env["stock.location"].search(
            [("scrap_location", "=", True), ("company_id", "in", [self.company_id.id, False])], limit=1
        )
        return {"default_remove_location_dest_id": scrap.id, "default_recycle_location_dest_id": self.lot_stock_id.id}

    def _as_old_parts_location(self):
        """The warehouse's old-parts location (旧件库)."""
        self.ensure_one()
        return self.as_old_parts_location_id

    @api.model
    def _as_create_missing_locations(self):
        """Installation (called from the addons' data files, before their demo data): warehouses created before
        an addon get the locations it adds in ``_get_locations_values``, through stock's own mechanism."""
        # every warehouse, archived ones included: a database has a handful
        warehouses = self.with_context(active_test=False).search([])  # pylint: disable=no-search-all
        warehouses._create_missing_locations({})

    @api.model
    def _as_install_old_parts_locations(self):
        """Installation: warehouses created before the addon get their old-parts location, and their repair
        operation type sends removed parts there. A location made by an earlier version is kept."""
        Location = self.env["stock.location"].with_context(active_test=False)
        warehouses = self.with_context(active_test=False).search([("as_old_parts_location_id", "=", False)])
        for warehouse in warehouses:
            existing = Location.search(
                [("as_old_parts", "=", True), ("warehouse_id", "=", warehouse.id)], order="id", limit=1
            )
            if existing:
                warehouse.as_old_parts_location_id = existing
        self._as_create_missing_locations()
        for warehouse in warehouses.filtered("repair_type_id"):
            warehouse.repair_type_id.write(warehouse._as_old_parts_repair_type_values())

    @api.model
    def _as_uninstall_restore_core(self):
        """Uninstallation: give back to repair and stock what the addon changed.

        - the repair operation types send removed and recycled parts where repair sends them (only where they
          still point at an old-parts location: a destination chosen by hand is kept);
        - the old-parts locations are kept out of the stock (and its valuation) by this addon's code only;
          without it the worn parts there would count as available, valued stock: what they hold goes where
          repair sends removed parts (the scrap location), without value, and the emptied locations are
          archived."""
        Location = self.env["stock.location"].with_context(active_test=False)
        old_parts = Location.search([("as_old_parts", "=", True)])
        for warehouse in self.with_context(active_test=False).search([("repair_type_id", "!=", False)]):
            repair_type = warehouse.repair_type_id
            core = warehouse._as_repair_type_core_values()
            repair_type.write({field: value for field, value in core.items() if repair_type[field] in old_parts})
        for location in old_parts:
            location._as_empty_into_scrap()
        old_parts.write({"active": False})
