from odoo import fields, models
from odoo.tools import float_compare


class StockLocation(models.Model):
    _inherit = "stock.location"

    as_old_parts = fields.Boolean(
        string="Old Parts Location",
        help="Removed old parts are kept here in quantity, without stock value.",
    )
    as_opening = fields.Boolean(
        string="Opening Stock Location",
        help="The company's opening stock (期初库存) comes from here: its valuation accounts are the chart's "
        "opening-balance account, so the stock taken over is an opening balance, not an inventory gain.",
    )

    def _should_be_valued(self):
        # Old parts removed from customers' vehicles carry no stock value.
        return not self.as_old_parts and super()._should_be_valued()

    def _as_empty_into_scrap(self):
        """Move what the location holds to the company's scrap location (uninstallation of the old-parts
        ledger: worn parts are scrapped, as repair does with removed parts)."""
        self.ensure_one()
        quants = self.quant_ids.filtered(lambda q: q.quantity > 0)
        if not quants:
            return
        scrap = self.search([("scrap_location", "=", True), ("company_id", "in", [self.company_id.id, False])], limit=1)
        moves = self.env["stock.move"].create(
            [
                {
                    "name": self.env._("Old parts scrapped"),
                    "product_id": quant.product_id.id,
                    "product_uom": quant.product_id.uom_id.id,
                    "product_uom_qty": quant.quantity,
                    "location_id": self.id,
                    "location_dest_id": scrap.id,
                    "company_id": self.company_id.id,
                }
                for quant in quants
            ]
        )
        moves._action_confirm()
        moves._action_assign()
        for move in moves:
            if float_compare(move.quantity, move.product_uom_qty, precision_rounding=move.product_uom.rounding) < 0:
                move.quantity = move.product_uom_qty
        moves.picked = True
        moves._action_done()
