from odoo import Command, api, fields, models
from odoo.exceptions import UserError

JUDGEMENTS = [
    ("exchanged", "In Coverage: Exchanged"),
    ("repaired", "In Coverage: Repaired"),
    ("sent_back", "Out of Coverage: Sent Back, Charged Back"),
    ("scrapped", "Unusable, Outside the Supply Base: Scrapped"),
]


class AftersalesWarrantyPartReturn(models.Model):
    _name = "aftersales.warranty.part.return"
    _description = "Warranty Old Part Return"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    claim_id = fields.Many2one("aftersales.warranty.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    dealer_id = fields.Many2one(related="claim_id.dealer_id", store=True, index=True)
    vin = fields.Char(related="claim_id.vin")
    product_id = fields.Many2one("product.product", string="Part", required=True)
    supplier_id = fields.Many2one(related="claim_id.causal_supplier_id", string="Supplier")
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
    chargeback_move_id = fields.Many2one("account.move", string="Charge-Back", readonly=True, copy=False)
    scrap_request_id = fields.Many2one(
        "aftersales.warranty.scrap", string="Scrapping Request", readonly=True, index="btree_not_null", copy=False
    )

    @api.depends("claim_id.name", "product_id")
    def _compute_name(self):
        for ret in self:
            ret.name = f"{ret.claim_id.name} / {ret.product_id.display_name}"

    def _check_return_state(self, state):
        for ret in self:
            if ret.state != state:
                raise UserError(
                    self.env._("Old part %(part)s is not at the step this action needs.", part=ret.display_name)
                )

    def action_ship(self):
        self._check_return_state("to_ship")
        self.write({"state": "shipped", "shipped_date": fields.Date.today()})
        return True

    def action_receive(self):
        self._check_return_state("shipped")
        self.env["aftersales.warranty.claim"]._check_group(
            "aftersales_warranty.group_aftersales_warranty_reviewer", self.env._("receive old parts of")
        )
        self.write({"state": "received", "received_date": fields.Date.today()})
        return True

    def action_judge(self, judgement, note=False):
        """The OEM's judgement of a returned part; out of coverage charges the claim amount back."""
        self._check_return_state("received")
        self.claim_id._check_group(
            "aftersales_warranty.group_aftersales_warranty_reviewer", self.env._("judge old parts of")
        )
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
        self.write({"state": "judged", "judgement": judgement, "judgement_note": note})
        if judgement == "sent_back":
            self._charge_back()
        return True

    def _charge_back(self):
        for ret in self.filtered(lambda r: r.amount and not r.chargeback_move_id):
            claim = ret.claim_id
            move_type = "out_invoice" if not claim.is_dealer_side else "in_invoice"
            partner = claim.dealer_id.commercial_partner_id if not claim.is_dealer_side else claim.oem_partner_id
            line = Command.create(
                {
                    "product_id": ret.product_id.id,
                    "name": self.env._(
                        "Charge-back %(claim)s: %(part)s out of coverage",
                        claim=claim.name,
                        part=ret.product_id.display_name,
                    ),
                    "quantity": 1,
                    "price_unit": ret.amount,
                    "tax_ids": [Command.clear()],
                }
            )
            ret.chargeback_move_id = claim._create_moves(claim._prepare_move_vals(move_type, partner, [line]))

    def action_judge_button(self):
        return self.action_judge(self.env.context.get("judgement"))

    def action_create_scrap_request(self):
        """The service department lists the parts judged for scrapping in one request."""
        parts = self.filtered(lambda r: r.judgement == "scrapped" and not r.scrap_request_id)
        if not parts:
            raise UserError(self.env._("Select old parts judged for scrapping that are in no request yet."))
        request = self.env["aftersales.warranty.scrap"].create({"company_id": parts.company_id[:1].id})
        parts.write({"scrap_request_id": request.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.warranty.scrap",
            "res_id": request.id,
            "view_mode": "form",
        }
