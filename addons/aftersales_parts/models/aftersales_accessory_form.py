from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

GROUP_CLERK = "aftersales_parts.group_aftersales_parts_clerk"


class AccessoryForm(models.Model):
    _name = "aftersales.accessory.form"
    _description = "Accessory Gift or Sale Form"
    _inherit = ["aftersales.numbered.mixin", "aftersales.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = ("state", "price_approved_by_id", "checked_by_id")

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted to Finance"),
            ("checked", "Checked by Finance"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(default=fields.Date.context_today, required=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, check_company=True)
    vehicle_id = fields.Many2one("fleet.vehicle", string="New vehicle", check_company=True)
    repair_id = fields.Many2one("repair.order", string="Work order", check_company=True)
    line_ids = fields.One2many("aftersales.accessory.form.line", "form_id", string="Accessories", copy=True)
    amount_sale = fields.Monetary(string="Sold", compute="_compute_amounts", store=True)
    amount_gift = fields.Monetary(string="Given (at cost)", compute="_compute_amounts", store=True)
    price_approved_by_id = fields.Many2one("res.users", string="Low price approved by", readonly=True, copy=False)
    checked_by_id = fields.Many2one(
        "res.users", string="Checked by (finance)", readonly=True, copy=False, tracking=True
    )

    @api.depends("line_ids.subtotal", "line_ids.kind", "line_ids.cost")
    def _compute_amounts(self):
        for form in self:
            form.amount_sale = sum(form.line_ids.filtered(lambda line: line.kind == "sale").mapped("subtotal"))
            form.amount_gift = sum(line.cost * line.quantity for line in form.line_ids if line.kind == "gift")

    def _as_check_draft(self):
        sent = self.filtered(lambda form: form.state != "draft")
        if sent:
            raise UserError(
                self.env._(
                    "Accessory form %(name)s has been submitted to finance: its accessories are fixed.",
                    name=sent[0].name,
                )
            )

    def action_submit(self):
        if not (self.env.su or self.env.user.has_group(GROUP_CLERK)):
            raise AccessError(self.env._("Only parts staff submit an accessory form."))
        for form in self:
            if form.state != "draft" or not form.line_ids:
                raise UserError(self.env._("Accessory form %(name)s needs lines and must be a draft.", name=form.name))
            low = form.line_ids.filtered(
                lambda line: line.kind == "sale"
                and line.product_id.as_min_sale_price
                and line.price_unit < line.product_id.as_min_sale_price
            )
            if low and not form.price_approved_by_id:
                raise UserError(
                    self.env._(
                        "Accessory form %(name)s: %(part)s at %(price)s is below its minimum selling price "
                        "%(minimum)s; a parts manager must approve the price.",
                        name=form.name,
                        part=low[0].product_id.display_name,
                        price=low[0].price_unit,
                        minimum=low[0].product_id.as_min_sale_price,
                    )
                )
        self._as_workflow_write({"state": "submitted"})
        return True

    def action_approve_price(self):
        if not self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            raise UserError(self.env._("Only a parts manager approves a price below the minimum selling price."))
        self._as_check_draft()
        self._as_workflow_write({"price_approved_by_id": self.env.user.id})
        return True

    def action_check(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise UserError(self.env._("Accessory forms are checked and stamped by finance."))
        if any(form.state != "submitted" for form in self):
            raise UserError(self.env._("Only a submitted accessory form can be checked."))
        self._as_workflow_write({"state": "checked", "checked_by_id": self.env.user.id})
        return True

    def action_cancel(self):
        if any(form.state == "checked" for form in self):
            raise UserError(self.env._("A form checked by finance cannot be cancelled."))
        if not (self.env.su or self.env.user.has_group(GROUP_CLERK)):
            raise AccessError(self.env._("Only parts staff cancel an accessory form."))
        self._as_workflow_write({"state": "cancel"})
        return True


class AccessoryFormLine(models.Model):
    _name = "aftersales.accessory.form.line"
    _description = "Accessory Form Line"
    _order = "form_id, id"

    form_id = fields.Many2one("aftersales.accessory.form", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="form_id.company_id", store=True)
    currency_id = fields.Many2one(related="form_id.currency_id")
    product_id = fields.Many2one(
        "product.product", string="Accessory", required=True, domain="[('as_is_accessory', '=', True)]"
    )
    kind = fields.Selection([("sale", "Sale"), ("gift", "Gift")], required=True, default="sale")
    quantity = fields.Float(digits="Product Unit of Measure", default=1.0, required=True)
    price_unit = fields.Float(
        string="Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        digits="Product Price",
    )
    cost = fields.Float(related="product_id.standard_price", string="Cost")
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True)

    @api.depends("product_id", "kind")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = 0.0 if line.kind == "gift" else line.product_id.lst_price

    @api.depends("price_unit", "quantity")
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.price_unit * line.quantity

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.form_id._as_check_draft()
        return lines

    def write(self, vals):
        if not self.env.su:
            self.form_id._as_check_draft()
            if {"price_unit", "kind", "product_id", "quantity"} & set(vals):
                # a price approved for the lines as they were does not cover other lines
                self.form_id.filtered("price_approved_by_id")._as_workflow_write({"price_approved_by_id": False})
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _as_unlink_only_draft(self):
        if not self.env.su:
            self.form_id._as_check_draft()
