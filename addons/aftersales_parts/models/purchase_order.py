from odoo import api, fields, models
from odoo.exceptions import UserError


class PurchaseOrder(models.Model):
    _name = "purchase.order"
    _inherit = ["purchase.order", "aftersales.workflow.mixin"]
    _as_workflow_fields = ("as_plan_approved_by_id", "as_quote_waived_by_id", "as_quote_waiver_reason")

    as_plan_approved_by_id = fields.Many2one(
        "res.users", string="Purchase plan approved by", readonly=True, copy=False, tracking=True
    )
    as_a_class_part_names = fields.Char(string="A-class parts", compute="_compute_as_quotes")
    as_quote_count = fields.Integer(
        string="Quotes compared",
        compute="_compute_as_quotes",
        help="Vendors asked for this order and its alternatives (货比三家).",
    )
    as_quotes_required = fields.Integer(related="company_id.as_quotes_required")
    as_quotes_missing = fields.Boolean(string="Quotes missing", compute="_compute_as_quotes")
    as_quote_warning = fields.Char(string="Quotes warning", compute="_compute_as_quotes")
    as_quote_waived_by_id = fields.Many2one(
        "res.users", string="Fewer quotes accepted by", readonly=True, copy=False, tracking=True
    )
    as_quote_waiver_reason = fields.Text(string="Reason for fewer quotes", readonly=True, copy=False, tracking=True)

    @api.depends(
        "order_line.product_id.as_abc_class",
        "partner_id",
        "alternative_po_ids.partner_id",
        "alternative_po_ids.order_line.price_unit",
        "alternative_po_ids.order_line.product_qty",
        "order_line.price_unit",
        "order_line.product_qty",
        "company_id.as_quotes_required",
        "as_quote_waived_by_id",
        "state",
    )
    def _compute_as_quotes(self):
        for order in self:
            parts = order._as_a_class_parts()
            # a quote counts once the vendor priced it (even if it lost and was cancelled): an empty
            # alternative RFQ compares nothing
            quoted = (order | order.alternative_po_ids).filtered(
                lambda po: any(line.price_unit > 0 and line.product_qty > 0 for line in po.order_line)
            )
            vendors = quoted.partner_id.commercial_partner_id
            order.as_a_class_part_names = ", ".join(parts.mapped("display_name")) or False
            order.as_quote_count = len(vendors)
            order.as_quotes_missing = bool(
                parts
                and order.state in ("draft", "sent", "to approve")
                and not order.as_quote_waived_by_id
                and len(vendors) < order.company_id.as_quotes_required
            )
            order.as_quote_warning = order.as_quotes_missing and self.env._(
                "A-class parts (%(parts)s): compare %(required)s quotes from different vendors before confirming, "
                "%(count)s so far. Add them with Create Alternative in the Alternatives tab.",
                parts=order.as_a_class_part_names,
                required=order.company_id.as_quotes_required,
                count=len(vendors),
            )

    def _as_a_class_parts(self):
        self.ensure_one()
        return self.order_line.product_id.filtered(lambda p: p.as_is_part and p.as_abc_class == "a")

    def _as_needs_plan_approval(self):
        return self.filtered(
            lambda po: not po.as_plan_approved_by_id and any(line.product_id.as_is_part for line in po.order_line)
        )

    def action_as_approve_plan(self):
        if not self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            raise UserError(self.env._("Only the parts supervisor approves a parts purchase plan."))
        self._as_workflow_write({"as_plan_approved_by_id": self.env.user.id})
        return True

    def action_as_waive_quotes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Confirm with Fewer Quotes"),
            "res_model": "aftersales.purchase.quote.waiver",
            "view_mode": "form",
            "target": "new",
            "context": {"default_purchase_id": self.id},
        }

    def _as_check_quotes(self):
        """A-class parts are bought after comparing quotes of several vendors (货比三家)."""
        for order in self.filtered("as_quotes_missing"):
            raise UserError(
                self.env._(
                    "Purchase %(order)s buys A-class parts (%(parts)s): compare %(required)s quotes from different "
                    "vendors before confirming it (%(count)s so far). Add alternative requests for quotation with "
                    "Create Alternative, or ask a parts manager to confirm it with a reason.",
                    order=order.name,
                    parts=order.as_a_class_part_names,
                    required=order.as_quotes_required,
                    count=order.as_quote_count,
                )
            )

    def button_confirm(self):
        self._as_check_quotes()
        pending = self._as_needs_plan_approval()
        if pending and self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            # the parts supervisor confirming the order approves its plan at the same time
            pending._as_workflow_write({"as_plan_approved_by_id": self.env.user.id})
        elif pending:
            raise UserError(
                self.env._(
                    "Purchase %(order)s orders parts: the parts supervisor must approve the purchase plan first.",
                    order=pending[0].name,
                )
            )
        return super().button_confirm()
