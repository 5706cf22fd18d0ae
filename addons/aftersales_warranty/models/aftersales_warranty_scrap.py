from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class AftersalesWarrantyScrap(models.Model):
    """零部件报废: returned parts that can go back to no supplier, scrapped after an approval route."""

    _name = "aftersales.warranty.scrap"
    _description = "Returned Parts Scrapping Request"
    _inherit = [
        "aftersales.workflow.mixin",
        "aftersales.numbered.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
    ]
    _order = "id desc"
    _check_company_auto = True
    _as_workflow_fields = ("state", "scrap_ids")
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("done", "Scrapped"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Service Department", default=lambda self: self.env.user, tracking=True
    )
    return_ids = fields.One2many("aftersales.warranty.part.return", "scrap_request_id", string="Returned Parts")
    amount_total = fields.Monetary(
        compute="_compute_amount_total",
        store=True,
        string="Parts Standard Cost",
        help="Standard cost of the listed parts, for information and for the general-manager amount. Scrapping "
        "posts no stock value: the returned parts are unvalued, their warranty cost was expensed on the dealer's "
        "bill.",
    )
    disputed = fields.Boolean(
        string="Sign-Off Disputed", tracking=True, help="The joint sign-off disagrees: the general manager decides."
    )
    needs_gm = fields.Boolean(
        string="General Manager Approval",
        compute="_compute_needs_gm",
        store=True,
        help="Disputed, or worth more than the company's general-manager amount.",
    )
    meeting_resolution = fields.Text(string="Special Meeting Resolution")
    location_id = fields.Many2one(
        "stock.location",
        string="Returned Parts Location",
        domain=[("usage", "=", "internal")],
        check_company=True,
        default=lambda self: self.env["stock.warehouse"]
        .search([("company_id", "=", self.env.company.id)], limit=1)
        .lot_stock_id,
    )
    scrap_ids = fields.Many2many("stock.scrap", string="Scrap Orders", readonly=True, copy=False)

    @api.depends("return_ids.product_id", "return_ids.quantity")
    def _compute_amount_total(self):
        for request in self:
            request.amount_total = sum(r.product_id.standard_price * r.quantity for r in request.return_ids)

    @api.depends("disputed", "amount_total", "company_id.as_scrap_gm_amount")
    def _compute_needs_gm(self):
        for request in self:
            request.needs_gm = request.disputed or request.amount_total > request.company_id.as_scrap_gm_amount

    def _check_scrap_step(self, state, action):
        """The service department (warranty reviewer) moves a request from its proper state only."""
        if not self.env.user.has_group("aftersales_warranty.group_aftersales_warranty_reviewer"):
            raise AccessError(
                self.env._(
                    "Scrapping request %(name)s: you are not allowed to %(action)s it.",
                    name=", ".join(self.mapped("name")),
                    action=action,
                )
            )
        labels = dict(self._fields["state"]._description_selection(self.env))
        for request in self.filtered(lambda r: state and r.state != state):
            raise UserError(
                self.env._(
                    "Scrapping request %(name)s is %(state)s: this step needs it %(needed)s.",
                    name=request.name,
                    state=labels[request.state],
                    needed=labels[state],
                )
            )

    def action_approve(self):
        """All tiers of the route have validated (checked by tier validation on the state change)."""
        self._check_scrap_step("draft", self.env._("approve"))
        for request in self:
            if not request.return_ids:
                raise UserError(self.env._("Scrapping request %(name)s lists no part.", name=request.name))
        self._as_workflow_write({"state": "approved"})
        return True

    def action_scrap(self):
        """Scrap the parts through Odoo scrap orders: they leave the returned parts location, in quantity only."""
        self._check_scrap_step("approved", self.env._("scrap"))
        for request in self:
            if request.scrap_ids:
                raise UserError(
                    self.env._("Scrapping request %(name)s: its parts were already scrapped.", name=request.name)
                )
        Scrap = self.env["stock.scrap"]
        for request in self:
            scraps = Scrap.create([request._prepare_scrap_vals(ret) for ret in request.return_ids])
            scraps.do_scrap()
            request._as_workflow_write({"scrap_ids": [Command.set(scraps.ids)], "state": "done"})
            request.message_post(
                body=self.env._(
                    "Scrapped: the parts left the returned parts location. No stock value is posted, the warranty "
                    "cost of the parts was expensed on the dealer's bill."
                )
            )
        return True

    def _prepare_scrap_vals(self, part_return):
        self.ensure_one()
        return {
            "product_id": part_return.product_id.id,
            "scrap_qty": part_return.quantity,
            "product_uom_id": part_return.product_id.uom_id.id,
            # Scrapped from where the part was received (the returned warranty parts location).
            "location_id": (part_return.location_id.filtered(lambda x: x.usage == "internal") or self.location_id).id,
            "company_id": self.company_id.id,
            "origin": f"{self.name} / {part_return.claim_id.name}",
        }

    def action_cancel(self):
        self._check_scrap_step(None, self.env._("cancel"))
        for request in self:
            if request.state in ("done", "cancel"):
                raise UserError(
                    self.env._(
                        "Scrapping request %(name)s is already scrapped: it cannot be cancelled.", name=request.name
                    )
                )
        self._as_workflow_write({"state": "cancel"})
        return True
