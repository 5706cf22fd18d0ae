"""The warranty claim: its fields, computes and workflow (submit, review, decide, appeal, settle).

Split by concern into files of the same model: the check before submission in
``aftersales_warranty_claim_check.py``, the accounting documents in ``aftersales_warranty_claim_accounting.py``,
the pass-rate KPI cron in ``aftersales_warranty_claim_kpi.py``, the portal service in
``aftersales_warranty_claim_portal.py``.
"""

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.portal_input import PortalInput, parse_number
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, float_compare, float_is_zero

CLAIM_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("under_review", "Under Review"),
    ("info_requested", "Information Requested"),
    ("approved", "Approved"),
    ("partially_approved", "Partially Approved"),
    ("rejected", "Rejected"),
    ("settled", "Settled"),
]
DECIDED_STATES = ("approved", "partially_approved", "rejected", "settled")
CLERK_GROUP = "aftersales_warranty.group_aftersales_warranty_clerk"
REVIEWER_GROUP = "aftersales_warranty.group_aftersales_warranty_reviewer"
# Fields the dealer fills in: frozen once the claim is submitted.
DEALER_FIELDS = {
    "dealer_id",
    "oem_partner_id",
    "claim_type",
    "vehicle_id",
    "repair_id",
    "repair_date",
    "mileage",
    "complaint",
    "cause",
    "correction",
    "causal_product_id",
    "policy_id",
    "line_ids",
    "campaign_id",
}
# Fields only the workflow methods write (buttons), never a form or an RPC write.
FLOW_FIELDS = {
    "state",
    "submitted_by_id",
    "submitted_date",
    "reviewer_id",
    "decision_date",
    "reason_id",
    "review_note",
    "info_request",
    "info_answer",
    "appeal_count",
    "appeal_reason",
    "dealer_invoice_id",
    "dealer_refund_id",
    "oem_bill_id",
    "recovery_invoice_id",
    "recovery_netting_id",
    "settled_date",
    "checked_date",
}


