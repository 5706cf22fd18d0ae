from odoo import api, fields, models


class PartsDemandLine(models.Model):
    _name = "aftersales.parts.demand.line"
    _description = "Parts Demand Line"
    _order = "demand_id, sequence, id"
    _check_company_auto = True

    demand_id = fields.Many2one("aftersales.parts.demand", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="demand_id.company_id", store=True)
    currency_id = fields.Many2one(related="demand_id.currency_id")
    state = fields.Selection(related="demand_id.state")
    product_id = fields.Many2one(
        "product.product", string="Part", required=True, check_company=True, domain="[('is_storable', '=', True)]"
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
