from odoo import fields, models


class FleetVehicleModel(models.Model):
    _inherit = "fleet.vehicle.model"

    maintenance_interval_months = fields.Integer(help="Months between periodic maintenances; empty = company default.")
    maintenance_interval_km = fields.Integer(help="Kilometres between periodic maintenances; empty = company default.")
