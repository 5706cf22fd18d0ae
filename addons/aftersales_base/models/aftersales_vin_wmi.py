from odoo import api, fields, models


class AftersalesVinWmi(models.Model):
    _name = "aftersales.vin.wmi"
    _description = "VIN World Manufacturer Identifier"
    _order = "code"

    code = fields.Char(required=True, size=3, index=True, help="Positions 1-3 of the VIN.")
    brand_id = fields.Many2one("fleet.vehicle.model.brand", required=True, ondelete="cascade")
    manufacturer = fields.Char(translate=True, help="Manufacturer or joint venture that uses this code.")

    _sql_constraints = [("code_uniq", "unique(code)", "This manufacturer code is already mapped to a brand.")]

    @api.model
    def _brand_for_vin(self, vin):
        if not vin or len(vin) < 3:
            return self.env["fleet.vehicle.model.brand"]
        return self.search([("code", "=", vin[:3].upper())], limit=1).brand_id
