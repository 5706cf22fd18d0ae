from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

GROUP_MANAGER = "aftersales_parts.group_aftersales_parts_manager"


class PartsDemandLine(models.Model):
    _name = "aftersales.parts.demand.line"
    _description = "Parts Demand Line"
    _inherit = ["aftersales.workflow.mixin"]
    _order = "demand_id, sequence, id"
    _check_company_auto = True
    # The OEM's catalogue sets the price: only a parts manager changes it (see _as_workflow_field_names).
    _as_workflow_fields = ("price_unit",)

    demand_id = fields.Many2one("aftersales.parts.demand", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="demand_id.company_id", store=True)
    currency_id = fields.Many2one(related="demand_id.currency_id")
    state = fields.Selection(related="demand_id.state")
    product_id = fields.Many2one(
        "product.product",
        string="Part",
        required=True,
        check_company=True,
        domain="[('is_storable', '=', True), ('as_is_part', '=', True)]",
    )
    product_uom_qty = fields.Float(string="Quantity", required=True, default=1.0, digits="Product Unit of Measure")
    price_unit = fields.Float(
        string="Unit price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        digits="Product Price",
    )
    as_can_edit_price = fields.Boolean(string="Can change the price", compute="_compute_as_can_edit_price")
    price_subtotal = fields.Monetary(compute="_compute_price_subtotal", store=True)
    qty_on_hand = fields.Float(string="On hand", compute="_compute_quantities", digits="Product Unit of Measure")
    qty_available = fields.Float(string="Available", compute="_compute_quantities", digits="Product Unit of Measure")
    qty_shortage = fields.Float(string="Shortage", compute="_compute_quantities", digits="Product Unit of Measure")
    qty_on_order = fields.Float(string="On order", compute="_compute_qty_on_order", digits="Product Unit of Measure")
    qty_to_order = fields.Float(compute="_compute_qty_on_order", digits="Product Unit of Measure")
    qty_issued = fields.Float(string="Issued", compute="_compute_qty_issued", digits="Product Unit of Measure")
    fill_rate = fields.Float(
        string="Fill rate (%)",
        compute="_compute_fill_rate",
        store=True,
        aggregator="avg",
        help="100 when the line was served from stock, 0 when parts had to be ordered (满足率).",
    )
    move_ids = fields.One2many("stock.move", "as_demand_line_id", string="Issue moves")
    purchase_line_ids = fields.One2many("purchase.order.line", "as_demand_line_id", string="Purchase lines")

    _sql_constraints = [
        ("quantity_positive", "CHECK(product_uom_qty > 0)", "The demanded quantity must be positive."),
    ]

    @api.depends_context("uid")
    def _compute_as_can_edit_price(self):
        self.as_can_edit_price = self.env.su or self.env.user.has_group(GROUP_MANAGER)

    @api.depends("product_id")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line.product_id.lst_price

    @api.depends("price_unit", "product_uom_qty")
    def _compute_price_subtotal(self):
        for line in self:
            line.price_subtotal = line.price_unit * line.product_uom_qty

    @api.depends("product_id", "product_uom_qty", "demand_id.location_id", "demand_id.state")
    @api.depends_context("company")
    def _compute_quantities(self):
        for location, lines in self.grouped(lambda line: line.demand_id.location_id).items():
            products = lines.product_id.with_context(location=location.id)
            quantities = {p.id: (p.qty_available, p.free_qty) for p in products} if location else {}
            for line in lines:
                on_hand, free = quantities.get(line.product_id.id, (0.0, 0.0))
                line.qty_on_hand = on_hand
                line.qty_available = free
                open_issue = line.state in ("draft", "confirmed", "waiting")
                line.qty_shortage = max(line.product_uom_qty - free, 0.0) if open_issue else 0.0

    @api.depends(
        "purchase_line_ids.product_qty",
        "purchase_line_ids.state",
        "purchase_line_ids.order_id.purchase_group_id",
        "qty_shortage",
    )
    def _compute_qty_on_order(self):
        for line in self:
            ordered = 0.0
            pols = line.purchase_line_ids.filtered(lambda pol: pol.state != "cancel")
            # alternative quotes (purchase_requisition) for the same need count once: the confirmed one if any,
            # else the largest open one
            for group_lines in pols.grouped(lambda pol: pol.order_id.purchase_group_id or pol.order_id).values():
                confirmed = group_lines.filtered(lambda pol: pol.state in ("purchase", "done"))
                per_order = (confirmed or group_lines).grouped("order_id").values()
                remaining = [sum(pol.product_qty - pol.qty_received for pol in lines) for lines in per_order]
                ordered += sum(remaining) if confirmed else max(remaining)
            line.qty_on_order = max(ordered, 0.0)
            line.qty_to_order = max(line.qty_shortage - line.qty_on_order, 0.0)

    @api.depends("purchase_line_ids")
    def _compute_fill_rate(self):
        for line in self:
            line.fill_rate = 0.0 if line.purchase_line_ids else 100.0

    @api.depends("move_ids.product_uom_qty", "move_ids.state")
    def _compute_qty_issued(self):
        for line in self:
            line.qty_issued = sum(line.move_ids.filtered(lambda m: m.state != "cancel").mapped("product_uom_qty"))

    # ------------------------------------------------------------------ price guard
    @api.model
    def _as_workflow_field_names(self):
        names = super()._as_workflow_field_names()
        if self.env.user.has_group(GROUP_MANAGER):
            names.discard("price_unit")  # the parts manager changes the price, logged on the demand
        return names

    def _as_is_catalogue_price(self, price, product):
        digits = self.env["decimal.precision"].precision_get("Product Price")
        return not float_compare(price, product.lst_price, precision_digits=digits)

    @api.model_create_multi
    def create(self, vals_list):
        Product = self.env["product.product"]
        for vals in vals_list:
            # the catalogue price the form computed is no price change: the line computes it again
            if "price_unit" in vals and vals.get("product_id"):
                if self._as_is_catalogue_price(vals["price_unit"] or 0.0, Product.browse(vals["product_id"])):
                    del vals["price_unit"]
        lines = super().create(vals_list)
        lines._as_check_demand_open()
        lines.filtered(lambda line: not self._as_is_catalogue_price(line.price_unit, line.product_id))._as_log_price({})
        return lines

    def write(self, vals):
        if "price_unit" in vals and vals.get("product_id") and not self.env.su:
            # a new part brings its catalogue price: computed again, no price change
            if self._as_is_catalogue_price(
                vals["price_unit"] or 0.0, self.env["product.product"].browse(vals["product_id"])
            ):
                vals = {key: value for key, value in vals.items() if key != "price_unit"}
        if {"price_unit", "product_id", "product_uom_qty"} & set(vals) and not self.env.su:
            self._as_check_demand_open()
        before = {line: line.price_unit for line in self} if "price_unit" in vals else {}
        result = super().write(vals)
        if before:
            self.filtered(lambda line: line.price_unit != before[line])._as_log_price(before)
        return result

    @api.ondelete(at_uninstall=False)
    def _as_unlink_only_open(self):
        if not self.env.su:
            self._as_check_demand_open()

    def _as_check_demand_open(self):
        closed = self.demand_id.filtered(lambda demand: demand.state not in ("draft", "confirmed"))
        if closed:
            raise UserError(
                self.env._(
                    "Demand %(demand)s is %(state)s: its lines can no longer be changed.",
                    demand=closed[0].name,
                    state=dict(closed._fields["state"]._description_selection(self.env))[closed[0].state],
                )
            )

    def _as_log_price(self, before):
        for line in self:
            line.demand_id.message_post(
                body=self.env._(
                    "Price of %(part)s changed from %(old)s to %(new)s (catalogue price %(catalogue)s) by %(user)s.",
                    part=line.product_id.display_name,
                    old=before.get(line, line.product_id.lst_price),
                    new=line.price_unit,
                    catalogue=line.product_id.lst_price,
                    user=self.env.user.name,
                )
            )
