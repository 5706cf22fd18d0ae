from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

GROUP_CLERK = "aftersales_parts.group_aftersales_parts_clerk"
GROUP_MANAGER = "aftersales_parts.group_aftersales_parts_manager"


class Stocktake(models.Model):
    _name = "aftersales.stocktake"
    _description = "Stocktake"
    _inherit = ["aftersales.numbered.mixin", "aftersales.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = ("state", "approved_by_id", "move_ids", "gain_value", "loss_value", "line_count")

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("counting", "Counting"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    kind = fields.Selection(
        [("monthly", "Monthly (per site)"), ("quarterly", "Quarterly (full count)")],
        string="Type",
        default="monthly",
        required=True,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(default=fields.Date.context_today, required=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True, check_company=True
    )
    location_id = fields.Many2one(
        "stock.location",
        required=True,
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        default=lambda self: self.env["stock.warehouse"]
        .search([("company_id", "=", self.env.company.id)], limit=1)
        .lot_stock_id,
        help="Counted with its sub-locations.",
    )
    categ_id = fields.Many2one("product.category", string="Part category")
    product_ids = fields.Many2many("product.product", string="Parts", help="Leave empty to count every part in stock.")
    counter_ids = fields.Many2many("res.users", string="Counters", check_company=True)
    finance_user_id = fields.Many2one(
        "res.users", string="Finance", check_company=True, help="Finance takes part in the quarterly count."
    )
    blind_count = fields.Boolean(
        compute="_compute_blind_count",
        store=True,
        readonly=False,
        precompute=True,
        help="Counters do not see the book quantity and start from an empty count; the variance is computed "
        "once the count is submitted. Set from the company's Blind count setting.",
    )
    as_hide_book_qty = fields.Boolean(
        string="Book quantity hidden",
        compute="_compute_as_hide_book_qty",
        help="A blind count being counted: the book quantity is hidden from the counters (not from parts managers).",
    )
    line_ids = fields.One2many("aftersales.stocktake.line", "stocktake_id", string="Count lines")
    variance_line_ids = fields.One2many(
        "aftersales.stocktake.line", "stocktake_id", string="Variances", domain=[("is_variance", "=", True)]
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    gain_value = fields.Monetary(compute="_compute_values", store=True)
    loss_value = fields.Monetary(compute="_compute_values", store=True)
    line_count = fields.Integer(compute="_compute_values", store=True)
    move_ids = fields.Many2many("stock.move", string="Adjustment moves", readonly=True, copy=False)

    @api.depends("kind", "company_id")
    def _compute_blind_count(self):
        # the company setting applies when the stocktake is planned; changing it later leaves counts alone
        for stocktake in self:
            setting = stocktake.company_id.as_blind_count
            stocktake.blind_count = setting == "all" or (setting == "quarterly" and stocktake.kind == "quarterly")

    @api.depends("blind_count", "state")
    @api.depends_context("uid")
    def _compute_as_hide_book_qty(self):
        is_manager = self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager")
        for stocktake in self:
            stocktake.as_hide_book_qty = stocktake._as_is_blind_counting() and not is_manager

    def _as_is_blind_counting(self):
        """A blind count not yet submitted: book quantity hidden, no variance yet."""
        self.ensure_one()
        return self.blind_count and self.state in ("draft", "counting")

    @api.depends("line_ids.difference_value")
    def _compute_values(self):
        for stocktake in self:
            values = stocktake.line_ids.mapped("difference_value")
            stocktake.gain_value = sum(v for v in values if v > 0)
            stocktake.loss_value = -sum(v for v in values if v < 0)
            stocktake.line_count = len(stocktake.line_ids)

    def _quant_domain(self):
        self.ensure_one()
        # parts only (not Odoo's demo furniture nor other goods), never the worn parts kept in Old Parts
        domain = [
            ("location_id", "child_of", self.location_id.id),
            ("location_id.as_old_parts", "=", False),
            ("product_id.is_storable", "=", True),
            ("product_id.as_is_part", "=", True),
        ]
        if self.categ_id:
            domain.append(("product_id.categ_id", "child_of", self.categ_id.id))
        if self.product_ids:
            domain.append(("product_id", "in", self.product_ids.ids))
        return domain

    def _as_check_manager(self, what):
        if not (self.env.su or self.env.user.has_group(GROUP_MANAGER)):
            raise AccessError(
                self.env._(
                    "Stocktake %(name)s: only a parts manager may %(what)s.",
                    name=", ".join(self.mapped("name")),
                    what=what,
                )
            )

    def action_start(self):
        self._as_check_manager(self.env._("start the count"))
        for stocktake in self:
            if stocktake.state != "draft":
                raise UserError(self.env._("Stocktake %(name)s has already started.", name=stocktake.name))
            if stocktake.kind == "quarterly" and not stocktake.finance_user_id:
                raise UserError(
                    self.env._("The quarterly count %(name)s needs finance taking part.", name=stocktake.name)
                )
            groups = self.env["stock.quant"]._read_group(
                stocktake._quant_domain(), ["product_id", "location_id"], ["quantity:sum"]
            )
            seen = {(product.id, location.id) for product, location, __ in groups}
            # a blind count starts empty; otherwise the counters confirm or correct the book quantity
            lines = [
                {
                    "product_id": product.id,
                    "location_id": location.id,
                    "theoretical_qty": qty,
                    "counted_qty": 0.0 if stocktake.blind_count else qty,
                    "inventory_quantity_set": not stocktake.blind_count,
                }
                for product, location, qty in groups
            ]
            lines += [
                {"product_id": product.id, "location_id": stocktake.location_id.id}
                for product in stocktake.product_ids
                if (product.id, stocktake.location_id.id) not in seen
            ]
            for vals in lines:
                product = self.env["product.product"].browse(vals["product_id"])
                vals["unit_cost"] = product.with_company(stocktake.company_id).standard_price
            # the book quantity and cost are the system's, written by the workflow only
            stocktake._as_workflow_write(
                {"line_ids": [Command.clear()] + [Command.create(vals) for vals in lines], "state": "counting"}
            )
        return True

    def action_submit(self):
        if not (self.env.su or self.env.user.has_group(GROUP_CLERK)):
            raise AccessError(self.env._("Only parts staff submit a count."))
        for stocktake in self:
            if stocktake.state != "counting":
                raise UserError(self.env._("Stocktake %(name)s is not being counted.", name=stocktake.name))
            uncounted = stocktake.line_ids.filtered(lambda line: not line.inventory_quantity_set)
            if uncounted:
                raise UserError(
                    self.env._(
                        "Stocktake %(name)s: %(count)s lines are not counted yet (%(part)s); enter their counted "
                        "quantity, 0 for a part not found.",
                        name=stocktake.name,
                        count=len(uncounted),
                        part=uncounted[0].product_id.display_name,
                    )
                )
        self._as_workflow_write({"state": "submitted"})
        return True

    def action_approve(self):
        if not (self.env.su or self.env.user.has_group(GROUP_MANAGER)):
            raise UserError(self.env._("Only a parts manager approves a stocktake."))
        for stocktake in self:
            if stocktake.state != "submitted":
                raise UserError(self.env._("Stocktake %(name)s has not been submitted.", name=stocktake.name))
            unexplained = stocktake.line_ids.filtered(
                lambda line: line.is_variance and (not line.reason or not line.responsible_id)
            )
            if unexplained:
                raise UserError(
                    self.env._(
                        "Stocktake %(name)s: explain the variance of %(part)s (reason and responsible person) "
                        "before approval.",
                        name=stocktake.name,
                        part=unexplained[0].product_id.display_name,
                    )
                )
            stocktake._apply_adjustments()
        self._as_workflow_write({"state": "approved", "approved_by_id": self.env.user.id})
        return True

    def _apply_adjustments(self):
        """Apply the counted quantities through Odoo's inventory adjustment, which posts the valuation."""
        self.ensure_one()
        variances = self.line_ids.filtered("is_variance")
        if not variances:
            return
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        quants = Quant.browse()
        existing = {
            (q.product_id.id, q.location_id.id): q
            for q in Quant.search(
                [
                    ("product_id", "in", variances.product_id.ids),
                    ("location_id", "in", variances.location_id.ids),
                    ("lot_id", "=", False),
                    ("package_id", "=", False),
                    ("owner_id", "=", False),
                ]
            )
        }
        to_create = []
        for line in variances:
            quant = existing.get((line.product_id.id, line.location_id.id))
            if quant:
                quant.inventory_quantity = line.counted_qty
                quants |= quant
            else:
                to_create.append(
                    {
                        "product_id": line.product_id.id,
                        "location_id": line.location_id.id,
                        "inventory_quantity": line.counted_qty,
                    }
                )
        if to_create:
            quants |= Quant.create(to_create)
        quants.with_context(inventory_name=self.name)._apply_inventory()
        moves = self.env["stock.move"].search(
            [
                ("is_inventory", "=", True),
                ("name", "=like", self.name + "%"),
                ("product_id", "in", variances.product_id.ids),
            ]
        )
        self._as_workflow_write({"move_ids": [Command.set(moves.ids)]})

    def action_cancel(self):
        self._as_check_manager(self.env._("cancel a stocktake"))
        if any(stocktake.state == "approved" for stocktake in self):
            raise UserError(self.env._("An approved stocktake cannot be cancelled."))
        self._as_workflow_write({"state": "cancel"})
        return True

    def action_draft(self):
        self._as_check_manager(self.env._("reset a stocktake to draft"))
        self.filtered(lambda s: s.state == "cancel")._as_workflow_write({"state": "draft"})
        return True
