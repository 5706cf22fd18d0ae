from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.addons.aftersales_base.tools.stock_lock import lock_quants
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

GROUP_CLERK = "aftersales_parts.group_aftersales_parts_clerk"
GROUP_MANAGER = "aftersales_parts.group_aftersales_parts_manager"
GROUP_ADVISOR = "aftersales_base.group_aftersales_advisor"


class PartsDemand(models.Model):
    _name = "aftersales.parts.demand"
    _description = "Parts Demand"
    _inherit = ["aftersales.numbered.mixin", "aftersales.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = ("state", "credit_approved_by_id", "sale_order_id")

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "Confirmed"),
            ("waiting", "Waiting for Parts"),
            ("issued", "Issued"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True, check_company=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        check_company=True,
        help="Picked from the customer archive; archived customers are refused.",
    )
    category = fields.Selection(
        [("sale", "Sale"), ("repair", "Repair"), ("transfer", "Transfer")],
        required=True,
        default="sale",
        tracking=True,
    )
    payment_mode = fields.Selection(
        [("cash", "Cash"), ("credit", "Credit")], default="cash", required=True, tracking=True
    )
    credit_approved_by_id = fields.Many2one("res.users", string="Credit approved by", readonly=True, copy=False)
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        compute="_compute_vehicle_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    license_plate = fields.Char(
        string="Plate", compute="_compute_license_plate", store=True, readonly=False, precompute=True
    )
    repair_id = fields.Many2one(
        "repair.order", string="Work order", check_company=True, domain="[('state', 'not in', ('done', 'cancel'))]"
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        check_company=True,
        default=lambda self: self.env["stock.warehouse"].search([("company_id", "=", self.env.company.id)], limit=1),
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Source location",
        compute="_compute_location_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        check_company=True,
        domain="[('usage', '=', 'internal'), ('as_old_parts', '=', False)]",
    )
    location_dest_id = fields.Many2one(
        "stock.location",
        string="Destination location",
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        help="For transfers: where the parts go.",
    )
    line_ids = fields.One2many("aftersales.parts.demand.line", "demand_id", string="Lines", copy=True)
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    has_shortage = fields.Boolean(compute="_compute_has_shortage")
    sale_order_id = fields.Many2one("sale.order", readonly=True, copy=False, check_company=True)
    picking_ids = fields.Many2many("stock.picking", compute="_compute_documents", string="Transfers")
    purchase_order_ids = fields.Many2many("purchase.order", compute="_compute_documents", string="Purchase orders")
    picking_count = fields.Integer(compute="_compute_documents")
    purchase_count = fields.Integer(compute="_compute_documents")
    note = fields.Text()

    @api.depends("repair_id")
    def _compute_vehicle_id(self):
        # a repair demand is for the vehicle of its work order
        for demand in self:
            demand.vehicle_id = demand.repair_id.vehicle_id or demand.vehicle_id

    @api.depends("vehicle_id", "repair_id")
    def _compute_license_plate(self):
        for demand in self:
            demand.license_plate = (
                demand.vehicle_id.license_plate or demand.repair_id.license_plate or demand.license_plate
            )

    @api.depends("warehouse_id")
    def _compute_location_id(self):
        for demand in self:
            demand.location_id = demand.warehouse_id.lot_stock_id

    @api.depends("line_ids.price_subtotal")
    def _compute_amount_total(self):
        for demand in self:
            demand.amount_total = sum(demand.line_ids.mapped("price_subtotal"))

    @api.depends("line_ids.qty_shortage")
    def _compute_has_shortage(self):
        for demand in self:
            demand.has_shortage = any(line.qty_shortage > 0 for line in demand.line_ids)

    @api.depends("line_ids.move_ids", "line_ids.purchase_line_ids")
    def _compute_documents(self):
        for demand in self:
            demand.picking_ids = demand.line_ids.move_ids.picking_id
            demand.purchase_order_ids = demand.line_ids.purchase_line_ids.order_id
            demand.picking_count = len(demand.picking_ids)
            demand.purchase_count = len(demand.purchase_order_ids)

    @api.constrains("partner_id")
    def _check_partner_active(self):
        for demand in self:
            if not demand.partner_id.active:
                raise ValidationError(
                    self.env._(
                        "Demand %(demand)s: customer %(partner)s is archived; "
                        "pick an active customer from the archive.",
                        demand=demand.name,
                        partner=demand.partner_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(demand.state not in ("draft", "cancel") for demand in self):
            raise UserError(self.env._("Only draft or cancelled parts demands can be deleted."))

    # ------------------------------------------------------------------ actions
    def _as_check_parts_staff(self, groups, what):
        """The caller holds one of ``groups`` (the superuser, for flows run by the system, too)."""
        if self.env.su or any(self.env.user.has_group(group) for group in groups):
            return
        raise AccessError(
            self.env._(
                "Parts demand %(demand)s: %(user)s may not %(what)s.",
                demand=", ".join(self.mapped("name")),
                user=self.env.user.name,
                what=what,
            )
        )

    def action_confirm(self):
        self._as_check_parts_staff((GROUP_CLERK, GROUP_ADVISOR), self.env._("confirm a demand"))
        for demand in self:
            if demand.state != "draft":
                raise UserError(self.env._("Demand %(demand)s is not a draft.", demand=demand.name))
            if not demand.line_ids:
                raise UserError(self.env._("Demand %(demand)s has no lines.", demand=demand.name))
            if demand.category == "repair" and not demand.repair_id:
                raise UserError(
                    self.env._(
                        "Repair demand %(demand)s needs a work order before it is confirmed.", demand=demand.name
                    )
                )
            if demand.category == "transfer" and not demand.location_dest_id:
                raise UserError(
                    self.env._("Transfer demand %(demand)s needs a destination location.", demand=demand.name)
                )
            demand._check_partner_active()
        self._as_workflow_write({"state": "confirmed"})
        return True

    def action_approve_credit(self):
        if not self.env.user.has_group(GROUP_MANAGER):
            raise UserError(self.env._("Only a parts manager approves a credit sale."))
        for demand in self:
            if demand.payment_mode != "credit" or demand.state not in ("draft", "confirmed", "waiting"):
                raise UserError(
                    self.env._(
                        "Demand %(demand)s: only an open credit sale is approved for credit.", demand=demand.name
                    )
                )
            demand._as_workflow_write({"credit_approved_by_id": self.env.user.id})
            demand.message_post(body=self.env._("Credit sale approved by %(user)s.", user=self.env.user.name))
        return True

    def action_generate_issue(self):
        self._as_check_parts_staff((GROUP_CLERK,), self.env._("issue parts"))
        for demand in self:
            if demand.state not in ("confirmed", "waiting"):
                raise UserError(
                    self.env._(
                        "Demand %(demand)s must be confirmed by the customer before parts are issued.",
                        demand=demand.name,
                    )
                )
            demand._check_partner_active()
            if demand.category != "repair":  # a repair demand reserves at the work order's issue, locked there
                # two clerks selling the last unit at once: the second waits here, is retried, and is short
                lock_quants(self.env, demand.line_ids.product_id, demand.location_id)
                demand.line_ids.invalidate_recordset(["qty_available", "qty_shortage", "qty_on_hand"])
            short = demand.line_ids.filtered(lambda line: line.qty_shortage > 0)
            if short:
                line = short[0]
                raise UserError(
                    self.env._(
                        "Demand %(demand)s: %(qty)s of %(part)s requested but only %(available)s available; "
                        "convert the shortage to an order or wait for the receipt.",
                        demand=demand.name,
                        qty=line.product_uom_qty,
                        part=line.product_id.display_name,
                        available=line.qty_available,
                    )
                )
            if demand.category == "sale":
                demand._check_credit()
                demand._generate_sale_issue()
            elif demand.category == "repair":
                demand._generate_repair_issue()
            else:
                demand._generate_transfer_issue()
            demand._as_check_issue_reserved()
            demand._as_workflow_write({"state": "issued"})
            demand.message_post(body=self.env._("Issue document generated."))
        return True

    def _as_check_issue_reserved(self):
        """The issue document reserved every unit it takes out of the demand's location (a sale's delivery, a
        transfer): never a counter sale promised on stock another issue took meanwhile."""
        self.ensure_one()
        moves = self.line_ids.move_ids.filtered(
            lambda m: m.state not in ("done", "cancel") and m.location_id == self.location_id and not m.repair_id
        )
        short = moves.filtered(
            lambda m: float_compare(m.quantity, m.product_uom_qty, precision_rounding=m.product_uom.rounding) < 0
        )
        if short:
            raise UserError(
                self.env._(
                    "Demand %(demand)s: not enough stock to issue %(parts)s; another issue took it meanwhile.",
                    demand=self.name,
                    parts=", ".join(short.product_id.mapped("display_name")),
                )
            )

    def action_convert_to_order(self):
        self._as_check_parts_staff((GROUP_CLERK,), self.env._("order missing parts"))
        PurchaseOrder = self.env["purchase.order"]
        orders = PurchaseOrder
        for demand in self:
            if demand.state not in ("confirmed", "waiting"):
                raise UserError(
                    self.env._("Demand %(demand)s must be confirmed before it is converted.", demand=demand.name)
                )
            to_order = demand.line_ids.filtered(lambda line: line.qty_to_order > 0)
            if not to_order:
                raise UserError(self.env._("Demand %(demand)s has no shortage left to order.", demand=demand.name))
            by_vendor = defaultdict(lambda: self.env["aftersales.parts.demand.line"])
            for line in to_order:
                seller = line.product_id._select_seller(quantity=line.qty_to_order)
                if not seller:
                    raise UserError(
                        self.env._(
                            "Part %(part)s has no vendor: add one on the part.", part=line.product_id.display_name
                        )
                    )
                by_vendor[seller.partner_id] |= line
            orders |= PurchaseOrder.create(
                [demand._prepare_purchase_order_vals(vendor, lines) for vendor, lines in by_vendor.items()]
            )
            demand._as_workflow_write({"state": "waiting"})
        if len(orders) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "purchase.order",
                "res_id": orders.id,
                "view_mode": "form",
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": "purchase.order",
            "domain": [("id", "in", orders.ids)],
            "view_mode": "list,form",
            "name": self.env._("Requests for quotation"),
        }

    def action_cancel(self):
        self._as_check_parts_staff((GROUP_CLERK, GROUP_ADVISOR), self.env._("cancel a demand"))
        for demand in self:
            moves = demand.line_ids.move_ids
            if any(move.state == "done" for move in moves):
                raise UserError(
                    self.env._("Demand %(demand)s has parts already issued; return them instead.", demand=demand.name)
                )
        for demand in self:
            moves = demand.line_ids.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
            moves._do_unreserve()
            moves._action_cancel()
            if demand.sale_order_id and demand.sale_order_id.state != "cancel":
                demand.sale_order_id._action_cancel()
            drafts = demand.purchase_order_ids.filtered(lambda po: po.state in ("draft", "sent"))
            drafts.button_cancel()
        self._as_workflow_write({"state": "cancel"})
        return True

    def action_draft(self):
        self._as_check_parts_staff((GROUP_CLERK, GROUP_ADVISOR), self.env._("reset a demand to draft"))
        if any(demand.state != "cancel" for demand in self):
            raise UserError(self.env._("Only a cancelled demand can be reset to draft."))
        self._as_workflow_write({"state": "draft", "credit_approved_by_id": False})
        return True

    def action_view_pickings(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "name": self.env._("Transfers"),
            "domain": [("id", "in", self.picking_ids.ids)],
            "view_mode": "list,form",
        }

    def action_view_purchases(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "purchase.order",
            "name": self.env._("Purchase orders"),
            "domain": [("id", "in", self.purchase_order_ids.ids)],
            "view_mode": "list,form",
        }

    # ------------------------------------------------------------------ business
    def _check_credit(self):
        """A credit sale stays within the customer's accounting credit limit unless a parts manager approved it."""
        self.ensure_one()
        if self.payment_mode != "credit" or self.credit_approved_by_id:
            return
        # sudo: the credit limit and balance are accounting fields a parts clerk cannot read; they are only
        # compared here to enforce the limit, nothing is written.
        partner = self.partner_id.commercial_partner_id.with_company(self.company_id).sudo()
        limit = partner.credit_limit
        if not limit or partner.credit + self.amount_total > limit:
            raise UserError(
                self.env._(
                    "Demand %(demand)s: a credit sale of %(amount)s to %(partner)s exceeds the credit limit "
                    "(%(limit)s, already owed %(owed)s); a parts manager must approve it.",
                    demand=self.name,
                    amount=self.amount_total,
                    partner=partner.display_name,
                    limit=limit,
                    owed=partner.credit,
                )
            )

    def _prepare_sale_order_vals(self):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "warehouse_id": self.warehouse_id.id,
            "origin": self.name,
            "as_demand_id": self.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.product_uom_qty,
                        "price_unit": line.price_unit,
                        "as_demand_line_id": line.id,
                    }
                )
                for line in self.line_ids
            ],
        }

    def _generate_sale_issue(self):
        order = self.env["sale.order"].create(self._prepare_sale_order_vals())
        order.action_confirm()
        self._as_workflow_write({"sale_order_id": order.id})

    def _generate_repair_issue(self):
        self.ensure_one()
        if self.repair_id.state in ("done", "cancel"):
            raise UserError(
                self.env._("Work order %(repair)s is closed; parts cannot be added to it.", repair=self.repair_id.name)
            )
        self.env["stock.move"].create(
            [
                {
                    "repair_id": self.repair_id.id,
                    "repair_line_type": "add",
                    "product_id": line.product_id.id,
                    "product_uom_qty": line.product_uom_qty,
                    "product_uom": line.product_id.uom_id.id,
                    "price_unit": line.product_id.standard_price,
                    "company_id": self.company_id.id,
                    "as_demand_line_id": line.id,
                }
                for line in self.line_ids
            ]
        )

    def _generate_transfer_issue(self):
        self.ensure_one()
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse_id.int_type_id.id,
                "location_id": self.location_id.id,
                "location_dest_id": self.location_dest_id.id,
                "partner_id": self.partner_id.id,
                "origin": self.name,
                "company_id": self.company_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": line.product_id.display_name,
                            "product_id": line.product_id.id,
                            "product_uom_qty": line.product_uom_qty,
                            "product_uom": line.product_id.uom_id.id,
                            "location_id": self.location_id.id,
                            "location_dest_id": self.location_dest_id.id,
                            "as_demand_line_id": line.id,
                        }
                    )
                    for line in self.line_ids
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()

    def _prepare_purchase_order_vals(self, vendor, lines):
        self.ensure_one()
        return {
            "partner_id": vendor.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "picking_type_id": self.warehouse_id.in_type_id.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "product_qty": line.qty_to_order,
                        "as_demand_line_id": line.id,
                    }
                )
                for line in lines
            ],
        }
