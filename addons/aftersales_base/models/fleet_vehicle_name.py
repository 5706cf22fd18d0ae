from odoo import api, models


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    @api.depends("model_id.brand_id.name", "model_id.name", "license_plate")
    def _compute_vehicle_name(self):
        """Fleet's name with our own wording for a vehicle without plate (fleet's Chinese reads "没有Plate")."""
        for vehicle in self:
            vehicle.name = "/".join(
                [
                    vehicle.model_id.brand_id.name or "",
                    vehicle.model_id.name or "",
                    vehicle.license_plate or self.env._("No plate yet"),
                ]
            )
