from odoo import fields, models
from odoo.exceptions import UserError


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    as_plan_approved_by_id = fields.Many2one(
        "res.users", string="Purchase plan approved by", readonly=True, copy=False, tracking=True
    )

    def _as_needs_plan_approval(self):
        return self.filtered(
            lambda po: not po.as_plan_approved_by_id and any(line.product_id.as_is_part for line in po.order_line)
        )

    def action_as_approve_plan(self):
        if not self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            raise UserError(self.env._("Only the parts supervisor approves a parts purchase plan."))
        self.write({"as_plan_approved_by_id": self.env.user.id})
        return True

    def button_confirm(self):
        pending = self._as_needs_plan_approval()
        if pending and self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            # the parts supervisor confirming the order approves its plan at the same time
            pending.write({"as_plan_approved_by_id": self.env.user.id})
        elif pending:
            raise UserError(
                self.env._(
                    "Purchase %(order)s orders parts: the parts supervisor must approve the purchase plan first.",
                    order=pending[0].name,
                )
            )
        return super().button_confirm()
