from odoo import models
from odoo.exceptions import AccessError, UserError


class StockQuant(models.Model):
    _inherit = "stock.quant"

    def action_as_apply_opening_inventory(self):
        """The counted quantities as the opening stock (期初库存) of a company taking over its stock: moved in from
        the company's opening stock location, so that their value is an opening balance on the chart's opening
        account rather than an inventory gain. Only adds stock; a stock manager's step."""
        if not self.env.su and not self.env.user.has_group("stock.group_stock_manager"):
            raise AccessError(self.env._("Only an inventory administrator can post the opening stock."))
        quants = self.filtered("inventory_quantity_set")
        for quant in quants:
            if quant.inventory_diff_quantity < 0 or quant.location_id.usage != "internal":
                raise UserError(
                    self.env._(
                        "Opening stock only brings stock into a warehouse: %(product)s in %(location)s counts "
                        "less than on hand, or is not in a stock location.",
                        product=quant.product_id.display_name,
                        location=quant.location_id.display_name,
                    )
                )
        move_vals = []
        for quant in quants.filtered("inventory_diff_quantity").with_context(
            inventory_name=self.env._("Opening Stock")
        ):
            opening = quant.company_id._as_opening_location()
            if not opening:
                raise UserError(
                    self.env._("Company %(company)s has no opening stock location.", company=quant.company_id.name)
                )
            move_vals.append(
                quant._get_inventory_move_values(
                    quant.inventory_diff_quantity, opening, quant.location_id, package_dest_id=quant.package_id
                )
            )
        moves = self.env["stock.move"].with_context(inventory_mode=False).create(move_vals)
        moves._action_done()
        quants.action_clear_inventory_quantity()
        return True
