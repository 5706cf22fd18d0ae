from odoo import fields, models
from odoo.exceptions import UserError


class StockWarehouseOrderpoint(models.Model):
    _inherit = "stock.warehouse.orderpoint"

    as_regional_quota = fields.Float(
        string="Regional reserve quota",
        digits="Product Unit of Measure",
        help="Minimum reserve the OEM derives from the vehicle population of the dealer's region.",
    )
    as_reserve_state = fields.Selection(
        [("draft", "Drafted by dealer"), ("submitted", "Submitted to OEM"), ("approved", "Approved")],
        string="Reserve status",
        default="draft",
        copy=False,
    )
    as_approved_min_qty = fields.Float(
        string="Approved minimum", digits="Product Unit of Measure", readonly=True, copy=False
    )
    as_approved_by_id = fields.Many2one("res.users", string="Reserve approved by", readonly=True, copy=False)

    def _as_is_parts_manager(self):
        return self.env.su or self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager")

    def write(self, vals):
        if "product_min_qty" in vals and not self._as_is_parts_manager():
            lowered = self.filtered(
                lambda op: op.as_reserve_state == "approved" and vals["product_min_qty"] < op.as_approved_min_qty
            )
            if lowered:
                raise UserError(
                    self.env._(
                        "The minimum reserve of %(part)s was approved at %(qty)s; only the parts manager can lower it.",
                        part=lowered[0].product_id.display_name,
                        qty=lowered[0].as_approved_min_qty,
                    )
                )
        return super().write(vals)

    def action_as_submit_reserve(self):
        self.filtered(lambda op: op.as_reserve_state == "draft").write({"as_reserve_state": "submitted"})
        return True

    def action_as_approve_reserve(self):
        if not self._as_is_parts_manager():
            raise UserError(self.env._("Only the parts manager approves a minimum reserve."))
        for orderpoint in self:
            if orderpoint.product_min_qty < orderpoint.as_regional_quota:
                raise UserError(
                    self.env._(
                        "The minimum reserve of %(part)s (%(qty)s) is below the regional quota %(quota)s.",
                        part=orderpoint.product_id.display_name,
                        qty=orderpoint.product_min_qty,
                        quota=orderpoint.as_regional_quota,
                    )
                )
            orderpoint.write(
                {
                    "as_reserve_state": "approved",
                    "as_approved_min_qty": orderpoint.product_min_qty,
                    "as_approved_by_id": self.env.user.id,
                }
            )
        return True
