from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches
from odoo.addons.aftersales_base.tools.portal_input import PortalInput, parse_number
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, create_index, float_compare, float_is_zero

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
        string="Dealer",
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
    vehicle_id = fields.Many2one("fleet.vehicle", string="Vehicle", required=True, index=True, tracking=True)
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
    campaign_id = fields.Many2one("aftersales.warranty.campaign", string="Campaign", index="btree_not_null")
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
    reviewer_id = fields.Many2one("res.users", string="Reviewer", readonly=True, copy=False, tracking=True)
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
        string="Recovery Netting",
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

    def init(self):
        # The duplicate check looks claims up by vehicle, causal part and repair date.
        create_index(
            self.env.cr,
            "aftersales_warranty_claim_duplicate_index",
            self._table,
            ["vehicle_id", "causal_product_id", "repair_date"],
        )

    # ------------------------------------------------------------------ computes
    def _compute_access_url(self):
        super()._compute_access_url()
        for claim in self:
            claim.access_url = f"/my/warranty/{claim.id}"

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

    # ------------------------------------------------------------------ checker
    def _get_problems(self):
        """Every problem of each claim: {claim_id: [(code, severity, message)]}, a fixed number of queries."""
        result = {claim.id: [] for claim in self}
        today = fields.Date.context_today(self)
        attachments = dict(
            self.env["ir.attachment"]._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["__count"]
            )
        )
        duplicates = self._find_duplicates()
        odometers = self._recorded_odometers()
        for claim in self:
            problems = result[claim.id]
            problems.extend(claim._get_input_problems(today, odometers.get(claim.id, 0.0)))

            def add(code, severity, message, problems=problems):
                problems.append((code, severity, message))

            policy = claim.policy_id
            vehicle = claim.vehicle_id
            model = vehicle.model_id
            if not claim.line_ids:
                add("no_lines", "blocking", self.env._("The claim has no part, labour or sublet line."))
            if claim.claim_type == "warranty" and not claim.causal_product_id:
                add("no_causal_part", "blocking", self.env._("Name the causal part."))
            if not policy:
                add(
                    "no_policy",
                    "blocking",
                    self.env._("No warranty policy covers vehicle model %(model)s.", model=model.display_name or "-"),
                )
            elif claim.claim_type == "warranty":
                if not vehicle.sale_date:
                    add("no_sale_date", "blocking", self.env._("The vehicle has no sale date: warranty start unknown."))
                excluded, months, km = policy._coverage(claim.causal_product_id)
                if excluded:
                    add(
                        "excluded_part",
                        "blocking",
                        self.env._(
                            "Part %(part)s is a wear part excluded from warranty.",
                            part=claim.causal_product_id.display_name,
                        ),
                    )
                if vehicle.sale_date and claim.repair_date > policy._end_date(vehicle.sale_date, months):
                    add(
                        "out_of_coverage_date",
                        "blocking",
                        self.env._(
                            "Out of coverage: repaired on %(date)s, more than %(months)s months after the sale "
                            "date %(sale)s.",
                            date=claim.repair_date,
                            months=months,
                            sale=vehicle.sale_date,
                        ),
                    )
                if km and claim.mileage > km:
                    add(
                        "out_of_coverage_km",
                        "blocking",
                        self.env._(
                            "Out of coverage: %(mileage)s km is above the %(km)s km of the policy.",
                            mileage=int(claim.mileage),
                            km=km,
                        ),
                    )
            for line in claim.part_line_ids.filtered(lambda x: x.product_id != claim.causal_product_id):
                if policy and policy._coverage(line.product_id)[0]:
                    add(
                        "excluded_part",
                        "blocking",
                        self.env._(
                            "Part %(part)s is a wear part excluded from warranty.", part=line.product_id.display_name
                        ),
                    )
            operations = claim.labour_line_ids.operation_id
            for line in claim.labour_line_ids:
                operation = line.operation_id
                if not operation:
                    add(
                        "no_operation",
                        "blocking",
                        self.env._("Labour line %(line)s has no operation code.", line=line.name),
                    )
                    continue
                if operation.time_ids and model not in operation.time_ids.model_id:
                    add(
                        "operation_model",
                        "blocking",
                        self.env._(
                            "Operation %(op)s is not valid for vehicle model %(model)s.",
                            op=operation.display_name,
                            model=model.display_name,
                        ),
                    )
                    continue
                catalogue = operation._hours_for_model(model)
                if float_compare(line.quantity, catalogue, precision_digits=2) > 0:
                    add(
                        "hours_above_catalogue",
                        "blocking",
                        self.env._(
                            "Operation %(op)s: %(hours)s hours claimed, the catalogue allows %(catalogue)s.",
                            op=operation.display_name,
                            hours=line.quantity,
                            catalogue=catalogue,
                        ),
                    )
            categories = operations.warranty_categ_ids
            if categories:
                for line in claim.part_line_ids:
                    categ = line.product_id.categ_id
                    if not any(categ.parent_path.startswith(c.parent_path) for c in categories):
                        add(
                            "parts_operation",
                            "warning",
                            self.env._(
                                "Part %(part)s does not belong to the operations claimed.",
                                part=line.product_id.display_name,
                            ),
                        )
            minimum = claim.company_id.as_claim_min_attachments
            if attachments.get(claim.id, 0) < minimum:
                add(
                    "attachments",
                    "blocking",
                    self.env._(
                        "Attach at least %(count)s photos (old part, odometer); %(found)s attached.",
                        count=minimum,
                        found=attachments.get(claim.id, 0),
                    ),
                )
            deadline_days = policy.deadline_days or claim.company_id.as_claim_deadline_days
            if claim.claim_type == "warranty" and today > claim.repair_date + timedelta(days=deadline_days):
                add(
                    "deadline",
                    "blocking",
                    self.env._(
                        "Past the submission deadline: %(days)s days after the repair of %(date)s.",
                        days=deadline_days,
                        date=claim.repair_date,
                    ),
                )
            for other in duplicates.get(claim.id, []):
                add(
                    "duplicate",
                    "blocking",
                    self.env._(
                        "Duplicate: claim %(other)s has the same VIN and causal part within %(days)s days.",
                        other=other,
                        days=claim.company_id.as_claim_duplicate_days,
                    ),
                )
        return result

    def _recorded_odometers(self):
        """{claim id: the highest odometer reading of its vehicle recorded up to the repair date}."""
        readings = (
            self.env["fleet.vehicle.odometer"]
            .sudo()
            .search(  # sudo: readings only compared, never shown
                [("vehicle_id", "in", self.vehicle_id.ids)]
            )
        )
        result = {}
        for claim in self:
            values = readings.filtered(
                lambda r, c=claim: r.vehicle_id == c.vehicle_id and (not r.date or r.date <= c.repair_date)
            ).mapped("value")
            result[claim.id] = max(values, default=0.0)
        return result

    def _get_input_problems(self, today, odometer):
        """Figures no real repair has: negative quantities or mileage, a mileage below the vehicle's recorded
        odometer, a repair before the sale or in the future, a claim worth nothing. Each blocks submission."""
        self.ensure_one()
        problems = []
        for line in self.line_ids.filtered(lambda x: x.quantity < 0 or x.price_unit < 0):
            problems.append(
                (
                    "negative_quantity",
                    "blocking",
                    self.env._("Line %(line)s: quantities and prices cannot be negative.", line=line.name),
                )
            )
        if self.mileage < 0:
            problems.append(("negative_mileage", "blocking", self.env._("The mileage cannot be negative.")))
        elif odometer and float_compare(self.mileage, odometer, precision_digits=0) < 0:
            problems.append(
                (
                    "mileage_below_odometer",
                    "blocking",
                    self.env._(
                        "%(mileage)s km is below the %(odometer)s km already recorded for the vehicle.",
                        mileage=int(self.mileage),
                        odometer=int(odometer),
                    ),
                )
            )
        sale_date = self.vehicle_id.sale_date
        if sale_date and self.repair_date < sale_date:
            problems.append(
                (
                    "repair_before_sale",
                    "blocking",
                    self.env._(
                        "Repaired on %(date)s, before the sale date %(sale)s.", date=self.repair_date, sale=sale_date
                    ),
                )
            )
        if self.repair_date > today:
            problems.append(
                (
                    "repair_in_future",
                    "blocking",
                    self.env._("The repair date %(date)s is in the future.", date=self.repair_date),
                )
            )
        if self.line_ids and self.currency_id.is_zero(self.amount_total):
            problems.append(("zero_amount", "blocking", self.env._("The claim is worth nothing: nothing to claim.")))
        return problems

    def _find_duplicates(self):
        """Other live claims of the same company with the same vehicle and causal part within the window: one
        indexed query. (A dealer company's own claim and its copy at the OEM company are one claim, at two sites.)"""
        claims = self.filtered(lambda c: c.id and c.causal_product_id)
        if not claims:
            return {}
        self.flush_model(["vehicle_id", "causal_product_id", "repair_date", "state", "company_id", "name"])
        self.env["res.company"].flush_model(["as_claim_duplicate_days"])
        self.env.cr.execute(
            """
            SELECT c.id, o.name
              FROM aftersales_warranty_claim c
              JOIN res_company rc ON rc.id = c.company_id
              JOIN aftersales_warranty_claim o
                ON o.vehicle_id = c.vehicle_id
               AND o.causal_product_id = c.causal_product_id
               AND o.repair_date BETWEEN c.repair_date - rc.as_claim_duplicate_days
                                     AND c.repair_date + rc.as_claim_duplicate_days
               AND o.id != c.id
               AND o.company_id = c.company_id
               AND o.state NOT IN ('draft', 'rejected')
             WHERE c.id IN %s
             ORDER BY o.name
            """,
            [tuple(claims.ids)],
        )
        result = {}
        for claim_id, other in self.env.cr.fetchall():
            result.setdefault(claim_id, []).append(other)
        return result

    def action_check(self):
        """Run the checker and store its problems on the claims (drafts: a submitted claim keeps its check)."""
        self._check_state("draft")
        problems = self._get_problems()
        self.problem_ids.sudo().unlink()  # sudo: problems are the checker's output, never edited by hand
        self.env["aftersales.warranty.claim.problem"].sudo().create(
            [
                {"claim_id": claim_id, "code": code, "severity": severity, "message": message}
                for claim_id, rows in problems.items()
                for code, severity, message in rows
            ]
        )
        self._as_workflow_write({"checked_date": fields.Datetime.now()})
        return True

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
                    "decision_date": fields.Date.today(),
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
                "decision_date": fields.Date.today(),
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
        self._as_workflow_write({"state": "settled", "settled_date": fields.Date.today()})
        for claim in self:
            claim.message_post(body=self.env._("Settled."))
        return True

    # ------------------------------------------------------------------ accounting
    def _special_product(self, xmlid):
        return self.env.ref(xmlid)

    def _prepare_move_line_vals(self, approved=None, cut=False):
        """Invoice lines for the claimed (approved=None), approved or cut amounts."""
        self.ensure_one()
        labour_product = self.company_id.as_labour_product_id or self.env.ref("aftersales_base.product_labour")
        sublet_product = self.env.ref("aftersales_warranty.product_warranty_sublet")
        handling_product = self.env.ref("aftersales_warranty.product_warranty_handling")
        lines = []
        parts_total = 0.0
        for line in self.line_ids:
            if cut:
                quantity = line.quantity - line.approved_quantity
            elif approved:
                quantity = line.approved_quantity
            else:
                quantity = line.quantity
            if float_is_zero(quantity, precision_digits=2):
                continue
            if line.line_type == "part":
                product = line.product_id
                parts_total += quantity * line.price_unit
            elif line.line_type == "labour":
                product = line.operation_id.product_id or labour_product
            else:
                product = sublet_product
            lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "name": f"{self.name} {line.name}",
                        "quantity": quantity,
                        "price_unit": line.price_unit,
                    }
                )
            )
        handling = self.currency_id.round(parts_total * (self.policy_id.handling_percent or 0.0) / 100.0)
        if handling:
            lines.append(
                Command.create(
                    {
                        "product_id": handling_product.id,
                        "name": self.env._("%(claim)s parts handling", claim=self.name),
                        "quantity": 1,
                        "price_unit": handling,
                    }
                )
            )
        return lines

    def _prepare_move_vals(self, move_type, partner, lines):
        """Values of a warranty document; its lines carry the company's warranty tax of the move type."""
        self.ensure_one()
        taxes = self.company_id._as_warranty_taxes(move_type)
        for command in lines:
            command[2]["tax_ids"] = [Command.set(taxes.ids)]
        return {
            "move_type": move_type,
            "partner_id": partner.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.name,
            "ref": self.name,
            "invoice_date": fields.Date.context_today(self),
            "invoice_line_ids": lines,
        }

    def _create_moves(self, vals):
        # The claim's poster may be a warranty clerk without invoicing rights: the amounts come from the
        # claim's checked lines, never from user input, so creating the entry as superuser is safe.
        moves = self.env["account.move"].sudo().create(vals)
        moves.action_post()
        return moves.sudo(False)

    def _create_dealer_invoice(self):
        """Dealer side: the warranty receivable from the OEM for the claimed amount."""
        self.ensure_one()
        if self.dealer_invoice_id:
            return
        if not self.oem_partner_id:
            raise UserError(
                self.env._(
                    "Claim %(claim)s: set the OEM partner in After-Sales settings to invoice the warranty.",
                    claim=self.name,
                )
            )
        move = self._create_moves(
            self._prepare_move_vals("out_invoice", self.oem_partner_id, self._prepare_move_line_vals())
        )
        self._as_workflow_write({"dealer_invoice_id": move.id})

    def _post_dealer_correction(self):
        """Dealer side: a credit note to the OEM for whatever the review cut."""
        self.ensure_one()
        lines = self._prepare_move_line_vals(cut=True)
        if lines and not self.dealer_refund_id:
            vals = self._prepare_move_vals("out_refund", self.oem_partner_id, lines)
            vals["reversed_entry_id"] = self.dealer_invoice_id.id
            self._as_workflow_write({"dealer_refund_id": self._create_moves(vals).id})

    def _post_oem_bill(self):
        """OEM side: what the OEM owes the dealer for the approved lines."""
        self.ensure_one()
        lines = self._prepare_move_line_vals(approved=True)
        if lines and not self.oem_bill_id:
            move = self._create_moves(
                self._prepare_move_vals("in_invoice", self.dealer_id.commercial_partner_id, lines)
            )
            self._as_workflow_write({"oem_bill_id": move.id})

    def _post_supplier_recovery(self):
        """OEM side: the causal part's supplier pays its share of the approved amount, offset against what the
        OEM owes the supplier (its open vendor bills): a vendor credit note on the supplier reconciled with the
        bills, or a customer invoice netted against them (company setting)."""
        self.ensure_one()
        share = (self.policy_id.supplier_recovery_percent or 0.0) / 100.0
        amount = self.currency_id.round(self.amount_approved * share)
        if not self.causal_supplier_id or not amount or self.recovery_invoice_id:
            return
        supplier = self.causal_supplier_id.commercial_partner_id
        line = Command.create(
            {
                "product_id": self.env.ref("aftersales_warranty.product_warranty_recovery").id,
                "name": self.env._(
                    "Warranty recovery %(claim)s: %(part)s, VIN %(vin)s",
                    claim=self.name,
                    part=self.causal_product_id.display_name,
                    vin=self.vin,
                ),
                "quantity": 1,
                "price_unit": amount,
            }
        )
        method = self.company_id.as_recovery_method
        move_type = "in_refund" if method == "credit_note" else "out_invoice"
        recovery = self._create_moves(self._prepare_move_vals(move_type, supplier, [line]))
        self._as_workflow_write({"recovery_invoice_id": recovery.id})
        open_bills = self._supplier_open_payables(supplier)
        if not open_bills:
            return
        if method == "credit_note":
            # sudo: reconciling is the consequence of the settlement, on the entries just posted above.
            (
                recovery.sudo().line_ids.filtered(lambda x: x.account_id.account_type == "liability_payable")
                | open_bills
            ).reconcile()
        else:
            self._as_workflow_write({"recovery_netting_id": self._net_recovery_invoice(recovery, open_bills).id})

    def _supplier_open_payables(self, supplier):
        """The supplier's unpaid vendor bill lines in the claim's company, oldest due first."""
        return (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("partner_id", "=", supplier.id),
                    ("account_id.account_type", "=", "liability_payable"),
                    ("account_id.reconcile", "=", True),
                    ("move_id.move_type", "=", "in_invoice"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("amount_residual", "<", 0),
                ],
                order="date_maturity, id",
            )
        )

    def _net_recovery_invoice(self, invoice, payables):
        """A netting entry: the supplier's payable is debited, its receivable credited, by the part of the
        recovery invoice the open bills can absorb; both sides are reconciled."""
        self.ensure_one()
        invoice = invoice.sudo()
        receivable = invoice.line_ids.filtered(lambda x: x.account_id.account_type == "asset_receivable")
        amount = min(sum(receivable.mapped("amount_residual")), -sum(payables.mapped("amount_residual")))
        if self.currency_id.is_zero(amount):
            return self.env["account.move"]
        journal = (
            self.env["account.journal"]
            .sudo()
            .search(
                [*self.env["account.journal"]._check_company_domain(self.company_id), ("type", "=", "general")],
                limit=1,
            )
        )
        label = self.env._("Recovery %(claim)s offset against the supplier's bills", claim=self.name)
        left = amount
        debit_lines = []
        for account, lines in payables.grouped("account_id").items():
            part = min(left, -sum(lines.mapped("amount_residual")))
            if self.currency_id.is_zero(part):
                continue
            left -= part
            debit_lines.append(
                Command.create(
                    {"account_id": account.id, "partner_id": invoice.partner_id.id, "name": label, "debit": part}
                )
            )
        netting = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "company_id": self.company_id.id,
                    "date": fields.Date.context_today(self),
                    "ref": self.name,
                    "line_ids": [
                        *debit_lines,
                        Command.create(
                            {
                                "account_id": receivable.account_id[:1].id,
                                "partner_id": invoice.partner_id.id,
                                "name": label,
                                "credit": amount,
                            }
                        ),
                    ],
                }
            )
        )
        netting.action_post()
        for account, lines in payables.grouped("account_id").items():
            (
                netting.line_ids.filtered(lambda x, account=account: x.account_id == account and x.debit) | lines
            ).reconcile()
        (
            netting.line_ids.filtered(lambda x: x.account_id == receivable.account_id[:1] and x.credit) | receivable
        ).reconcile()
        return netting.sudo(False)

    # ------------------------------------------------------------------ pass rate
    @api.model
    def _dealers_below_goal(self, date_from, date_to):
        """{dealer: pass rate} of the dealers whose pass rate over the period is below the company goal."""
        groups = self._read_group(
            [
                ("decision_date", ">=", date_from),
                ("decision_date", "<", date_to),
                ("company_id", "=", self.env.company.id),
            ],
            ["dealer_id"],
            ["pass_rate:avg"],
        )
        goal = self.env.company.as_claim_pass_rate_goal
        return {dealer: rate for dealer, rate in groups if rate < goal}

    @api.model
    def _cron_pass_rate_alert(self, batch_size=None):
        """Monthly: the warranty managers get an activity for each dealer below the pass-rate goal last month.

        In batches of dealers: a dealer that already has this month's alert is skipped, so a resumed run goes
        on with the others and never alerts twice.
        """
        first = fields.Date.context_today(self).replace(day=1)
        previous = (first - timedelta(days=1)).replace(day=1)
        below = self._dealers_below_goal(previous, first)
        managers = self.env.ref("aftersales_warranty.group_aftersales_warranty_manager").users.filtered(
            lambda u: self.env.company in u.company_ids and not u.share
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")

        def summary(rate):
            return self.env._(
                "Claim pass rate %(rate)s %% in %(month)s, below the %(goal)s %% goal",
                rate=round(rate, 1),
                month=previous.strftime("%Y-%m"),
                goal=self.env.company.as_claim_pass_rate_goal,
            )

        def todo():
            if not managers:
                return []
            alerted = self.env["mail.activity"].search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", [dealer.id for dealer in below]),
                    ("activity_type_id", "=", activity_type.id),
                    ("summary", "in", [summary(rate) for rate in below.values()]),
                ]
            )
            done = {(a.res_id, a.summary) for a in alerted}
            return [(d, r) for d, r in below.items() if (d.id, summary(r)) not in done]

        def step(limit):
            batch = todo()[:limit]
            for dealer, rate in batch:
                dealer.activity_schedule(
                    activity_type_id=activity_type.id, summary=summary(rate), user_id=managers[0].id
                )
            return len(batch), len(todo()) if batch else 0

        run_cron_batches(self.env, step, batch_size)
        return below

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

    def action_view_moves(self):
        self.ensure_one()
        moves = (
            self.dealer_invoice_id
            | self.dealer_refund_id
            | self.oem_bill_id
            | self.recovery_invoice_id
            | self.recovery_netting_id
            | self.return_ids.chargeback_move_id
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Journal Entries"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
        }

    def action_view_returns(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_warranty_part_return_action"
        )
        action["domain"] = [("claim_id", "=", self.id)]
        return action
