from odoo import api, fields, models
from odoo.exceptions import UserError


class PurchaseQuoteWaiver(models.TransientModel):
    _name = "aftersales.purchase.quote.waiver"
    _description = "Confirm a Purchase of A-class Parts with Fewer Quotes"

    purchase_id = fields.Many2one("purchase.order", required=True, ondelete="cascade")
    a_class_part_names = fields.Char(related="purchase_id.as_a_class_part_names")
    quote_count = fields.Integer(related="purchase_id.as_quote_count")
    quotes_required = fields.Integer(related="purchase_id.as_quotes_required")
    summary = fields.Char(compute="_compute_summary")
    reason = fields.Text(required=True, help="Why fewer vendors were compared, e.g. a single authorized source.")

    @api.depends("purchase_id")
    def _compute_summary(self):
        for waiver in self:
            waiver.summary = self.env._(
                "%(order)s buys A-class parts (%(parts)s) with %(count)s of %(required)s quotes compared. "
                "The reason is recorded on the order.",
                order=waiver.purchase_id.name,
                parts=waiver.a_class_part_names,
                count=waiver.quote_count,
                required=waiver.quotes_required,
            )

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            raise UserError(self.env._("Only a parts manager confirms A-class parts with fewer quotes."))
        order = self.purchase_id
        order._as_workflow_write({"as_quote_waived_by_id": self.env.user.id, "as_quote_waiver_reason": self.reason})
        order.message_post(
            body=self.env._(
                "Confirmed with %(count)s of %(required)s quotes for A-class parts (%(parts)s). Reason: %(reason)s",
                count=self.quote_count,
                required=self.quotes_required,
                parts=self.a_class_part_names,
                reason=self.reason,
            )
        )
        return order.button_confirm()
