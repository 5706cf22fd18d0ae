from odoo import api, models


class PurchaseRequisitionCreateAlternative(models.TransientModel):
    _inherit = "purchase.requisition.create.alternative"

    @api.model
    def _get_alternative_line_value(self, order_line):
        """An alternative quote for a parts demand stays linked to the demand: whichever is bought serves it."""
        vals = super()._get_alternative_line_value(order_line)
        if order_line.as_demand_line_id:
            vals["as_demand_line_id"] = order_line.as_demand_line_id.id
        return vals
