from odoo import api, fields, models


class RepairOrder(models.Model):
    """Customer settlement: repair's sale order and invoice, membership rewards, payment before delivery."""

    # one file per concern of the work order (the flow is in repair_order.py)
    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    membership_level = fields.Selection(related="partner_id.commercial_partner_id.membership_level")
    membership_programs = fields.Char(
        compute="_compute_membership_programs",
        help="Loyalty programs of the customer's membership level: their reward (e.g. a discount) is "
        "applied to the customer's lines at settlement.",
    )
    credit_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("partner_id.commercial_partner_id.membership_level", "company_id")
    def _compute_membership_programs(self):
        today = fields.Date.context_today(self)
        Program = self.env["loyalty.program"].sudo()
        for order in self:
            level = order.membership_level
            programs = Program
            if level and level != "none":
                programs = Program.search(
                    [
                        ("as_membership_level", "=", level),
                        ("sale_ok", "=", True),
                        *Program._check_company_domain(order.company_id),
                        "|",
                        ("date_from", "=", False),
                        ("date_from", "<=", today),
                        "|",
                        ("date_to", "=", False),
                        ("date_to", ">=", today),
                    ]
                )
            order.membership_programs = ", ".join(programs.mapped("name"))

    def _customer_labour(self):
        return self.labour_line_ids.filtered(lambda line: line.payer == "customer")

    def _settle_customer_lines(self):
        self.ensure_one()
        parts = self.move_ids.filtered(lambda m: m.payer == "customer" and m.repair_line_type == "add")
        labour = self._customer_labour().filtered(lambda line: not line.sale_line_id)
        if not parts and not labour and not self.sale_order_id:
            return
        if not self.sale_order_id:
            self._flow().action_create_sale_order()
        order = self.sale_order_id
        for line in labour:
            sale_line = self.env["sale.order.line"].create(line._prepare_sale_line_vals(order))
            line._as_workflow_write({"sale_line_id": sale_line.id})
        if order.state in ("draft", "sent"):
            order._as_apply_membership_rewards()
            order.action_confirm()
        if order.invoice_status == "to invoice":
            order._create_invoices()

    def action_approve_credit(self):
        self._check_group("aftersales_base.group_aftersales_manager", self.env._("approve credit"))
        self._check_stage("ready")
        self._as_workflow_write({"credit_approved_by_id": self.env.uid})
        for order in self:
            order.message_post(body=self.env._("Credit approved: the vehicle may leave before payment."))
        return True

    def _customer_paid(self):
        """The customer's invoices are posted and paid (先收款后交车), or nothing is due."""
        self.ensure_one()
        if not self.amount_customer:
            return True
        invoices = self.sale_order_id.invoice_ids.filtered(lambda m: m.move_type == "out_invoice")
        return (
            bool(invoices)
            and all(inv.state == "posted" and inv.payment_state in ("paid", "in_payment") for inv in invoices)
            and (self.sale_order_id.invoice_status == "invoiced")
        )
