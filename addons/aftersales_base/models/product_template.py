from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    as_exchange_part = fields.Boolean(
        string="Old-for-New Exchange",
        help="A new part is issued to a work order only against the removed old part (交旧领新).",
    )
    # Also declared by aftersales_parts (same field, same table): the workshop refuses to fit a part
    # on a vehicle model outside this list unless a service manager allows it.
    as_vehicle_model_ids = fields.Many2many("fleet.vehicle.model", string="Applicable vehicle models")
