from odoo import api, fields, models
from odoo.tools import SQL

from .repair_order import SERVICE_STAGES

# Closed stages: folded columns of the work-order kanban.
FOLDED_STAGES = ("delivered", "cancelled")


class RepairOrder(models.Model):
    """What the workshop's screens and printouts show of a work order (no workflow here)."""

    _inherit = "repair.order"

    as_washing_enabled = fields.Boolean(related="company_id.as_washing_enabled")
    # Passed checks of the current round: their buttons are hidden.
    self_check_passed = fields.Boolean(compute="_compute_checks_passed")
    mutual_check_passed = fields.Boolean(compute="_compute_checks_passed")
    final_check_passed = fields.Boolean(compute="_compute_checks_passed", string="Final Inspection Passed")
    # The customer's share with the taxes the invoice will charge (product's customer taxes
    # through the customer's fiscal position): the estimate the customer approves shows them.
    amount_customer_tax = fields.Monetary(compute="_compute_customer_taxes", string="Customer Taxes")
    amount_customer_taxed = fields.Monetary(compute="_compute_customer_taxes", string="Customer Total")

    @api.depends("name")
    def _compute_display_name(self):
        """Repair's placeholder reference "New" (an untranslated default) in the user's language."""
        res = super()._compute_display_name()
        for order in self.filtered(lambda o: o.name == "New"):
            order.display_name = self.env._("New Work Order")
        return res

    @api.depends("check_ids.check_type", "check_ids.result", "check_ids.round", "rework_count")
    def _compute_checks_passed(self):
        for order in self:
            passed = set(
                order.check_ids.filtered(lambda c, o=order: c.round == o.rework_count and c.result == "pass").mapped(
                    "check_type"
                )
            )
            order.self_check_passed = "self" in passed
            order.mutual_check_passed = "mutual" in passed
            order.final_check_passed = "final" in passed

    @api.depends(
        "partner_id",
        "company_id",
        "move_ids.as_sale_subtotal",
        "move_ids.payer",
        "move_ids.state",
        "labour_line_ids.price_subtotal",
        "labour_line_ids.payer",
        "labour_line_ids.operation_id",
    )
    def _compute_customer_taxes(self):
        for order in self:
            total_tax = 0.0
            for product, price, quantity in order._as_customer_invoice_lines():
                taxes = order._as_customer_taxes(product)
                if taxes:
                    result = taxes.compute_all(
                        price, currency=order.currency_id, quantity=quantity, product=product, partner=order.partner_id
                    )
                    total_tax += result["total_included"] - result["total_excluded"]
            order.amount_customer_tax = total_tax
            order.amount_customer_taxed = order.amount_customer + total_tax

    def _as_customer_invoice_lines(self):
        """(product, unit price, quantity) of each line the customer's invoice will hold."""
        self.ensure_one()
        company = self.company_id or self.env.company
        labour_product = company.as_labour_product_id or self.env.ref(
            "aftersales_base.product_labour", raise_if_not_found=False
        )
        lines = [
            (move.product_id, move.as_sale_price, move.product_uom_qty)
            for move in self.move_ids
            if move.repair_line_type == "add" and move.state != "cancel" and (move.payer or "customer") == "customer"
        ]
        lines += [
            (line.operation_id.product_id or labour_product, line.price_unit, line.hours)
            for line in self.labour_line_ids
            if line.payer == "customer"
        ]
        return [line for line in lines if line[0]]

    def _as_customer_taxes(self, product):
        """The taxes the sale order line (hence the invoice) takes for ``product``."""
        self.ensure_one()
        company = self.company_id or self.env.company
        taxes = product.taxes_id._filter_taxes_by_company(company)
        if not self.partner_id:
            return taxes
        position = self.env["account.fiscal.position"].with_company(company)._get_fiscal_position(self.partner_id)
        return position.map_tax(taxes)

    @api.model
    def _group_expand_service_stage(self, stages, domain):
        """Every stage in the flow's order; a board may limit its columns (``as_kanban_stages``, a display
        option of the action, e.g. a technician's queue), stages holding orders are always shown."""
        shown = self.env.context.get("as_kanban_stages")
        codes = [code for code, _label in SERVICE_STAGES]
        return [code for code in codes if not shown or code in shown or code in stages]

    @api.model
    def _web_read_group(self, domain, fields, groupby, limit=None, offset=0, orderby=False, lazy=True):
        groups = super()._web_read_group(domain, fields, groupby, limit, offset, orderby, lazy)
        first = groupby[0] if isinstance(groupby, list | tuple) and groupby else groupby
        if first == "service_stage":
            for group in groups:
                group["__fold"] = group.get("service_stage") in FOLDED_STAGES
        return groups

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        """Groups by stage (kanban, list, pivot, graph) in the flow's order, not the codes' alphabet."""
        if "service_stage" in groupby_terms:
            cases = SQL(" ").join(
                SQL("WHEN %s THEN %s", code, index) for index, (code, _label) in enumerate(SERVICE_STAGES)
            )
            stage = SQL("CASE %s %s END", groupby_terms["service_stage"], cases)
            groupby_terms = dict(groupby_terms, service_stage=stage)
        return super()._read_group_orderby(order, groupby_terms, query)

    def _as_parts_issued_notification(self, moves):
        """Feedback of Issue Parts: how many parts went to the technician; the form reloads."""
        count = len(moves)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Parts issued"),
                "message": self.env._(
                    "%(count)s part line(s) issued for work order %(wo)s.",
                    count=count,
                    wo=", ".join(self.mapped("name")),
                ),
                "type": "success",
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
