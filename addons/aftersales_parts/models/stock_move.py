from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    as_demand_line_id = fields.Many2one(
        "aftersales.parts.demand.line", string="Parts demand line", index="btree_not_null", copy=False
    )
    as_old_part_ids = fields.One2many("aftersales.old.part", "move_id", string="Old parts")

    def _action_done(self, cancel_backorder=False):
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        removed = moves.filtered(
            lambda m: m.state == "done" and m.repair_id and m.repair_line_type in ("remove", "recycle")
        )
        if removed:
            self.env["aftersales.old.part"]._create_from_moves(removed)
        return moves
