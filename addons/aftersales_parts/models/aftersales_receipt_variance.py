from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

GROUP_CLERK = "aftersales_parts.group_aftersales_parts_clerk"
# the claim as filed: fixed once it has gone to the supplier, carrier or insurer
CLAIM_FIELDS = {"picking_id", "claim_against", "claim_partner_id", "line_ids"}


class ReceiptVariance(models.Model):
    _name = "aftersales.receipt.variance"
    _description = "Receipt Variance"
    _inherit = ["aftersales.numbered.mixin", "aftersales.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = ("state", "return_picking_id")

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(
        [("draft", "Draft"), ("claimed", "Claimed"), ("settled", "Settled"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(default=fields.Date.context_today, required=True)
    user_id = fields.Many2one("res.users", string="Inspected by", default=lambda self: self.env.user, tracking=True)
    picking_id = fields.Many2one(
        "stock.picking",
        string="Receipt",
        required=True,
        check_company=True,
        domain="[('picking_type_code', '=', 'incoming'), ('state', '=', 'done')]",
    )
    vendor_id = fields.Many2one(related="picking_id.partner_id", string="Vendor")
    claim_against = fields.Selection(
        [("supplier", "Supplier"), ("carrier", "Carrier"), ("insurer", "Insurer")],
        required=True,
        default="supplier",
        tracking=True,
    )
    claim_partner_id = fields.Many2one(
        "res.partner",
        string="Claim to",
        compute="_compute_claim_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    line_ids = fields.One2many("aftersales.receipt.variance.line", "variance_id", string="Lines", copy=True)
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    return_picking_id = fields.Many2one("stock.picking", string="Return to vendor", readonly=True, copy=False)
    note = fields.Text()

    @api.depends("claim_against", "picking_id")
    def _compute_claim_partner_id(self):
        for variance in self:
            if variance.claim_against == "supplier":
                variance.claim_partner_id = variance.picking_id.partner_id.commercial_partner_id
            elif not variance.claim_partner_id:
                variance.claim_partner_id = False

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for variance in self:
            variance.amount_total = sum(variance.line_ids.mapped("amount"))

    def write(self, vals):
        if CLAIM_FIELDS & set(vals) and not self.env.su:
            self._as_check_draft()
        return super().write(vals)

    def _as_check_draft(self):
        filed = self.filtered(lambda variance: variance.state != "draft")
        if filed:
            raise UserError(
                self.env._(
                    "Receipt variance %(name)s has been claimed: its lines and the party claimed are fixed.",
                    name=filed[0].name,
                )
            )

    def action_claim(self):
        if not (self.env.su or self.env.user.has_group(GROUP_CLERK)):
            raise AccessError(self.env._("Only parts staff file a receipt variance claim."))
        for variance in self:
            if variance.state != "draft" or not variance.line_ids:
                raise UserError(
                    self.env._("Receipt variance %(name)s needs lines and must be a draft.", name=variance.name)
                )
            if not variance.claim_partner_id:
                raise UserError(
                    self.env._("Receipt variance %(name)s: name the party the claim goes to.", name=variance.name)
                )
            to_return = variance.line_ids.filtered(lambda line: line.variance_type in ("damaged", "wrong"))
            vals = {"state": "claimed"}
            if variance.claim_against == "supplier" and to_return:
                vals["return_picking_id"] = variance._create_vendor_return(to_return).id
            variance._as_workflow_write(vals)
            variance.message_post(
                body=self.env._(
                    "Claim of %(amount)s filed against %(partner)s.",
                    amount=variance.amount_total,
                    partner=variance.claim_partner_id.display_name,
                )
            )
        return True

    def _create_vendor_return(self, lines):
        """Damaged or wrong parts go back to the supplier through Odoo's own return of the receipt."""
        self.ensure_one()
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=self.picking_id.id, active_ids=self.picking_id.ids, active_model="stock.picking")
            .create({"picking_id": self.picking_id.id})
        )
        quantities = {}
        for line in lines:
            quantities[line.product_id] = quantities.get(line.product_id, 0.0) + line.quantity
        wizard.product_return_moves.write({"quantity": 0.0})
        for return_line in wizard.product_return_moves:
            if return_line.product_id in quantities:
                return_line.quantity = quantities.pop(return_line.product_id)
        return wizard._create_return()

    def action_settle(self):
        if not self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            raise UserError(self.env._("Only the parts manager records a claim as settled."))
        if any(variance.state != "claimed" for variance in self):
            raise UserError(self.env._("Only a claimed receipt variance can be settled."))
        self._as_workflow_write({"state": "settled"})
        return True

    def action_cancel(self):
        if not (self.env.su or self.env.user.has_group(GROUP_CLERK)):
            raise AccessError(self.env._("Only parts staff cancel a receipt variance."))
        if any(variance.state == "settled" for variance in self):
            raise UserError(self.env._("A settled receipt variance cannot be cancelled."))
        self._as_workflow_write({"state": "cancel"})
        return True

    @api.model
    def _prepare_from_picking(self, picking):
        return {
            "picking_id": picking.id,
            "line_ids": [
                Command.create({"product_id": move.product_id.id, "quantity": 0.0}) for move in picking.move_ids
            ],
        }


class ReceiptVarianceLine(models.Model):
    _name = "aftersales.receipt.variance.line"
    _description = "Receipt Variance Line"
    _order = "variance_id, id"
    _check_company_auto = True

    variance_id = fields.Many2one(
        "aftersales.receipt.variance", string="Receipt variance", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="variance_id.company_id", store=True)
    currency_id = fields.Many2one(related="variance_id.currency_id")
    product_id = fields.Many2one("product.product", string="Part", required=True, check_company=True)
    variance_type = fields.Selection(
        [("short", "Short"), ("damaged", "Damaged"), ("wrong", "Wrong part")],
        string="Variance",
        required=True,
        default="short",
    )
    quantity = fields.Float(digits="Product Unit of Measure", required=True, default=1.0)
    unit_cost = fields.Float(
        compute="_compute_unit_cost", store=True, readonly=False, precompute=True, digits="Product Price"
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)
    note = fields.Char()

    @api.depends("product_id")
    def _compute_unit_cost(self):
        for line in self:
            line.unit_cost = line.product_id.standard_price

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.variance_id._as_check_draft()
        return lines

    def write(self, vals):
        if not self.env.su:
            self.variance_id._as_check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _as_unlink_only_draft(self):
        if not self.env.su:
            self.variance_id._as_check_draft()

    @api.depends("unit_cost", "quantity")
    def _compute_amount(self):
        for line in self:
            line.amount = line.unit_cost * line.quantity
