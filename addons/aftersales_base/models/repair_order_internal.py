from odoo import fields, models
from odoo.exceptions import UserError


class RepairOrder(models.Model):
    """Internal work (内部结算): internal parts and labour charged to the internal analytic account."""

    # one file per concern of the work order (the flow is in repair_order.py)
    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    internal_analytic_line_ids = fields.One2many(
        "account.analytic.line",
        "as_repair_id",
        string="Internal Charges",
        readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
    )

    def _ensure_internal_cost_accounts(self):
        """The cost of internal parts is charged to the internal analytic account when they are consumed."""
        for order in self:
            internal = order.move_ids.filtered(lambda m: m._as_is_internal_part() and m.state != "cancel")
            if internal and not order.company_id.as_internal_analytic_account_id:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s has internal lines: set the internal work analytic account in "
                        "After-Sales settings.",
                        wo=order.name,
                    )
                )

    def _settle_internal_lines(self):
        """Internal lines are charged, at cost for parts and at rate for labour, to the internal account.

        Parts valued in real time were charged when they were consumed, by their stock valuation entry
        (expense account and internal analytic account); the others are charged here at cost."""
        self.ensure_one()
        parts = self.move_ids.filtered(
            lambda m: m._as_is_internal_part() and m.state == "done" and m.quantity and not m.account_move_ids
        )
        labour = self.labour_line_ids.filtered(lambda line: line.payer == "internal")
        if self.internal_analytic_line_ids.filtered(lambda line: not line.move_line_id) or not (parts or labour):
            return
        account = self.company_id.as_internal_analytic_account_id
        if not account:
            raise UserError(
                self.env._(
                    "Work order %(wo)s has internal lines: set the internal work analytic account in After-Sales "
                    "settings.",
                    wo=self.name,
                )
            )
        common = {
            "account_id": account.id,
            "company_id": self.company_id.id,
            "as_repair_id": self.id,
            "date": fields.Date.context_today(self),
        }
        vals = [
            dict(
                common,
                name=f"{self.name}: {m.product_id.display_name}",
                product_id=m.product_id.id,
                unit_amount=m.quantity,
                amount=-m.product_id.standard_price * m.quantity,
            )
            for m in parts
        ] + [
            dict(common, name=f"{self.name}: {line.name}", unit_amount=line.hours, amount=-line.price_subtotal)
            for line in labour
        ]
        self.env["account.analytic.line"].create(vals)
