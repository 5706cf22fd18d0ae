from odoo import fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "aftersales.workflow.mixin"]
    _as_workflow_fields = ("as_min_price_approved_by_id",)

    as_demand_id = fields.Many2one("aftersales.parts.demand", string="Parts demand", readonly=True, copy=False)
    as_min_price_approved_by_id = fields.Many2one(
        "res.users", string="Below-minimum price approved by", readonly=True, copy=False, tracking=True
    )

    def action_confirm(self):
        self._as_check_min_price()
        return super().action_confirm()

    def _as_check_min_price(self):
        for order in self.filtered(lambda o: not o.as_min_price_approved_by_id):
            for line in order.order_line:
                tmpl = line.product_id.product_tmpl_id
                if tmpl.as_is_accessory and tmpl.as_min_sale_price and line.price_unit < tmpl.as_min_sale_price:
                    raise UserError(
                        self.env._(
                            "%(order)s: accessory %(part)s at %(price)s is below its minimum selling price "
                            "%(minimum)s; a parts manager must approve the price.",
                            order=order.name,
                            part=line.product_id.display_name,
                            price=line.price_unit,
                            minimum=tmpl.as_min_sale_price,
                        )
                    )

    def action_as_approve_below_min_price(self):
        if not self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            raise UserError(self.env._("Only a parts manager approves a price below the minimum selling price."))
        # a parts manager approves orders opened by the clerks, which the salesman record rules may hide
        # from him; the group was checked above and only the approval field is written (sudo).
        self._as_workflow_write({"as_min_price_approved_by_id": self.env.user.id})
        return True


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    as_demand_line_id = fields.Many2one(
        "aftersales.parts.demand.line", string="Parts demand line", index="btree_not_null", copy=False
    )

    def _prepare_procurement_values(self, group_id=False):
        values = super()._prepare_procurement_values(group_id=group_id)
        if self.as_demand_line_id:
            values["as_demand_line_id"] = self.as_demand_line_id.id
        return values
