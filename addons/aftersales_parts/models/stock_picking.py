from odoo import models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def button_validate(self):
        self._as_check_cash_sale_paid()
        return super().button_validate()

    def _as_check_cash_sale_paid(self):
        """Cash sales from the parts counter: the goods leave only once the invoice is paid (先收款后付货)."""
        for picking in self.filtered(lambda p: p.picking_type_code == "outgoing" and p.sale_id.as_demand_id):
            demand = picking.sale_id.as_demand_id
            if demand.payment_mode != "cash":
                continue
            invoices = picking.sale_id.invoice_ids.filtered(
                lambda m: m.state == "posted" and m.move_type == "out_invoice"
            )
            if not invoices or any(inv.payment_state not in ("paid", "in_payment") for inv in invoices):
                raise UserError(
                    self.env._(
                        "%(picking)s is a cash sale (%(demand)s): collect the payment before handing over the parts.",
                        picking=picking.name,
                        demand=demand.name,
                    )
                )

    def action_as_record_variance(self):
        self.ensure_one()
        variance = self.env["aftersales.receipt.variance"].create(
            self.env["aftersales.receipt.variance"]._prepare_from_picking(self)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.receipt.variance",
            "res_id": variance.id,
            "view_mode": "form",
        }
