from odoo import fields, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    as_demand_line_id = fields.Many2one(
        "aftersales.parts.demand.line", string="Parts demand line", index="btree_not_null", copy=False
    )
