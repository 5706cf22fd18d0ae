from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

LOCKED_FIELDS = {"counted_qty", "theoretical_qty", "product_id", "location_id", "unit_cost", "inventory_quantity_set"}
OPEN_STATES = ("draft", "counting")


class StocktakeLine(models.Model):
    _name = "aftersales.stocktake.line"
    _description = "Stocktake Line"
    _inherit = ["aftersales.workflow.mixin"]
    _order = "stocktake_id, location_id, product_id"
    _check_company_auto = True
    # the books and the variance are the system's; who counted is the user who entered the count
    _as_workflow_fields = (
        "theoretical_qty",
        "unit_cost",
        "counter_id",
        "difference_qty",
        "difference_value",
        "is_variance",
        "variance_type",
        "accuracy",
    )

    stocktake_id = fields.Many2one("aftersales.stocktake", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True)
    currency_id = fields.Many2one(related="stocktake_id.currency_id")
    state = fields.Selection(related="stocktake_id.state")
    as_hide_book_qty = fields.Boolean(related="stocktake_id.as_hide_book_qty")
    product_id = fields.Many2one("product.product", string="Part", required=True, check_company=True)
    part_number = fields.Char(related="product_id.as_part_number")
    location_id = fields.Many2one("stock.location", required=True, check_company=True)
    theoretical_qty = fields.Float(string="Book quantity", digits="Product Unit of Measure", readonly=True)
    counted_qty = fields.Float(string="Counted quantity", digits="Product Unit of Measure")
    # named as on stock.quant so that Odoo's counted_quantity_widget shows a line not yet counted empty
    inventory_quantity_set = fields.Boolean(
        string="Counted", copy=False, help="The counter entered a quantity (a blind count starts empty)."
    )
    counter_id = fields.Many2one("res.users", string="Counted by", readonly=True)
    unit_cost = fields.Float(digits="Product Price", readonly=True)
    difference_qty = fields.Float(
        string="Difference", compute="_compute_difference", store=True, digits="Product Unit of Measure"
    )
    difference_value = fields.Monetary(string="Variance value", compute="_compute_difference", store=True)
    is_variance = fields.Boolean(compute="_compute_difference", store=True)
    variance_type = fields.Selection([("gain", "Gain"), ("loss", "Loss")], compute="_compute_difference", store=True)
    accuracy = fields.Float(
        string="Accuracy (%)",
        compute="_compute_difference",
        store=True,
        aggregator="avg",
        help="100 when the count matches the books (准确率).",
    )
    reason = fields.Char(help="Why the count differs from the books.")
    responsible_id = fields.Many2one("res.users", string="Responsible person")

    @api.depends("counted_qty", "theoretical_qty", "unit_cost", "stocktake_id.state", "stocktake_id.blind_count")
    def _compute_difference(self):
        for line in self:
            if line.stocktake_id._as_is_blind_counting():
                # blind count: no variance (which would give the book quantity away) before submission
                line.update(
                    {
                        "difference_qty": 0.0,
                        "difference_value": 0.0,
                        "is_variance": False,
                        "variance_type": False,
                        "accuracy": 0.0,
                    }
                )
                continue
            rounding = line.product_id.uom_id.rounding or 0.01
            diff = line.counted_qty - line.theoretical_qty
            line.difference_qty = diff
            line.difference_value = diff * line.unit_cost
            line.is_variance = abs(diff) >= rounding
            line.variance_type = (diff > 0 and "gain") or (diff < 0 and "loss") or False
            line.accuracy = 0.0 if line.is_variance else 100.0

    def _read_format(self, fnames, load="_classic_read"):
        """Counters of a blind count being counted never read the book quantity, whatever the view."""
        result = super()._read_format(fnames, load=load)
        if "theoretical_qty" in fnames and not self.env.user.has_group(
            "aftersales_parts.group_aftersales_parts_manager"
        ):
            hidden = {line.id for line in self if line.stocktake_id._as_is_blind_counting()}
            for values in result:
                if values["id"] in hidden:
                    values["theoretical_qty"] = False
        return result

    @api.constrains("counted_qty")
    def _check_counted_qty(self):
        for line in self:
            line._as_refuse_negative(line.counted_qty)

    def _as_refuse_negative(self, quantity):
        if (quantity or 0.0) < 0:
            raise ValidationError(
                self.env._(
                    "Stocktake %(name)s: the counted quantity of %(part)s cannot be negative (%(qty)s).",
                    name=self[:1].stocktake_id.name,
                    part=self[:1].product_id.display_name,
                    qty=quantity,
                )
            )

    def _as_check_stocktake_open(self, stocktakes):
        closed = stocktakes.filtered(lambda stocktake: stocktake.state not in OPEN_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "Stocktake %(name)s has been submitted: its count lines can no longer be edited, added or "
                    "deleted.",
                    name=closed[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        stocktake_ids = [vals.get("stocktake_id") for vals in vals_list if vals.get("stocktake_id")]
        self._as_check_stocktake_open(self.env["aftersales.stocktake"].browse(stocktake_ids))
        for vals in vals_list:
            if "counted_qty" in vals:
                vals.setdefault("inventory_quantity_set", True)
        lines = super().create(vals_list)
        if not self.env.su:
            lines.filtered("inventory_quantity_set")._as_workflow_write({"counter_id": self.env.user.id})
        return lines

    def write(self, vals):
        stocktakes = self.stocktake_id
        if LOCKED_FIELDS & set(vals):
            self._as_check_stocktake_open(stocktakes)
        elif not self.env.su:
            # explanations (reason, responsible) are given until approval, then the lines are closed
            self._as_check_stocktake_open(stocktakes.filtered(lambda stocktake: stocktake.state != "submitted"))
        if "counted_qty" in vals:
            self._as_refuse_negative(vals["counted_qty"])  # before anything is written
        counted = "counted_qty" in vals
        if counted:
            vals = dict(vals)
            vals.setdefault("inventory_quantity_set", True)
            if vals.get("counter_id") == self.env.uid:
                del vals["counter_id"]  # set below as the workflow does
        result = super().write(vals)
        if counted and "counter_id" not in vals:
            self._as_workflow_write({"counter_id": self.env.user.id})
        return result

    @api.ondelete(at_uninstall=False)
    def _as_unlink_only_while_counting(self):
        self._as_check_stocktake_open(self.stocktake_id)
