from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from .aftersales_operation import PAYERS


class StockMove(models.Model):
    _name = "stock.move"
    _inherit = ["stock.move", "aftersales.workflow.mixin"]
    # The customer's approval of a work order's part follows the work order's steps only.
    # A service manager's leave to fit a part outside its applicable vehicle models is the override
    # wizard's only (aftersales.part.fit.override).
    _as_workflow_fields = ("as_supplement", "as_approved", "as_fit_override_by_id", "as_fit_override_reason")

    payer = fields.Selection(PAYERS, default="customer")
    as_sale_price = fields.Float(
        string="Sale Price",
        digits="Product Price",
        compute="_compute_as_sale_price",
        store=True,
        readonly=False,
        help="Price of the part on the estimate and the invoice.",
    )
    as_sale_subtotal = fields.Float(string="Amount", compute="_compute_as_sale_subtotal", store=True)
    as_supplement = fields.Boolean(string="Additional Part", readonly=True, copy=False)
    as_approved = fields.Boolean(string="Approved", readonly=True, copy=False)
    as_fit_override_by_id = fields.Many2one(
        "res.users",
        string="Fitting Allowed By",
        readonly=True,
        copy=False,
        help="Service manager who allowed this part on a vehicle model outside its applicable models.",
    )
    as_fit_override_reason = fields.Text(string="Reason for Fitting", readonly=True, copy=False)

    @api.depends("product_id", "payer")
    def _compute_as_sale_price(self):
        for move in self:
            move.as_sale_price = move.product_id.lst_price

    @api.depends("as_sale_price", "product_uom_qty", "repair_line_type")
    def _compute_as_sale_subtotal(self):
        for move in self:
            move.as_sale_subtotal = move.as_sale_price * move.product_uom_qty if move.repair_line_type == "add" else 0

    @api.constrains("payer", "sale_line_id")
    def _check_only_customer_lines_on_sale_order(self):
        for move in self:
            if move.repair_id and move.sale_line_id and move.payer != "customer":
                raise ValidationError(
                    self.env._(
                        "Part %(part)s of work order %(wo)s is paid by %(payer)s: it cannot be invoiced to the "
                        "customer.",
                        part=move.product_id.display_name,
                        wo=move.repair_id.name,
                        payer=dict(self._fields["payer"]._description_selection(self.env))[move.payer],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        added = moves.filtered(lambda m: m.repair_id.estimate_approved and m.repair_line_type == "add")
        # Safe: marks parts added after the approval as additional work awaiting approval.
        added._as_workflow_write({"as_supplement": True})
        return moves

    def write(self, vals):
        # A larger quantity of an approved part is additional work the customer approves again.
        raised = self.browse()
        if "product_uom_qty" in vals and not self.env.su:
            raised = self.filtered(
                lambda m: m.repair_id and m.as_approved and (vals["product_uom_qty"] or 0.0) > m.product_uom_qty
            )
        res = super().write(vals)
        if raised:
            # Safe: withdraws the approval only; the advisor's approval step gives it again.
            raised._as_workflow_write({"as_supplement": True, "as_approved": False})
        return res

    @api.constrains("product_uom_qty", "as_sale_price")
    def _check_repair_quantity(self):
        for move in self.filtered("repair_id"):
            if move.product_uom_qty < 0 or move.as_sale_price < 0:
                raise ValidationError(
                    self.env._(
                        "Work order %(wo)s, part %(part)s: quantity and price cannot be negative.",
                        wo=move.repair_id.name,
                        part=move.product_id.display_name,
                    )
                )

    def _create_repair_sale_order_line(self):
        # Only customer-paid parts go on the customer's sale order; warranty parts are
        # claimed from the OEM, insurance parts invoiced to the insurer, internal ones kept in house.
        customer_moves = self.filtered(lambda m: m.payer == "customer")
        res = super(StockMove, customer_moves)._create_repair_sale_order_line()
        for move in customer_moves.filtered("sale_line_id"):
            move.sale_line_id.price_unit = move.as_sale_price
        return res

    def _as_check_old_part_returned(self):
        """交旧领新: an exchange part is issued only when its old part is recorded as removed."""
        for repair, moves in (
            self.filtered(lambda m: m.repair_id and m.repair_line_type == "add" and m.product_id.as_exchange_part)
            .grouped("repair_id")
            .items()
        ):
            removed = repair.move_ids.filtered(lambda m: m.repair_line_type in ("remove", "recycle"))
            for product, new_moves in moves.grouped("product_id").items():
                needed = sum(new_moves.mapped("product_uom_qty"))
                old = sum(removed.filtered(lambda m: m.product_id == product).mapped("product_uom_qty"))
                if float_compare(old, needed, precision_rounding=product.uom_id.rounding) < 0:
                    raise UserError(
                        self.env._(
                            "Work order %(wo)s: part %(part)s is issued old-for-new. Record the removed old part "
                            "(%(needed)s, %(old)s recorded) before issuing the new one.",
                            wo=repair.name,
                            part=product.display_name,
                            needed=needed,
                            old=old,
                        )
                    )

    def _as_unfit_parts(self):
        """Parts added to a work order whose applicable vehicle models exclude the order's vehicle model,
        and that no service manager allowed (a repair without a vehicle has no model to fit)."""
        return self.filtered(
            lambda m: m.repair_id.vehicle_model_id
            and m.repair_line_type == "add"
            and m.state != "cancel"
            and m.product_id.as_vehicle_model_ids
            and m.repair_id.vehicle_model_id not in m.product_id.as_vehicle_model_ids
            and not m.as_fit_override_by_id
        )

    def _as_check_vehicle_fit(self):
        for repair, moves in self._as_unfit_parts().grouped("repair_id").items():
            raise UserError(
                self.env._(
                    "Work order %(wo)s: %(parts)s do not fit the vehicle model %(model)s (not among the parts' "
                    "applicable vehicle models). Only a service manager may allow them, with a reason "
                    "(Action > Allow Part on This Vehicle).",
                    wo=repair.name,
                    parts=", ".join(moves.product_id.mapped("display_name")),
                    model=repair.vehicle_model_id.display_name,
                )
            )

    def _action_done(self, cancel_backorder=False):
        self._as_check_old_part_returned()
        self._as_check_vehicle_fit()
        return super()._action_done(cancel_backorder=cancel_backorder)

    # ------------------------------------------------------------ valuation
    def _as_is_internal_part(self):
        self.ensure_one()
        return bool(self.repair_id and self.repair_line_type == "add" and self.payer == "internal")

    def _as_internal_expense_account(self, accounts_data):
        """Internal work (the dealer's own vehicles, goodwill) is an expense of the dealer: the company's
        internal work expense account, else the expense account of the part (its category)."""
        return self.company_id.as_internal_expense_account_id or accounts_data.get("expense")

    def _get_dest_account(self, accounts_data):
        if self._as_is_internal_part():
            account = self._as_internal_expense_account(accounts_data)
            if account:
                return account.id
        return super()._get_dest_account(accounts_data)

    def _generate_valuation_lines_data(
        self, partner_id, qty, debit_value, credit_value, debit_account_id, credit_account_id, svl_id, description
    ):
        lines = super()._generate_valuation_lines_data(
            partner_id, qty, debit_value, credit_value, debit_account_id, credit_account_id, svl_id, description
        )
        analytic = self.company_id.as_internal_analytic_account_id
        if self._as_is_internal_part() and analytic:
            # The part's cost is charged to internal work, where its labour is charged too.
            accounts = self.product_id.product_tmpl_id.with_company(self.company_id).get_product_accounts()
            expense = self._as_internal_expense_account(accounts)
            for vals in lines.values():
                if expense and vals["account_id"] == expense.id:
                    vals["analytic_distribution"] = {str(analytic.id): 100}
        return lines