class AftersalesWarrantyClaim(models.Model):
    _name = "aftersales.warranty.claim"
    _description = "Warranty Claim"
    _inherit = [
        "aftersales.workflow.mixin",
        "aftersales.numbered.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "repair_date desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = tuple(sorted(FLOW_FIELDS))

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/", index="trigram")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(CLAIM_STATES, default="draft", required=True, tracking=True, index=True, copy=False)
    claim_type = fields.Selection(
        [("warranty", "Warranty Repair"), ("campaign", "Recall / Service Campaign")],
        default="warranty",
        required=True,
    )
    dealer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company.partner_id,
        domain=[("is_company", "=", True)],
        help="The dealer company that repaired the vehicle and claims the cost.",
    )
    oem_partner_id = fields.Many2one(
        "res.partner",
        string="OEM",
        default=lambda self: self.env.company.as_oem_partner_id,
        help="Dealer side: the carmaker the claim is invoiced to.",
    )
    is_dealer_side = fields.Boolean(
        compute="_compute_is_dealer_side",
        help="The claim is the company's own (dealer site); otherwise it is a network dealer's claim (OEM site).",
    )
    vehicle_id = fields.Many2one("fleet.vehicle", required=True, index=True, tracking=True)
    vin = fields.Char(related="vehicle_id.vin_sn", string="VIN", store=True, index=True)
    vehicle_model_id = fields.Many2one(related="vehicle_id.model_id", string="Vehicle Model", store=True)
    brand_id = fields.Many2one(related="vehicle_id.model_id.brand_id", string="Brand", store=True)
    sale_date = fields.Date(related="vehicle_id.sale_date", string="Warranty Start")
    repair_id = fields.Many2one("repair.order", string="Work Order", index="btree_not_null", check_company=True)
    repair_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    mileage = fields.Float(string="Mileage (km)", tracking=True)
    complaint = fields.Text(help="The customer's complaint.")
    cause = fields.Text(help="The cause found by the diagnosis.")
    correction = fields.Text(help="What the workshop did.")
    causal_product_id = fields.Many2one(
        "product.product", string="Causal Part", index=True, help="The part whose failure caused the repair."
    )
    causal_supplier_id = fields.Many2one(
        "res.partner", string="Part Supplier", compute="_compute_causal_supplier_id", store=True, readonly=False
    )
    policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        compute="_compute_policy_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    campaign_id = fields.Many2one("aftersales.warranty.campaign", string="Recall Campaign", index="btree_not_null")
    line_ids = fields.One2many("aftersales.warranty.claim.line", "claim_id", string="Lines", copy=True)
    part_line_ids = fields.One2many(
        "aftersales.warranty.claim.line", "claim_id", domain=[("line_type", "=", "part")], string="Part Lines"
    )
    labour_line_ids = fields.One2many(
        "aftersales.warranty.claim.line", "claim_id", domain=[("line_type", "=", "labour")], string="Labour Lines"
    )
    sublet_line_ids = fields.One2many(
        "aftersales.warranty.claim.line", "claim_id", domain=[("line_type", "=", "sublet")], string="Sublet Lines"
    )
    handling_percent = fields.Float(related="policy_id.handling_percent", string="Handling (%)")
    amount_parts = fields.Monetary(compute="_compute_amounts", store=True, string="Parts")
    amount_handling = fields.Monetary(compute="_compute_amounts", store=True, string="Handling")
    amount_labour = fields.Monetary(compute="_compute_amounts", store=True, string="Labour")
    amount_sublet = fields.Monetary(compute="_compute_amounts", store=True, string="Sublet")
    amount_total = fields.Monetary(compute="_compute_amounts", store=True, string="Claimed")
    amount_approved = fields.Monetary(compute="_compute_amounts", store=True, string="Approved")
    amount_cut = fields.Monetary(compute="_compute_amounts", store=True, string="Cut")

    # Check before submission
    problem_ids = fields.One2many("aftersales.warranty.claim.problem", "claim_id", string="Problems", readonly=True)
    blocking_count = fields.Integer(compute="_compute_problem_counts", store=True, string="Blocking Problems")
    warning_count = fields.Integer(compute="_compute_problem_counts", store=True, string="Warnings")
    checked_date = fields.Datetime(readonly=True, copy=False)
    attachment_count = fields.Integer(compute="_compute_attachment_count", string="Photos")

    # Submission and review
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    submitted_date = fields.Datetime(readonly=True, copy=False)
    reviewer_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    decision_date = fields.Date(readonly=True, copy=False, index=True)
    reason_id = fields.Many2one("aftersales.warranty.reason", string="Rejection Reason", readonly=True, copy=False)
    review_note = fields.Text(readonly=True, copy=False)
    info_request = fields.Text(string="Information Requested", readonly=True, copy=False)
    info_answer = fields.Text(string="Dealer's Answer", readonly=True, copy=False)
    appeal_count = fields.Integer(readonly=True, copy=False)
    appeal_reason = fields.Text(readonly=True, copy=False)
    pass_rate = fields.Float(
        string="Pass Rate (%)",
        compute="_compute_pass_rate",
        store=True,
        aggregator="avg",
        help="100 for an approved claim, 0 for a rejected one; averaged per dealer and month.",
    )
    cut_line_count = fields.Integer(compute="_compute_amounts", store=True, string="Cut Lines")

    # Accounting
    dealer_invoice_id = fields.Many2one("account.move", string="Warranty Receivable", readonly=True, copy=False)
    dealer_refund_id = fields.Many2one("account.move", string="Review Correction", readonly=True, copy=False)
    oem_bill_id = fields.Many2one("account.move", string="Bill from Dealer", readonly=True, copy=False)
    recovery_invoice_id = fields.Many2one("account.move", string="Supplier Recovery", readonly=True, copy=False)
    recovery_netting_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        help="The entry that offsets the recovery invoice against the supplier's open vendor bills.",
    )
    settled_date = fields.Date(readonly=True, copy=False)
    return_ids = fields.One2many("aftersales.warranty.part.return", "claim_id", string="Old Part Returns")
    return_count = fields.Integer(compute="_compute_return_count")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "Claim numbers must be unique per company."),
    ]

    # ------------------------------------------------------------------ computes
    def _compute_access_url(self):
        res = super()._compute_access_url()
        for claim in self:
            claim.access_url = f"/my/warranty/{claim.id}"
        return res

    @api.depends("dealer_id", "company_id")
    def _compute_is_dealer_side(self):
        for claim in self:
            claim.is_dealer_side = claim.dealer_id.commercial_partner_id == claim.company_id.partner_id

    @api.depends("causal_product_id")
    def _compute_causal_supplier_id(self):
        for claim in self:
            claim.causal_supplier_id = claim.causal_product_id.seller_ids[:1].partner_id

    @api.depends("vehicle_id")
    def _compute_policy_id(self):
        policies = self.env["aftersales.warranty.policy"]._for_vehicles(self.vehicle_id)
        for claim in self:
            claim.policy_id = policies.get(claim.vehicle_id, False)

    @api.depends("line_ids.amount_claimed", "line_ids.amount_approved", "line_ids.line_type", "policy_id", "state")
    def _compute_amounts(self):
        for claim in self:
            totals = dict.fromkeys(("part", "labour", "sublet"), 0.0)
            approved = 0.0
            approved_parts = 0.0
            for line in claim.line_ids:
                totals[line.line_type] += line.amount_claimed
                approved += line.amount_approved
                if line.line_type == "part":
                    approved_parts += line.amount_approved
            rate = (claim.policy_id.handling_percent or 0.0) / 100.0
            claim.amount_parts = totals["part"]
            claim.amount_handling = claim.currency_id.round(totals["part"] * rate)
            claim.amount_labour = totals["labour"]
            claim.amount_sublet = totals["sublet"]
            claim.amount_total = sum(totals.values()) + claim.amount_handling
            claim.amount_approved = approved + claim.currency_id.round(approved_parts * rate)
            claim.amount_cut = claim.amount_total - claim.amount_approved if claim.state in DECIDED_STATES else 0.0
            claim.cut_line_count = len(claim.line_ids.filtered("cut_reason"))

    @api.depends("problem_ids.severity")
    def _compute_problem_counts(self):
        for claim in self:
            severities = claim.problem_ids.mapped("severity")
            claim.blocking_count = severities.count("blocking")
            claim.warning_count = severities.count("warning")

    def _compute_attachment_count(self):
        groups = self.env["ir.attachment"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["__count"]
        )
        counts = dict(groups)
        for claim in self:
            claim.attachment_count = counts.get(claim.id, 0)

    @api.depends("state", "amount_approved")
    def _compute_pass_rate(self):
        for claim in self:
            if claim.state in DECIDED_STATES:
                claim.pass_rate = 100.0 if claim.state != "rejected" and claim.amount_approved else 0.0
            else:
                claim.pass_rate = 0.0

    def _compute_return_count(self):
        for claim in self:
            claim.return_count = len(claim.return_ids)

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        # The workflow fields are guarded by aftersales.workflow.mixin; the dealer's fields freeze at submission.
        if DEALER_FIELDS.intersection(vals):
            self._check_editable()
        return super().write(vals)

    def _check_editable(self):
        for claim in self:
            if claim.state != "draft":
                raise UserError(
                    self.env._(
                        "Claim %(claim)s is %(state)s: a submitted claim can no longer be edited.",
                        claim=claim.name,
                        state=claim._state_label(),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for claim in self:
            if claim.state != "draft":
                raise UserError(self.env._("Claim %(claim)s was submitted: it cannot be deleted.", claim=claim.name))

    # ------------------------------------------------------------------ helpers
    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _check_state(self, *allowed):
        for claim in self:
            if claim.state not in allowed:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Claim %(claim)s is %(state)s; this step needs it %(allowed)s.",
                        claim=claim.name,
                        state=labels[claim.state],
                        allowed=" / ".join(labels[s] for s in allowed),
                    )
                )

    def _check_group(self, group, action):
        if not self.env.user.has_group(group):
            raise AccessError(
                self.env._(
                    "You are not allowed to %(action)s claim %(claim)s.",
                    action=action,
                    claim=", ".join(self.mapped("name")),
                )
            )

    def _check_not_own(self):
        """Nobody reviews or settles a claim they filed."""
        for claim in self:
            if self.env.user in (claim.submitted_by_id | claim.create_uid):
                raise AccessError(
                    self.env._("Claim %(claim)s was filed by you: another reviewer must review it.", claim=claim.name)
                )

    # ------------------------------------------------------------------ workflow
    def action_submit(self):
        """Submit to the OEM. Submitting an already submitted claim does nothing (idempotent)."""
        todo = self.filtered(lambda c: c.state == "draft")
        if not todo:
            return True
        if not self.env.user._is_portal():
            # Network dealers submit from the portal, through a controller that checked their access.
            todo._check_group(CLERK_GROUP, self.env._("submit"))
        todo.action_check()
        for claim in todo:
            if claim.blocking_count:
                raise UserError(
                    self.env._(
                        "Claim %(claim)s cannot be submitted while blocking problems remain:\n%(problems)s",
                        claim=claim.name,
                        problems="\n".join(
                            f"- {p.message}" for p in claim.problem_ids.filtered(lambda p: p.severity == "blocking")
                        ),
                    )
                )
        todo._as_workflow_write(
            {"state": "submitted", "submitted_by_id": self.env.uid, "submitted_date": fields.Datetime.now()}
        )
        for claim in todo:
            if claim.is_dealer_side:
                claim._create_dealer_invoice()
            claim.message_post(body=self.env._("Submitted to the OEM."))
        return True

    def action_start_review(self):
        self._check_group(REVIEWER_GROUP, self.env._("review"))
        self._as_lock()
        self._check_state("submitted")
        self._check_not_own()
        self._as_workflow_write({"state": "under_review", "reviewer_id": self.env.uid})
        for line in self.line_ids:
            line._as_workflow_write({"approved_quantity": line.quantity, "cut_reason": False})
        return True

    def _check_reviewer(self):
        """The OEM reviewer decides a claim under review that they did not file."""
        self._check_group(REVIEWER_GROUP, self.env._("review"))
        self._as_lock()
        self._check_state("under_review")
        self._check_not_own()

    def _check_dealer_person(self, action):
        """The dealer answers and appeals: its warranty clerk or its portal user, never the claim's reviewer."""
        if not self.env.user._is_portal():
            self._check_group(CLERK_GROUP, action)
        for claim in self:
            if claim.reviewer_id == self.env.user:
                raise AccessError(
                    self.env._(
                        "Claim %(claim)s is reviewed by you: the dealer answers and appeals, not its reviewer.",
                        claim=claim.name,
                    )
                )

    def _as_lock(self):
        """Lock the claims' rows before a step: a double click or a second reviewer waits for the first step,
        then finds the claim moved on (PostgreSQL refuses the stale update, Odoo retries the request)."""
        if not self.ids:
            return
        self.flush_recordset()
        self.env.cr.execute(
            SQL("SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE", SQL.identifier(self._table), tuple(self.ids))
        )
        self.invalidate_recordset()

    def action_request_info(self, question):
        self._check_reviewer()
        if not question:
            raise UserError(self.env._("Write the information you need from the dealer."))
        self._as_workflow_write(
            {"state": "info_requested", "info_request": question, "info_answer": False, "reviewer_id": self.env.uid}
        )
        for claim in self:
            claim.message_post(
                body=self.env._("Information requested: %(question)s", question=question),
                partner_ids=claim.submitted_by_id.partner_id.ids,
            )
            claim.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Answer the OEM's question"),
                user_id=claim.submitted_by_id.id or self.env.uid,
            )
        return True

    def action_answer_info(self, answer):
        self.check_access("write")
        self._check_dealer_person(self.env._("answer the OEM on"))
        self._as_lock()
        self._check_state("info_requested")
        if not answer:
            raise UserError(self.env._("Write your answer to the OEM's question."))
        self._as_workflow_write({"state": "under_review", "info_answer": answer})
        for claim in self:
            claim.activity_feedback(["mail.mail_activity_data_todo"], feedback=answer)
            claim.message_post(body=self.env._("Dealer's answer: %(answer)s", answer=answer))
        return True

    def _check_review_lines(self):
        """Each line: 0 <= approved <= claimed, a reason for every cut; something approved."""
        for claim in self:
            for line in claim.line_ids:
                line._check_approved_quantity(line.approved_quantity, line.cut_reason)
            if float_is_zero(claim.amount_approved, precision_rounding=claim.currency_id.rounding):
                raise UserError(
                    self.env._("Claim %(claim)s: nothing is approved; reject it with a reason code.", claim=claim.name)
                )

    def action_approve(self):
        """Approve the claim as reviewed line by line: cut lines make it partially approved."""
        self._check_reviewer()
        self._check_review_lines()
        for claim in self:
            partial = any(
                float_compare(line.approved_quantity, line.quantity, precision_digits=2) < 0 for line in claim.line_ids
            )
            claim._as_workflow_write(
                {
                    "state": "partially_approved" if partial else "approved",
                    "decision_date": fields.Date.context_today(self),
                    "reviewer_id": self.env.uid,
                }
            )
            claim.message_post(
                body=self.env._(
                    "Approved %(approved)s of %(claimed)s.",
                    approved=claim.currency_id.format(claim.amount_approved),
                    claimed=claim.currency_id.format(claim.amount_total),
                )
            )
        self._create_part_returns()
        return True

    def action_approve_with_cuts(self, cuts):
        """Partial approval by the OEM reviewer: ``cuts`` lists, per line of this claim under review, the
        approved quantity and the reason of the cut ``[{"line_id", "approved_quantity", "cut_reason"}]``; lines
        not listed keep their approved quantity. Every value is checked before anything is written."""
        self.ensure_one()
        self._check_reviewer()
        values = {}
        for cut in cuts or []:
            line = self.line_ids.filtered(lambda x, cut=cut: x.id == cut.get("line_id"))
            if not line:
                raise UserError(
                    self.env._("Claim %(claim)s: a reviewed line is not a line of this claim.", claim=self.name)
                )
            form = PortalInput(self.env)
            quantity = form.get(parse_number, cut.get("approved_quantity"), line.name, minimum=-1e9, required=True)
            form.raise_if_errors()
            reason = (cut.get("cut_reason") or "").strip() or False
            line._check_approved_quantity(quantity, reason)
            cut_line = float_compare(quantity, line.quantity, precision_digits=2) < 0
            values[line] = {"approved_quantity": quantity, "cut_reason": reason if cut_line else False}
        for line, vals in values.items():
            line._as_workflow_write(vals)
        return self.action_approve()

    def action_open_review(self):
        """The reviewer's line-by-line decision (approved quantity, reason of each cut) in a dialog."""
        self.ensure_one()
        self._check_reviewer()
        review = self.env["aftersales.warranty.claim.review"].create(
            self.env["aftersales.warranty.claim.review"]._prepare_vals(self)
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Approve Partially"),
            "res_model": review._name,
            "res_id": review.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_reject(self, reason, note=False):
        self._check_reviewer()
        if not reason:
            raise UserError(self.env._("Give a rejection reason code."))
        self.line_ids._as_workflow_write({"approved_quantity": 0.0})
        self._as_workflow_write(
            {
                "state": "rejected",
                "reason_id": reason.id,
                "review_note": note,
                "decision_date": fields.Date.context_today(self),
                "reviewer_id": self.env.uid,
            }
        )
        for claim in self:
            claim.message_post(
                body=self.env._("Rejected: %(reason)s %(note)s", reason=reason.display_name, note=note or "")
            )
        return True

    def action_appeal(self, reason):
        """The dealer appeals a (partial) rejection: review reopens, once."""
        self.check_access("write")
        self._check_dealer_person(self.env._("appeal"))
        self._as_lock()
        self._check_state("rejected", "partially_approved")
        if not reason:
            raise UserError(self.env._("Explain why you appeal."))
        for claim in self:
            if claim.appeal_count:
                raise UserError(self.env._("Claim %(claim)s was already appealed once.", claim=claim.name))
        # sudo: the old-part returns of the decision are the workflow's; they go away with the decision appealed.
        self.return_ids.filtered(lambda r: r.state == "to_ship").sudo().unlink()
        self._as_workflow_write(
            {
                "state": "under_review",
                "appeal_count": 1,
                "appeal_reason": reason,
                "decision_date": False,
            }
        )
        for claim in self:
            claim.message_post(body=self.env._("Appeal: %(reason)s", reason=reason))
        return True

    def action_settle(self):
        """Post the result of the review in accounting, once (a second click finds the claim settled)."""
        self._check_group(REVIEWER_GROUP, self.env._("settle"))
        self._as_lock()
        for claim in self:
            if claim.state == "settled":
                raise UserError(self.env._("Claim %(claim)s is already settled.", claim=claim.name))
        self._check_state("approved", "partially_approved", "rejected")
        self._check_not_own()
        for claim in self:
            if not claim.decision_date or not claim.reviewer_id:
                raise UserError(
                    self.env._("Claim %(claim)s was never reviewed: it cannot be settled.", claim=claim.name)
                )
            if claim.is_dealer_side:
                claim._post_dealer_correction()
            else:
                claim._post_oem_bill()
                claim._post_supplier_recovery()
        self._as_workflow_write({"state": "settled", "settled_date": fields.Date.context_today(self)})
        for claim in self:
            claim.message_post(body=self.env._("Settled."))
        return True

    # ------------------------------------------------------------------ old parts
    def _create_part_returns(self):
        vals_list = []
        for claim in self.filtered(lambda c: c.policy_id.return_parts and not c.return_ids):
            for line in claim.part_line_ids.filtered(lambda x: x.approved_quantity > 0):
                vals_list.append(
                    {
                        "claim_id": claim.id,
                        "product_id": line.product_id.id,
                        "quantity": line.approved_quantity,
                        "amount": line.amount_approved,
                    }
                )
        return self.env["aftersales.warranty.part.return"]._as_workflow_create(vals_list)

    # ------------------------------------------------------------------ smart buttons
    def _action_open(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_warranty.aftersales_warranty_claim_action")
        if len(self) == 1:
            action.update(view_mode="form", views=[(False, "form")], res_id=self.id)
        else:
            action["domain"] = [("id", "in", self.ids)]
        return action

    def action_view_returns(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_warranty_part_return_action"
        )
        action["domain"] = [("claim_id", "=", self.id)]
        return action
