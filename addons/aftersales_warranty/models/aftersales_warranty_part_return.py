from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .aftersales_warranty_claim import CLERK_GROUP, REVIEWER_GROUP

HANDLING = "aftersales_warranty.product_warranty_handling"
SUBLET = "aftersales_warranty.product_warranty_sublet"
# The dealer follows its old parts on the portal, never the supplier who pays or the charge-back.
INTERNAL_GROUP = "base.group_user"

JUDGEMENTS = [
    ("exchanged", "In Coverage: Exchanged"),
    ("repaired", "In Coverage: Repaired"),
    ("sent_back", "Out of Coverage: Sent Back, Charged Back"),
    ("scrapped", "Unusable, Outside the Supply Base: Scrapped"),
]


class AftersalesWarrantyPartReturn(models.Model):
    _name = "aftersales.warranty.part.return"
    _description = "Warranty Old Part Return"
    _inherit = ["aftersales.workflow.mixin", "mail.thread"]
    _order = "id desc"
    _check_company_auto = True
    # Created by the claim's approval; moved by its buttons (ship, receive, judge, scrapping request).
    _as_workflow_fields = (
        "claim_id",
        "product_id",
        "quantity",
        "amount",
        "state",
        "shipped_date",
        "received_date",
        "judgement",
        "chargeback_move_id",
        "location_id",
        "move_ids",
        "scrap_request_id",
    )

    name = fields.Char(compute="_compute_name", store=True)
    claim_id = fields.Many2one("aftersales.warranty.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    dealer_id = fields.Many2one(related="claim_id.dealer_id", store=True, index=True)
    vin = fields.Char(related="claim_id.vin")
    product_id = fields.Many2one("product.product", string="Part", required=True)
    supplier_id = fields.Many2one(
        "res.partner",
        compute="_compute_supplier_id",
        store=True,
        groups=INTERNAL_GROUP,
        help="Where the part goes back to: the claim's causal part supplier for the causal part, the part's own "
        "vendor for any other part.",
    )
    quantity = fields.Float(digits=(16, 2), required=True, default=1.0)
    amount = fields.Monetary(help="Approved amount of the part on the claim.")
    state = fields.Selection(
        [("to_ship", "To Ship"), ("shipped", "Shipped"), ("received", "Received"), ("judged", "Judged")],
        default="to_ship",
        required=True,
        tracking=True,
        index=True,
    )
    shipped_date = fields.Date(readonly=True)
    tracking_ref = fields.Char(string="Shipment Reference")
    received_date = fields.Date(readonly=True)
    judgement = fields.Selection(JUDGEMENTS, readonly=True, tracking=True)
    judgement_note = fields.Text()
    chargeback_move_id = fields.Many2one(
        "account.move", string="Charge-Back", readonly=True, copy=False, groups=INTERNAL_GROUP
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Part Location",
        readonly=True,
        copy=False,
        help="Where the old part is: the dealer's old-parts location before shipping, the OEM's returned "
        "warranty parts location once received.",
    )
    move_ids = fields.Many2many("stock.move", string="Stock Moves", readonly=True, copy=False)
    picking_ids = fields.Many2many(
        "stock.picking", compute="_compute_picking_ids", string="Transfers", groups="stock.group_stock_user"
    )
    picking_count = fields.Integer(compute="_compute_picking_ids", groups="stock.group_stock_user")
    scrap_request_id = fields.Many2one(
        "aftersales.warranty.scrap", string="Scrapping Request", readonly=True, index="btree_not_null", copy=False
    )

    @api.depends("claim_id.name", "product_id")
    def _compute_name(self):
        for ret in self:
            ret.name = f"{ret.claim_id.name} / {ret.product_id.display_name}"

    @api.depends("product_id", "claim_id.causal_product_id", "claim_id.causal_supplier_id")
    def _compute_supplier_id(self):
        for ret in self:
            if ret.product_id == ret.claim_id.causal_product_id:
                ret.supplier_id = ret.claim_id.causal_supplier_id
            else:
                ret.supplier_id = ret.product_id.seller_ids[:1].partner_id

    @api.depends("move_ids.picking_id")
    def _compute_picking_ids(self):
        for ret in self:
            ret.picking_ids = ret.move_ids.picking_id
            ret.picking_count = len(ret.picking_ids)

    def _check_return_state(self, state):
        for ret in self:
            if ret.state != state:
                raise UserError(
                    self.env._("Old part %(part)s is not at the step this action needs.", part=ret.display_name)
                )

    def action_ship(self):
        """The dealer ships the old parts: its warranty clerk, or the network dealer on the portal."""
        if not self.env.user._is_portal():
            self.claim_id._check_group(CLERK_GROUP, self.env._("ship old parts of"))
        self.check_access("write")
        self._check_return_state("to_ship")
        self._as_workflow_write({"state": "shipped", "shipped_date": fields.Date.context_today(self)})
        # Dealer site: the old parts leave the old-parts location for the OEM. OEM site: the OEM expects them.
        # sudo: the transfers follow from the shipping, by a warranty clerk without stock rights or a network
        # dealer on the portal; products and quantities come from the approved claim, not from the user.
        dealer_side = self.filtered(lambda r: r.claim_id.is_dealer_side)
        dealer_side.sudo()._ship_to_oem()
        (self - dealer_side).sudo()._expect_from_dealer()
        return True

    def action_receive(self):
        self._check_return_state("shipped")
        self.claim_id._check_group(REVIEWER_GROUP, self.env._("receive old parts of"))
        self._as_workflow_write({"state": "received", "received_date": fields.Date.context_today(self)})
        # sudo: the reviewer receiving the parts may have no stock rights; the receipt was prepared at shipping.
        self.filtered(lambda r: not r.claim_id.is_dealer_side).sudo()._receive_from_dealer()
        return True

    # ------------------------------------------------------------------ stock
    def _stock_returns(self):
        """Returns of goods (services and kits are not moved)."""
        return self.filtered(lambda r: r.product_id.type == "consu")

    def _warehouse(self):
        return self.env["stock.warehouse"].search([("company_id", "=", self.company_id.id)], limit=1)

    def _as_ship_location(self, warehouse):
        """Dealer site: where the old part waits for the OEM (the warehouse's old-parts location)."""
        self.ensure_one()
        return warehouse._as_old_parts_location()

    def _create_return_picking(self, picking_type, partner, source, destination, returns):
        """One transfer of the returned parts, a move per return (quantity = returned quantity)."""
        return self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": partner.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "company_id": returns.company_id.id,
                "origin": ", ".join(returns.claim_id.mapped("name")),
                "move_ids": [
                    Command.create(
                        {
                            "name": ret.name,
                            "product_id": ret.product_id.id,
                            "product_uom_qty": ret.quantity,
                            "product_uom": ret.product_id.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                            "company_id": ret.company_id.id,
                            "partner_id": partner.id,
                            "origin": ret.claim_id.name,
                        }
                    )
                    for ret in returns
                ],
            }
        )

    def _link_moves(self, picking, returns):
        for ret, move in zip(returns, picking.move_ids, strict=True):
            ret.move_ids = [Command.link(move.id)]

    @staticmethod
    def _validate(moves):
        """Old parts are counted, not reserved: the moved quantity is the returned quantity."""
        moves.filtered(lambda m: m.state == "draft")._action_confirm()
        for move in moves:
            move.quantity = move.product_uom_qty
        moves.picked = True
        moves._action_done()

    def _ship_to_oem(self):
        """Dealer site: a delivery of the old parts from the old-parts location to the OEM, done at shipping."""
        for (_company, oem), returns in (
            self._stock_returns().grouped(lambda r: (r.company_id, r.claim_id.oem_partner_id)).items()
        ):
            warehouse = returns._warehouse()
            if not warehouse:
                continue
            for source, group in returns.grouped(lambda r, wh=warehouse: r._as_ship_location(wh)).items():
                destination = oem.property_stock_customer or self.env.ref("stock.stock_location_customers")
                picking = self._create_return_picking(warehouse.out_type_id, oem, source, destination, group)
                self._validate(picking.move_ids)
                self._link_moves(picking, group)
                group.location_id = destination

    def _expect_from_dealer(self):
        """OEM site: a receipt of the shipped old parts, ready, into the returned warranty parts location."""
        for (company, dealer), returns in (
            self._stock_returns().grouped(lambda r: (r.company_id, r.dealer_id.commercial_partner_id)).items()
        ):
            warehouse = returns._warehouse()
            if not warehouse:
                continue
            destination = company._as_get_warranty_returns_location(warehouse)
            if not destination:
                continue
            source = dealer.property_stock_customer or self.env.ref("stock.stock_location_customers")
            picking = self._create_return_picking(warehouse.in_type_id, dealer, source, destination, returns)
            picking.action_confirm()
            self._link_moves(picking, returns)

    def _receive_from_dealer(self):
        """OEM site: the receipt of the old parts is validated when they arrive."""
        self._validate(self.move_ids.filtered(lambda m: m.state not in ("done", "cancel")))
        for ret in self:
            ret.location_id = ret.move_ids.filtered(lambda m: m.state == "done")[-1:].location_dest_id

    def action_judge(self, judgement, note=False):
        """The OEM's judgement of a returned part; out of coverage charges the claim amount back."""
        self._check_return_state("received")
        self.claim_id._check_group(REVIEWER_GROUP, self.env._("judge old parts of"))
        if judgement not in dict(JUDGEMENTS):
            raise UserError(self.env._("Unknown judgement."))
        if judgement == "scrapped":
            in_base = self.filtered(lambda r: r.supplier_id)
            if in_base:
                raise UserError(
                    self.env._(
                        "Old part %(part)s comes from supplier %(supplier)s of the supply base: send it back to the "
                        "supplier instead of scrapping it.",
                        part=in_base[0].display_name,
                        supplier=in_base[0].supplier_id.display_name,
                    )
                )
        self._as_workflow_write({"state": "judged", "judgement": judgement})
        if note:
            self.judgement_note = note
        if judgement == "sent_back":
            self._charge_back()
        # sudo: the reviewer judging the parts may have no stock rights; the parts, quantities and locations are
        # the received returns', the partner is the claim's dealer or the causal part's supplier.
        if judgement == "sent_back":
            self.sudo()._send_back_to_dealer()
        elif judgement in ("exchanged", "repaired"):
            self.sudo()._return_to_supplier()
        return True

    def _judged_at_oem(self):
        """Returns of goods received at the OEM and still in an internal location (the returned parts location)."""
        return self._stock_returns().filtered(
            lambda r: not r.claim_id.is_dealer_side and r.location_id.usage == "internal"
        )

    def _deliver_from_returns(self, partner, destination):
        """A validated delivery of the returns, from where they were received, to the partner's location."""
        for (_company, source), returns in self.grouped(lambda r: (r.company_id, r.location_id)).items():
            warehouse = returns._warehouse()
            if not warehouse:
                continue
            picking = self._create_return_picking(warehouse.out_type_id, partner, source, destination, returns)
            self._validate(picking.move_ids)
            self._link_moves(picking, returns)
            returns.location_id = destination

    def _send_back_to_dealer(self):
        """Out of coverage: the old parts go back to the dealer (its customer location), charged back."""
        for dealer, returns in self._judged_at_oem().grouped(lambda r: r.dealer_id.commercial_partner_id).items():
            destination = dealer.property_stock_customer or self.env.ref("stock.stock_location_customers")
            returns._deliver_from_returns(dealer, destination)

    def _return_to_supplier(self):
        """In coverage, exchanged or repaired: the old parts go back to the causal part's supplier (supply base)."""
        returns = self._judged_at_oem().filtered(lambda r: r.supplier_id)
        for supplier, group in returns.grouped(lambda r: r.supplier_id.commercial_partner_id).items():
            destination = supplier.property_stock_supplier or self.env.ref("stock.stock_location_suppliers")
            group._deliver_from_returns(supplier, destination)

    def _prepare_chargeback_line_vals(self):
        """What the OEM paid for the part's line: the part, its handling and, for the causal part, the claim's
        approved labour and sublet (the repair of that failure)."""
        self.ensure_one()
        claim = self.claim_id
        label = self.env._(
            "Charge-back %(claim)s: %(part)s out of coverage", claim=claim.name, part=self.product_id.display_name
        )
        rate = (claim.policy_id.handling_percent or 0.0) / 100.0
        items = [
            (self.product_id, self.amount),
            (claim._special_product(HANDLING), claim.currency_id.round(self.amount * rate)),
        ]
        causal = claim.return_ids.filtered(lambda r: r.product_id == claim.causal_product_id)[:1]
        if self == causal:
            labour_product = claim.company_id.as_labour_product_id or self.env.ref("aftersales_base.product_labour")
            items.append((labour_product, sum(claim.labour_line_ids.mapped("amount_approved"))))
            items.append((claim._special_product(SUBLET), sum(claim.sublet_line_ids.mapped("amount_approved"))))
        return [
            Command.create({"product_id": product.id, "name": label, "quantity": 1, "price_unit": amount})
            for product, amount in items
            if not claim.currency_id.is_zero(amount)
        ]

    def _prepare_chargeback_vals(self):
        """The charge-back of an old part out of coverage: the OEM invoices the dealer (OEM site), the dealer
        records the OEM's bill (dealer site)."""
        self.ensure_one()
        claim = self.claim_id
        move_type = "out_invoice" if not claim.is_dealer_side else "in_invoice"
        partner = claim.dealer_id.commercial_partner_id if not claim.is_dealer_side else claim.oem_partner_id
        return claim._prepare_move_vals(move_type, partner, self._prepare_chargeback_line_vals())

    def _charge_back(self):
        for ret in self.filtered(lambda r: r.amount and not r.chargeback_move_id):
            move = ret.claim_id._create_moves(ret._prepare_chargeback_vals())
            ret._as_workflow_write({"chargeback_move_id": move.id})

    # One button per judgement (no context key chooses the judgement).
    def action_judge_exchanged(self):
        return self.action_judge("exchanged")

    def action_judge_repaired(self):
        return self.action_judge("repaired")

    def action_judge_sent_back(self):
        return self.action_judge("sent_back")

    def action_judge_scrapped(self):
        return self.action_judge("scrapped")

    def action_create_scrap_request(self):
        """The service department lists the parts judged for scrapping in one request."""
        self.claim_id._check_group(REVIEWER_GROUP, self.env._("scrap old parts of"))
        parts = self.filtered(lambda r: r.judgement == "scrapped" and not r.scrap_request_id)
        if not parts or parts != self:
            raise UserError(self.env._("Select old parts judged for scrapping that are in no request yet."))
        vals = {"company_id": parts.company_id[:1].id}
        if parts.location_id[:1]:
            vals["location_id"] = parts.location_id[:1].id
        request = self.env["aftersales.warranty.scrap"].create(vals)
        parts._as_workflow_write({"scrap_request_id": request.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.warranty.scrap",
            "res_id": request.id,
            "view_mode": "form",
        }

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("id", "in", self.picking_ids.ids)]
        return action
