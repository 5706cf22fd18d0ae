from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError

GM_GROUPS = {
    "quality": "aftersales_warranty.group_vehicle_return_gm_manufacturing",
    "other": "aftersales_warranty.group_vehicle_return_gm_marketing",
}


class AftersalesVehicleReturn(models.Model):
    """经销商退车: a network dealer sends a vehicle back to the OEM."""

    _name = "aftersales.vehicle.return"
    _description = "Dealer Vehicle Return"
    _inherit = ["aftersales.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _as_workflow_fields = ("state", "qa_judgement", "approver_id", "received_date", "credit_note_id")

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    dealer_id = fields.Many2one("res.partner", required=True, index=True, tracking=True)
    vehicle_id = fields.Many2one("fleet.vehicle", required=True, index=True)
    vin = fields.Char(related="vehicle_id.vin_sn", string="VIN")
    reason = fields.Text(required=True)
    amount = fields.Monetary(
        string="Vehicle Amount",
        help="Amount of the vehicle on the dealer's account, before tax: the credit note that offsets it adds the "
        "company's warranty sales tax.",
    )
    state = fields.Selection(
        [
            ("draft", "Application"),
            ("signed", "Signed by Marketing"),
            ("judged", "QA Judged"),
            ("approved", "Approved"),
            ("answered", "Dealer Answered"),
            ("received", "Received in the Yard"),
            ("offset", "Account Offset"),
            ("done", "Done"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    qa_judgement = fields.Selection(
        [("quality", "Quality Problem"), ("other", "Not a Quality Problem")], string="QA Judgement", tracking=True
    )
    approver_id = fields.Many2one("res.users", string="Approved By (GM)", readonly=True, tracking=True)
    answer = fields.Text(string="Answer to the Dealer")
    received_date = fields.Date(
        string="Received in the Yard on",
        readonly=True,
        copy=False,
        tracking=True,
        help="Vehicles are fleet records, not products: the return to the old-parts yard is dated here, without a "
        "stock move.",
    )
    credit_note_id = fields.Many2one("account.move", string="Vehicle Account Offset", readonly=True, copy=False)
    outcome = fields.Selection(
        [("scrapped", "Scrapped"), ("repaired_sold", "Repaired and Sold at a Special Price"), ("replaced", "Replaced")],
        tracking=True,
    )
    special_price = fields.Monetary(help="Internal special price approved for a repaired vehicle.")

    def write(self, vals):
        # The amount offset and the outcome decided are the documents' figures: frozen after their step.
        frozen = {"amount": ("offset", "done", "refused"), "outcome": ("done",), "special_price": ("done",)}
        for name, states in frozen.items():
            if name in vals and not self._as_workflow_same(name, vals[name]):
                closed = self.filtered(lambda r, states=states: r.state in states)
                if closed:
                    raise UserError(
                        self.env._(
                            "Vehicle return %(name)s is past this step: %(field)s can no longer change.",
                            name=closed[0].name,
                            field=self._fields[name].get_description(self.env)["string"],
                        )
                    )
        return super().write(vals)

    def _check_return_state(self, *allowed):
        for ret in self:
            if ret.state not in allowed:
                raise UserError(
                    self.env._("Vehicle return %(name)s is not at the step this action needs.", name=ret.name)
                )

    def _check_user_group(self, group):
        if not self.env.user.has_group(group):
            raise AccessError(
                self.env._(
                    "Vehicle return %(name)s: you are not allowed to take this step.",
                    name=", ".join(self.mapped("name")),
                )
            )

    def action_sign(self):
        """The application is signed by marketing."""
        self._check_return_state("draft")
        self._check_user_group("aftersales_warranty.group_aftersales_warranty_reviewer")
        for ret in self.filtered(lambda r: r.name == "/"):
            ret.name = self.env["ir.sequence"].next_by_code("aftersales.vehicle.return") or "/"
        self._as_workflow_write({"state": "signed"})
        return True

    def action_judge(self, judgement):
        """QA judges whether the vehicle has a quality problem."""
        self._check_return_state("signed")
        self._check_user_group("aftersales_warranty.group_scrap_quality")
        if judgement not in GM_GROUPS:
            raise UserError(self.env._("Unknown judgement."))
        self._as_workflow_write({"state": "judged", "qa_judgement": judgement})
        return True

    # One button per judgement (no context key chooses the judgement).
    def action_judge_quality(self):
        return self.action_judge("quality")

    def action_judge_other(self):
        return self.action_judge("other")

    def action_approve(self):
        """Manufacturing centre GM for a quality problem, marketing centre GM otherwise."""
        self._check_return_state("judged")
        for ret in self:
            ret._check_user_group(GM_GROUPS[ret.qa_judgement])
        self._as_workflow_write({"state": "approved", "approver_id": self.env.uid})
        return True

    def action_refuse(self):
        self._check_return_state("signed", "judged")
        for ret in self:
            if ret.state == "judged":
                ret._check_user_group(GM_GROUPS[ret.qa_judgement])
            else:
                ret._check_user_group("aftersales_warranty.group_scrap_quality")
        self._as_workflow_write({"state": "refused"})
        return True

    def action_answer(self):
        self._check_return_state("approved")
        self._check_user_group("aftersales_warranty.group_aftersales_warranty_reviewer")
        for ret in self:
            if not ret.answer:
                raise UserError(self.env._("Vehicle return %(name)s: write the answer to the dealer.", name=ret.name))
            ret.message_post(body=ret.answer, partner_ids=ret.dealer_id.ids)
        self._as_workflow_write({"state": "answered"})
        return True

    def action_receive(self):
        self._check_return_state("answered")
        self._check_user_group("aftersales_warranty.group_aftersales_warranty_reviewer")
        self._as_workflow_write({"state": "received", "received_date": fields.Date.context_today(self)})
        return True

    def action_offset(self):
        """Finance offsets the vehicle account of the dealer with a credit note."""
        self._check_return_state("received")
        self._check_user_group("account.group_account_invoice")
        for ret in self:
            if not ret.amount:
                raise UserError(self.env._("Vehicle return %(name)s: enter the vehicle amount.", name=ret.name))
            line = Command.create(
                {
                    "name": self.env._("Vehicle return %(name)s, VIN %(vin)s", name=ret.name, vin=ret.vin),
                    "quantity": 1,
                    "price_unit": ret.amount,
                    # Like the claim documents: the company's warranty sales tax (none when the setting is empty).
                    "tax_ids": [Command.set(ret.company_id._as_warranty_taxes("out_refund").ids)],
                }
            )
            # sudo: the amount is the approved return's; finance may lack claim rights and the reverse.
            move = (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "out_refund",
                        "partner_id": ret.dealer_id.commercial_partner_id.id,
                        "company_id": ret.company_id.id,
                        "invoice_origin": ret.name,
                        "invoice_line_ids": [line],
                    }
                )
            )
            move.action_post()
            ret._as_workflow_write({"credit_note_id": move.id})
        self._as_workflow_write({"state": "offset"})
        return True

    def action_close(self):
        """Scrapped (manufacturing GM), repaired and sold at a special price (marketing GM), or replaced."""
        self._check_return_state("offset")
        for ret in self:
            if not ret.outcome:
                raise UserError(
                    self.env._("Vehicle return %(name)s: choose what happens to the vehicle.", name=ret.name)
                )
            if ret.outcome == "scrapped":
                ret._check_user_group(GM_GROUPS["quality"])
            elif ret.outcome == "repaired_sold":
                ret._check_user_group(GM_GROUPS["other"])
                if not ret.special_price:
                    raise UserError(
                        self.env._("Vehicle return %(name)s: enter the approved special price.", name=ret.name)
                    )
        self._as_workflow_write({"state": "done"})
        return True
