from odoo import api, fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    as_rack = fields.Char(string="Rack")
    as_level = fields.Char(string="Level")
    as_position = fields.Char(string="Position")
    as_four_number = fields.Char(
        string="Four-number location",
        compute="_compute_as_four_number",
        store=True,
        help="Warehouse-rack-level-position, as written on the bin card.",
    )
    as_quality_return = fields.Boolean(
        string="Quality returns", help="Parts returned for quality problems are kept here, on their own ledger."
    )

    @api.depends("warehouse_id.code", "as_rack", "as_level", "as_position")
    def _compute_as_four_number(self):
        for location in self:
            numbers = [location.as_rack, location.as_level, location.as_position]
            if all(numbers):
                location.as_four_number = "-".join([location.warehouse_id.code or "", *numbers])
            else:
                location.as_four_number = False
