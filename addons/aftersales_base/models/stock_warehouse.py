from odoo import api, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    def _as_old_parts_location(self):
        """The warehouse's old-parts location (旧件库), created on first use."""
        self.ensure_one()
        Location = self.env["stock.location"]
        location = Location.search(
            [("as_old_parts", "=", True), ("warehouse_id", "=", self.id), ("company_id", "=", self.company_id.id)],
            limit=1,
        )
        return location or Location.create(
            {
                "name": self.env._("Old Parts"),
                "usage": "internal",
                "location_id": self.view_location_id.id,
                "company_id": self.company_id.id,
                "as_old_parts": True,
            }
        )

    def _as_route_removed_parts_to_old_parts(self):
        """Removed and recycled parts of work orders are old parts: they go to the old-parts location,
        never back into sellable stock."""
        for warehouse in self.filtered("repair_type_id"):
            old_parts = warehouse._as_old_parts_location()
            warehouse.repair_type_id.write(
                {"default_remove_location_dest_id": old_parts.id, "default_recycle_location_dest_id": old_parts.id}
            )

    @api.model_create_multi
    def create(self, vals_list):
        warehouses = super().create(vals_list)
        warehouses._as_route_removed_parts_to_old_parts()
        return warehouses
