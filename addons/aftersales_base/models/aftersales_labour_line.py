from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .aftersales_operation import PAYERS


class AftersalesLabourLine(models.Model):
    _name = "aftersales.labour.line"
    _inherit = ["aftersales.workflow.mixin"]
    _description = "Work Order Labour Line"
    _order = "repair_id, sequence, id"
    _check_company_auto = True
    # The customer's approval and the invoicing links follow the work order's steps only.
    _as_workflow_fields = ("approved", "is_supplement", "sale_line_id", "invoice_line_id")

    sequence = fields.Integer(default=10)
    repair_id = fields.Many2one("repair.order", string="Work Order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="repair_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="repair_id.company_id.currency_id")
    operation_id = fields.Many2one("aftersales.operation", check_company=True)
    name = fields.Char(
        string="Description", compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    category = fields.Selection(related="operation_id.category", store=True)
    hours = fields.Float(
        digits=(16, 2),
        compute="_compute_hours",
        store=True,
        readonly=False,
        precompute=True,
        help="Flat-rate hours of the operation for the vehicle model.",
    )
    price_unit = fields.Monetary(
        string="Rate",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        help="Labour rate per hour.",
    )
    price_subtotal = fields.Monetary(string="Amount", compute="_compute_price_subtotal", store=True)
    payer = fields.Selection(PAYERS, required=True, default="customer")
    technician_ids = fields.Many2many("res.users", string="Technicians")
    is_supplement = fields.Boolean(
        string="Additional Work",
        readonly=True,
        copy=False,
        help="Added after the customer approved the estimate: needs a new approval.",
    )
    approved = fields.Boolean(readonly=True, copy=False)
    sale_line_id = fields.Many2one("sale.order.line", readonly=True, copy=False, index="btree_not_null")
    invoice_line_id = fields.Many2one("account.move.line", string="Insurer Invoice Line", readonly=True, copy=False)

    @api.depends("operation_id")
    def _compute_name(self):
        for line in self:
            line.name = line.operation_id.display_name or line.name

    @api.depends("operation_id", "repair_id.vehicle_id.model_id")
    def _compute_hours(self):
        for line in self.filtered("operation_id"):
            line.hours = line.operation_id._hours_for_model(line.repair_id.vehicle_id.model_id)

    @api.depends("payer", "repair_id.company_id")
    def _compute_price_unit(self):
        for line in self:
            company = line.repair_id.company_id or self.env.company
            rate = company.as_warranty_labour_rate if line.payer == "warranty" else company.as_labour_rate
            line.price_unit = rate or company.as_labour_rate

    @api.depends("hours", "price_unit")
    def _compute_price_subtotal(self):
        for line in self:
            line.price_subtotal = line.hours * line.price_unit

    @api.constrains("hours", "price_unit")
    def _check_not_negative(self):
        for line in self:
            if line.hours < 0 or line.price_unit < 0:
                raise ValidationError(
                    self.env._(
                        "Work order %(wo)s, labour %(line)s: hours and rate cannot be negative.",
                        wo=line.repair_id.name,
                        line=line.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # Lines added once the estimate is approved are additional work (增加项目).
        lines.filtered(lambda l: l.repair_id.estimate_approved)._mark_supplement()
        return lines

    def write(self, vals):
        # More hours on an approved line are additional work the customer approves again.
        raised = self.browse()
        if "hours" in vals and not self.env.su:
            raised = self.filtered(lambda l: l.approved and (vals["hours"] or 0.0) > l.hours)
        res = super().write(vals)
        if raised:
            raised._mark_supplement()
        return res

    def _mark_supplement(self):
        # Safe: only called by create/write above for lines the user may add or change; it only
        # withdraws an approval, which the advisor's approval step gives again.
        self._as_workflow_write({"is_supplement": True, "approved": False})
        for repair in self.repair_id:
            repair.message_post(
                body=self.env._(
                    "Additional work added after approval: %(lines)s. The customer must approve it.",
                    lines=", ".join(self.filtered(lambda l: l.repair_id == repair).mapped("name")),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        if self.filtered("sale_line_id") or self.filtered("invoice_line_id"):
            raise UserError(self.env._("A labour line already invoiced cannot be deleted."))

    def _labour_product(self):
        """The service product invoiced for this line: the operation's, else the company's labour product."""
        self.ensure_one()
        product = (
            self.operation_id.product_id
            or self.repair_id.company_id.as_labour_product_id
            or self.env.ref("aftersales_base.product_labour", raise_if_not_found=False)
        )
        if not product:
            raise UserError(
                self.env._(
                    "Set a labour product in After-Sales settings to invoice work order %(wo)s.", wo=self.repair_id.name
                )
            )
        return product

    def _prepare_sale_line_vals(self, order):
        self.ensure_one()
        product = self._labour_product()
        return {
            "order_id": order.id,
            "product_id": product.id,
            "name": self.name,
            "product_uom_qty": self.hours,
            "price_unit": self.price_unit,
        }
