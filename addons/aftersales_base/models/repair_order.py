from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches
from odoo.addons.aftersales_base.tools.stock_lock import lock_quants
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .aftersales_operation import JOB_TYPES

SERVICE_STAGES = [
    ("reception", "Reception"),
    ("diagnosis", "Diagnosis"),
    ("estimate", "Estimate"),
    ("approved", "Approved"),
    ("dispatched", "Dispatched"),
    ("in_progress", "In Progress"),
    ("quality_check", "Quality Check"),
    ("washing", "Washing"),
    ("ready", "Ready"),
    ("delivered", "Delivered"),
    ("cancelled", "Cancelled"),
]
CHECK_ORDER = ("self", "mutual", "final")


class RepairOrder(models.Model):
    _name = "repair.order"
    _inherit = ["repair.order", "aftersales.workflow.mixin"]
    # Written by the service steps only (see aftersales.workflow.mixin); repair's own ``state``
    # is guarded on workshop orders in write().
    _as_workflow_fields = (
        "service_stage",
        "accepted_by_id",
        "accepted_on",
        "customer_signed_on",
        "odometer_id",
        "diagnosis_user_id",
        "estimate_approved",
        "estimate_approved_on",
        "dispatch_date",
        "work_start_date",
        "next_progress_check",
        "parts_issued_date",
        "rework_count",
        "ready_date",
        "delivered_date",
        "credit_approved_by_id",
        "insurance_invoice_id",
    )

    # Reception
    service_stage = fields.Selection(
        SERVICE_STAGES,
        string="Service Stage",
        default="reception",
        required=True,
        copy=False,
        tracking=True,
        index=True,
        readonly=True,
        # Kanban columns and report groups in the flow's order, empty stages included.
        group_expand="_group_expand_service_stage",
    )
    vehicle_id = fields.Many2one("fleet.vehicle", string="Vehicle", tracking=True, index=True, check_company=True)
    vin = fields.Char(related="vehicle_id.vin_sn", string="VIN")
    license_plate = fields.Char(related="vehicle_id.license_plate", string="Plate", store=True)
    vehicle_model_id = fields.Many2one(related="vehicle_id.model_id", string="Vehicle Model", store=True)
    advisor_id = fields.Many2one(related="user_id", string="Service Advisor", readonly=False)
    reception_date = fields.Datetime(default=fields.Datetime.now, required=True, copy=False, index=True)
    odometer_in = fields.Float(string="Odometer In (km)", copy=False, tracking=True)
    odometer_id = fields.Many2one("fleet.vehicle.odometer", readonly=True, copy=False)
    odometer_replaced = fields.Boolean(
        string="Odometer Replaced",
        copy=False,
        help="Set by a service manager when the odometer was replaced: the reading may then be lower.",
    )
    fuel_level = fields.Selection(
        [("empty", "Empty"), ("quarter", "1/4"), ("half", "1/2"), ("three_quarters", "3/4"), ("full", "Full")]
    )
    job_type = fields.Selection(
        JOB_TYPES,
        default="maintenance",
        required=True,
        tracking=True,
    )
    complaint = fields.Text(string="Customer's Request", help="The customer's request, in the customer's own words.")
    covers_fitted = fields.Boolean(
        string="Protective Covers Fitted", help="Seat, floor mat, steering wheel and gear covers."
    )
    existing_damage = fields.Text(help="Existing body damage found in the walk-around check.")
    valuables = fields.Text(help="Valuables left in the vehicle.")
    spare_tyre_tools = fields.Boolean(string="Spare Tyre and Tools Present")
    gate_card_collected = fields.Boolean(string="Gate Card Collected")
    promised_date = fields.Datetime(string="Promised Delivery", tracking=True)
    waiting_mode = fields.Selection(
        [("lounge", "Waits in the lounge"), ("leaves", "Leaves and comes back"), ("shuttle", "Shuttle / pick-up")]
    )
    return_old_parts = fields.Boolean(
        string="Old Parts Back to Customer", help="Only old parts of non-warranty lines go back to the customer."
    )
    customer_signature = fields.Image(string="Customer Signature", copy=False, max_width=1024, max_height=1024)
    customer_signed_by = fields.Char(copy=False)
    customer_signed_on = fields.Datetime(copy=False, readonly=True)
    accepted_by_id = fields.Many2one("res.users", string="Accepted By (Team Leader)", readonly=True, copy=False)
    accepted_on = fields.Datetime(readonly=True, copy=False)

    # Insurance accident vehicles
    is_insurance_claim = fields.Boolean(string="Insurance Accident", tracking=True)
    insurer_id = fields.Many2one("res.partner", string="Insurer", check_company=True)
    insurance_policy = fields.Char(string="Policy Number")
    damage_report_ref = fields.Char(string="Assessor's Damage Report")
    insurance_details_complete = fields.Boolean(
        string="Insurance Details Form Complete",
        help="The insurance vehicle details checklist (保险事故车辆资料明细) is complete.",
    )
    insurance_papers_complete = fields.Boolean(compute="_compute_insurance_papers_complete")
    insurer_approved_amount = fields.Monetary(string="Insurer Approved Amount", tracking=True)
    insurance_difference = fields.Monetary(compute="_compute_amounts", store=True, string="Insurance Difference")
    insurance_difference_settled = fields.Boolean(string="Difference Settled", tracking=True)
    # Invoices and analytic lines are the advisors' and accountants' business: technicians,
    # team leaders and inspectors open the work order without them.
    insurance_invoice_id = fields.Many2one(
        "account.move",
        string="Insurer Invoice",
        readonly=True,
        copy=False,
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    internal_analytic_line_ids = fields.One2many(
        "account.analytic.line",
        "as_repair_id",
        string="Internal Charges",
        readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
    )

    # Diagnosis and estimate
    diagnosis_user_id = fields.Many2one("res.users", string="Diagnosed By", copy=False)
    diagnosis = fields.Text(help="Cause found (5W2H: what, why, where, when, who, how, how much).")
    labour_line_ids = fields.One2many("aftersales.labour.line", "repair_id", string="Labour", copy=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_parts = fields.Monetary(compute="_compute_amounts", store=True, string="Parts Amount")
    amount_labour = fields.Monetary(compute="_compute_amounts", store=True, string="Labour Amount")
    amount_total = fields.Monetary(compute="_compute_amounts", store=True, string="Total")
    amount_customer = fields.Monetary(compute="_compute_amounts", store=True, string="Customer Pays")
    membership_level = fields.Selection(related="partner_id.commercial_partner_id.membership_level")
    membership_programs = fields.Char(
        compute="_compute_membership_programs",
        help="Loyalty programs of the customer's membership level: their reward (e.g. a discount) is "
        "applied to the customer's lines at settlement.",
    )
    amount_warranty = fields.Monetary(compute="_compute_amounts", store=True, string="Warranty")
    amount_internal = fields.Monetary(compute="_compute_amounts", store=True, string="Internal")
    amount_insurance = fields.Monetary(compute="_compute_amounts", store=True, string="Insurance")
    labour_mechanical = fields.Monetary(compute="_compute_amounts", store=True, string="Labour Mechanical")
    labour_body = fields.Monetary(compute="_compute_amounts", store=True, string="Labour Body")
    labour_paint = fields.Monetary(compute="_compute_amounts", store=True, string="Labour Paint")
    parts_cost = fields.Monetary(compute="_compute_parts_cost", store=True, string="Parts Cost")
    estimate_approved = fields.Boolean(readonly=True, copy=False, tracking=True)
    estimate_approved_by = fields.Char(string="Approved By (Customer)", copy=False)
    estimate_approved_on = fields.Datetime(readonly=True, copy=False)
    estimate_signature = fields.Image(string="Approval Signature", copy=False, max_width=1024, max_height=1024)
    supplement_pending = fields.Boolean(compute="_compute_supplement_pending", string="Additional Work to Approve")

    # Dispatch and work
    team_id = fields.Many2one("aftersales.workshop.team", string="Team", check_company=True, tracking=True)
    bay_id = fields.Many2one("aftersales.workshop.bay", string="Bay", check_company=True, tracking=True)
    technician_ids = fields.Many2many("res.users", "repair_order_technician_rel", string="Technicians", tracking=True)
    dispatch_date = fields.Datetime(readonly=True, copy=False)
    target_end_date = fields.Datetime(string="Target End", copy=False)
    work_start_date = fields.Datetime(readonly=True, copy=False)
    next_progress_check = fields.Datetime(readonly=True, copy=False)
    parts_issued_date = fields.Datetime(readonly=True, copy=False)
    check_ids = fields.One2many("aftersales.work.check", "repair_id", string="Quality Checks")
    rework_count = fields.Integer(readonly=True, copy=False, help="Times the order failed a quality check.")
    ready_date = fields.Datetime(readonly=True, copy=False)
    delivered_date = fields.Datetime(readonly=True, copy=False, index=True)
    credit_approved_by_id = fields.Many2one("res.users", string="Credit Approved By", readonly=True, copy=False)

    # Commitments and comebacks
    job_complexity = fields.Selection(
        [("simple", "Simple"), ("complex", "Complex")], compute="_compute_job_complexity", store=True, readonly=False
    )
    commitment_deadline = fields.Datetime(compute="_compute_commitment_deadline", store=True, index=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue")
    is_on_time = fields.Boolean(compute="_compute_is_on_time", store=True, string="Delivered On Time")
    comeback_of_id = fields.Many2one(
        "repair.order",
        string="Comeback Of",
        compute="_compute_comeback",
        store=True,
        index="btree_not_null",
        help="Earlier order of the same vehicle, within the comeback window, for the same operation or complaint.",
    )
    is_comeback = fields.Boolean(compute="_compute_comeback", store=True, string="Comeback")

    # KPI measures (percentages, averaged in pivot and graph views)
    kpi_comeback = fields.Float(compute="_compute_kpis", store=True, aggregator="avg", string="Comeback Rate (%)")
    kpi_first_time_fix = fields.Float(
        compute="_compute_kpis", store=True, aggregator="avg", string="First-Time-Fix Rate (%)"
    )
    kpi_on_time = fields.Float(compute="_compute_kpis", store=True, aggregator="avg", string="On-Time Rate (%)")
    material_margin = fields.Monetary(compute="_compute_kpis", store=True, string="Material Gross Margin")

    # ------------------------------------------------------------------ computes
    @api.depends(
        "move_ids.as_sale_subtotal",
        "move_ids.payer",
        "move_ids.state",
        "move_ids.repair_line_type",
        "labour_line_ids.price_subtotal",
        "labour_line_ids.payer",
        "labour_line_ids.category",
        "insurer_approved_amount",
    )
    def _compute_amounts(self):
        for order in self:
            parts = order.move_ids.filtered(lambda m: m.repair_line_type == "add" and m.state != "cancel")
            labour = order.labour_line_ids
            by_payer = dict.fromkeys(("customer", "warranty", "internal", "insurance"), 0.0)
            for move in parts:
                by_payer[move.payer or "customer"] += move.as_sale_subtotal
            for line in labour:
                by_payer[line.payer] += line.price_subtotal
            order.amount_parts = sum(parts.mapped("as_sale_subtotal"))
            order.amount_labour = sum(labour.mapped("price_subtotal"))
            order.amount_total = order.amount_parts + order.amount_labour
            order.amount_customer = by_payer["customer"]
            order.amount_warranty = by_payer["warranty"]
            order.amount_internal = by_payer["internal"]
            order.amount_insurance = by_payer["insurance"]
            order.insurance_difference = (
                order.insurer_approved_amount - by_payer["insurance"] if order.insurer_approved_amount else 0.0
            )
            for category in ("mechanical", "body", "paint"):
                order[f"labour_{category}"] = sum(
                    labour.filtered(lambda l, c=category: l.category == c).mapped("price_subtotal")
                )

    @api.depends("move_ids.state", "move_ids.quantity")
    def _compute_parts_cost(self):
        for order in self:
            moves = order.move_ids.filtered(lambda m: m.repair_line_type == "add" and m.state != "cancel")
            order.parts_cost = sum(m.product_id.standard_price * (m.quantity or m.product_uom_qty) for m in moves)

    @api.depends(
        "is_insurance_claim", "insurer_id", "insurance_policy", "damage_report_ref", "insurance_details_complete"
    )
    def _compute_insurance_papers_complete(self):
        for order in self:
            order.insurance_papers_complete = not order.is_insurance_claim or bool(
                order.insurer_id
                and order.insurance_policy
                and order.damage_report_ref
                and order.insurance_details_complete
            )

    @api.depends(
        "labour_line_ids.is_supplement", "labour_line_ids.approved", "move_ids.as_supplement", "move_ids.as_approved"
    )
    def _compute_supplement_pending(self):
        for order in self:
            order.supplement_pending = any(
                line.is_supplement and not line.approved for line in order.labour_line_ids
            ) or any(move.as_supplement and not move.as_approved for move in order.move_ids)

    @api.depends("labour_line_ids.operation_id.job_complexity")
    def _compute_job_complexity(self):
        for order in self:
            complexities = order.labour_line_ids.operation_id.mapped("job_complexity")
            order.job_complexity = "complex" if "complex" in complexities else "simple"

    @api.depends("reception_date", "job_complexity", "company_id")
    def _compute_commitment_deadline(self):
        for order in self:
            company = order.company_id or self.env.company
            hours = company.as_complex_job_hours if order.job_complexity == "complex" else company.as_simple_job_hours
            order.commitment_deadline = order.reception_date and order.reception_date + timedelta(hours=hours)

    @api.depends("commitment_deadline", "service_stage")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for order in self:
            order.is_overdue = bool(
                order.commitment_deadline
                and order.service_stage not in ("ready", "delivered", "cancelled")
                and order.commitment_deadline < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue work orders."))
        domain = [
            ("service_stage", "not in", ("ready", "delivered", "cancelled")),
            ("commitment_deadline", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.depends("ready_date", "commitment_deadline")
    def _compute_is_on_time(self):
        for order in self:
            order.is_on_time = bool(order.ready_date and order.ready_date <= order.commitment_deadline)

    @api.depends("is_comeback", "rework_count", "is_on_time", "ready_date", "amount_parts", "parts_cost")
    def _compute_kpis(self):
        for order in self:
            order.kpi_comeback = 100.0 if order.is_comeback else 0.0
            order.kpi_first_time_fix = 0.0 if order.is_comeback or order.rework_count else 100.0
            order.kpi_on_time = 100.0 if order.is_on_time or not order.ready_date else 0.0
            order.material_margin = order.amount_parts - order.parts_cost

    @api.depends("vehicle_id", "reception_date", "complaint", "labour_line_ids.operation_id")
    def _compute_comeback(self):
        for order in self:
            order.comeback_of_id = order._find_comeback_origin()
            order.is_comeback = bool(order.comeback_of_id)

    def _find_comeback_origin(self):
        self.ensure_one()
        if not self.vehicle_id or not self.reception_date:
            return self.browse()
        window = self.reception_date - timedelta(days=(self.company_id or self.env.company).as_comeback_days)
        earlier = self.search(
            [
                ("vehicle_id", "=", self.vehicle_id.id),
                ("id", "!=", self._origin.id or 0),
                ("service_stage", "=", "delivered"),
                ("delivered_date", ">=", window),
                ("delivered_date", "<=", self.reception_date),
            ],
            order="delivered_date desc",
        )
        operations = self.labour_line_ids.operation_id
        complaint = (self.complaint or "").strip().lower()
        for previous in earlier:
            if operations & previous.labour_line_ids.operation_id:
                return previous
            if complaint and complaint == (previous.complaint or "").strip().lower():
                return previous
        return self.browse()

    # --------------------------------------------------------------- constraints
    @api.constrains("vehicle_id", "partner_id")
    def _check_vehicle_owner(self):
        for order in self.filtered(lambda o: o.vehicle_id and not o.partner_id):
            raise ValidationError(self.env._("Work order %(wo)s needs a customer.", wo=order.name))

    @api.constrains("partner_id")
    def _check_customer_active(self):
        for order in self.filtered("partner_id"):
            customer = order.partner_id
            if not customer.active or not customer.commercial_partner_id.active:
                raise ValidationError(
                    self.env._(
                        "Work order %(wo)s: customer %(customer)s is archived; restore the customer before "
                        "opening a work order.",
                        wo=order.name,
                        customer=customer.display_name,
                    )
                )

    @api.constrains("return_old_parts", "move_ids")
    def _check_return_old_parts(self):
        for order in self.filtered("return_old_parts"):
            parts = order.move_ids.filtered(lambda m: m.repair_line_type == "add")
            if parts and all(m.payer == "warranty" for m in parts):
                # Warranty old parts belong to the OEM: only non-warranty ones may go back.
                raise ValidationError(
                    self.env._(
                        "Work order %(wo)s: old parts of warranty lines go to the warranty clerk, never back to "
                        "the customer.",
                        wo=order.name,
                    )
                )

    # ------------------------------------------------------------------ CRUD
    @api.onchange("vehicle_id")
    def _onchange_vehicle_id(self):
        if self.vehicle_id.owner_id and not self.partner_id:
            self.partner_id = self.vehicle_id.owner_id

    def write(self, vals):
        if "odometer_replaced" in vals and not self.env.user.has_group("aftersales_base.group_aftersales_manager"):
            raise AccessError(self.env._("Only a service manager may record an odometer replacement."))
        if "state" in vals and not self.env.su and self.filtered("vehicle_id"):
            self.filtered("vehicle_id")._as_workflow_refuse({"state"})
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_at_reception(self):
        """Nobody deletes a work order past reception (cancel it); at reception only an advisor."""
        workshop = self.filtered("vehicle_id")
        if not workshop or self.env.su:
            return
        started = workshop.filtered(lambda o: o.service_stage != "reception")
        if started:
            raise UserError(
                self.env._(
                    "Work orders %(wo)s are past reception: cancel them instead of deleting them.",
                    wo=", ".join(started.mapped("name")),
                )
            )
        workshop._check_group("aftersales_base.group_aftersales_advisor", self.env._("delete"))

    # ------------------------------------------------------- flow helpers
    def _stage_label(self, stage):
        # The label in the user's language (chatter, error messages), not the code's English.
        return dict(self._fields["service_stage"]._description_selection(self.env))[stage]

    def _check_stage(self, *allowed):
        for order in self:
            if order.service_stage not in allowed:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s is at stage %(stage)s; this step needs stage %(allowed)s.",
                        wo=order.name,
                        stage=order._stage_label(order.service_stage),
                        allowed=" / ".join(order._stage_label(s) for s in allowed),
                    )
                )

    def _check_group(self, group, action):
        if not self.env.user.has_group(group):
            raise AccessError(
                self.env._(
                    "You are not allowed to %(action)s on work order %(wo)s.",
                    action=action,
                    wo=", ".join(self.mapped("name")),
                )
            )

    def _set_stage(self, stage, **vals):
        self._as_workflow_write(dict(vals, service_stage=stage))
        for order in self:
            order.message_post(
                body=self.env._("Stage: %(stage)s", stage=order._stage_label(stage)),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _flow(self):
        """Repair's own state changes, driven from the service steps only.

        Safe: each step has checked group, stage and person before it calls repair's method
        on this; repair's buttons refuse workshop orders for everybody else (_check_flow)."""
        return self.sudo()

    def _check_person(self, users, action):
        """The step is done by one of ``users`` (the order's technicians, ...) or a manager."""
        if self.env.user in users or self.env.user.has_group("aftersales_base.group_aftersales_manager"):
            return
        raise AccessError(
            self.env._(
                "Work order %(wo)s: only %(people)s may %(action)s.",
                wo=", ".join(self.mapped("name")),
                people=", ".join(users.mapped("name")) or self.env._("the assigned technicians"),
                action=action,
            )
        )

    # ------------------------------------------------------------ actions
    def action_customer_sign(self):
        for order in self:
            if not order.customer_signature:
                raise UserError(self.env._("Work order %(wo)s: the customer has not signed yet.", wo=order.name))
        self._check_group("aftersales_base.group_aftersales_advisor", self.env._("record the customer's signature"))
        self._check_stage("reception")
        self._as_workflow_write({"customer_signed_on": fields.Datetime.now()})
        return True

    def action_accept_vehicle(self):
        """The workshop team leader accepts the vehicle from the advisor."""
        self._check_stage("reception")
        self._check_group("aftersales_base.group_aftersales_team_leader", self.env._("accept the vehicle"))
        self._as_workflow_write({"accepted_by_id": self.env.uid, "accepted_on": fields.Datetime.now()})
        return True

    def action_confirm_reception(self):
        self._check_stage("reception")
        self._check_group("aftersales_base.group_aftersales_advisor", self.env._("confirm the reception"))
        for order in self:
            missing = []
            if not order.vehicle_id:
                missing.append(self.env._("vehicle"))
            if not order.odometer_in:
                missing.append(self.env._("odometer reading"))
            if not order.complaint:
                missing.append(self.env._("customer's complaint"))
            if not order.customer_signed_on:
                missing.append(self.env._("customer's signature"))
            if not order.accepted_by_id:
                missing.append(self.env._("team leader's acceptance"))
            if missing:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s cannot leave reception; missing: %(missing)s.",
                        wo=order.name,
                        missing=", ".join(missing),
                    )
                )
            odometer = self.env["fleet.vehicle.odometer"].create(order._prepare_odometer_vals())
            order._as_workflow_write({"odometer_id": odometer.id})
        return self._set_stage("diagnosis")

    def _prepare_odometer_vals(self):
        self.ensure_one()
        return {
            "vehicle_id": self.vehicle_id.id,
            "value": self.odometer_in,
            "date": fields.Date.context_today(self, self.reception_date),
            "repair_id": self.id,
            "is_replacement": self.odometer_replaced,
            "replacement_reason": self.odometer_replaced and self.env._("Replaced, recorded on %s", self.name),
        }

    def action_to_estimate(self):
        self._check_stage("diagnosis")
        self._check_group("aftersales_base.group_aftersales_technician", self.env._("record the diagnosis"))
        for order in self:
            if not order.diagnosis:
                raise UserError(
                    self.env._("Work order %(wo)s: record the diagnosis before the estimate.", wo=order.name)
                )
        self.filtered(lambda o: not o.diagnosis_user_id)._as_workflow_write({"diagnosis_user_id": self.env.uid})
        return self._set_stage("estimate")

    def action_approve_estimate(self):
        """The customer approves the estimate: parts are reserved, work may be dispatched."""
        self._check_group("aftersales_base.group_aftersales_advisor", self.env._("record the customer's approval"))
        for order in self:
            if order.estimate_approved:
                raise UserError(self.env._("The estimate of work order %(wo)s is already approved.", wo=order.name))
        self._check_stage("estimate")
        for order in self:
            if not order.labour_line_ids and not order.move_ids:
                raise UserError(self.env._("Work order %(wo)s has nothing to estimate.", wo=order.name))
            if not order.estimate_approved_by:
                raise UserError(
                    self.env._("Work order %(wo)s: enter who approved the estimate for the customer.", wo=order.name)
                )
        self._as_workflow_write({"estimate_approved": True, "estimate_approved_on": fields.Datetime.now()})
        self.labour_line_ids._as_workflow_write({"approved": True})
        self.move_ids._as_workflow_write({"as_approved": True})
        self._flow()._action_repair_confirm()
        return self._set_stage("approved")

    def action_approve_supplement(self):
        self._check_group("aftersales_base.group_aftersales_advisor", self.env._("approve additional work"))
        for order in self:
            if not order.supplement_pending:
                raise UserError(self.env._("Work order %(wo)s has no additional work to approve.", wo=order.name))
        pending_moves = self.move_ids.filtered(lambda m: m.as_supplement and not m.as_approved)
        pending_labour = self.labour_line_ids.filtered(lambda line: line.is_supplement and not line.approved)
        pending_labour._as_workflow_write({"approved": True})
        pending_moves._as_workflow_write({"as_approved": True})
        pending_moves.filtered(lambda m: m.state == "draft")._action_confirm()
        for order in self:
            order.message_post(body=self.env._("The customer approved the additional work."))
        return True

    def action_dispatch(self):
        self._check_stage("approved")
        self._check_group("aftersales_base.group_aftersales_team_leader", self.env._("dispatch"))
        for order in self:
            if not order.technician_ids:
                raise UserError(self.env._("Work order %(wo)s: assign at least one technician.", wo=order.name))
        for order in self.filtered(lambda o: not o.target_end_date):
            order.target_end_date = order.promised_date or order.commitment_deadline
        return self._set_stage("dispatched", dispatch_date=fields.Datetime.now())

    def action_start_work(self):
        self._check_stage("dispatched")
        for order in self:
            order._check_person(order.technician_ids | order.team_id.leader_id, self.env._("start the work"))
        now = fields.Datetime.now()
        self._flow().action_repair_start()
        minutes = self.company_id[:1].as_progress_reminder_minutes or 30
        return self._set_stage("in_progress", work_start_date=now, next_progress_check=now + timedelta(minutes=minutes))

    def action_issue_parts(self):
        """Issue the approved parts to the technician (old part in, new part out)."""
        self._check_stage("in_progress")
        self._check_group("aftersales_base.group_aftersales_technician", self.env._("issue parts"))
        for order in self:
            if order.supplement_pending:
                raise UserError(
                    self.env._("Work order %(wo)s: the customer must approve the additional work first.", wo=order.name)
                )
        moves = self.move_ids.filtered(lambda m: m.repair_line_type == "add" and m.state not in ("done", "cancel"))
        moves._as_check_old_part_returned()
        moves._as_check_vehicle_fit()
        self._as_lock_stock(moves)
        moves._action_assign()
        short = moves.filtered(
            lambda m: float_compare(m.quantity, m.product_uom_qty, precision_rounding=m.product_uom.rounding) < 0
        )
        if short:
            parts = ", ".join("%s (%g/%g)" % (m.product_id.display_name, m.quantity, m.product_uom_qty) for m in short)
            raise UserError(
                self.env._(
                    "Not enough stock to issue: %(parts)s. Order the shortage before issuing.",
                    parts=parts,
                )
            )
        moves.picked = True
        self._as_receive_old_parts()
        self._as_workflow_write({"parts_issued_date": fields.Datetime.now()})
        return self._as_parts_issued_notification(moves)

    def _as_lock_stock(self, moves):
        """Lock the stock the moves reserve from before reserving (see ``tools/stock_lock.py``): two technicians
        issuing the last unit at once run one after the other, the second gets "Not enough stock"."""
        if moves:
            lock_quants(self.env, moves.product_id, moves.location_id)

    def _as_receive_old_parts(self):
        """Old in, new out: the removed parts recorded on the orders are moved from the vehicle to the
        Old Parts location (done, without stock value), where the old-part ledger takes them up."""
        removed = self.move_ids.filtered(
            lambda m: m.repair_line_type in ("remove", "recycle") and m.state not in ("done", "cancel")
        )
        if not removed:
            return
        # Safe: called by the issue and close steps after their checks; the moves are the order's own
        # removed parts, taken into the old-parts location, which technicians may not validate themselves.
        removed = removed.sudo()
        removed.filtered(lambda m: m.state == "draft")._action_confirm()
        removed._action_assign()
        for move in removed:
            if float_compare(move.quantity, move.product_uom_qty, precision_rounding=move.product_uom.rounding) < 0:
                move.quantity = move.product_uom_qty
        removed.picked = True
        removed._action_done()

    def _as_unissued_parts(self):
        """Parts of the orders not (fully) issued to the technician: they would not be consumed."""
        return self.move_ids.filtered(
            lambda m: m.repair_line_type == "add"
            and m.state not in ("done", "cancel")
            and (
                not m.picked
                or float_compare(m.quantity, m.product_uom_qty, precision_rounding=m.product_uom.rounding) < 0
            )
        )

    def _ensure_parts_issued(self):
        for order in self:
            if order.supplement_pending:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s: additional work is waiting for the customer's approval.", wo=order.name
                    )
                )
            unissued = order._as_unissued_parts()
            if unissued:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s cannot be closed: parts %(parts)s are not issued. Issue them "
                        "(Issue Parts) or remove them from the order first.",
                        wo=order.name,
                        parts=", ".join(
                            "%s (%g/%g)" % (m.product_id.display_name, m.quantity if m.picked else 0, m.product_uom_qty)
                            for m in unissued
                        ),
                    )
                )

    def _ensure_internal_cost_accounts(self):
        """The cost of internal parts is charged to the internal analytic account when they are consumed."""
        for order in self:
            internal = order.move_ids.filtered(lambda m: m._as_is_internal_part() and m.state != "cancel")
            if internal and not order.company_id.as_internal_analytic_account_id:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s has internal lines: set the internal work analytic account in "
                        "After-Sales settings.",
                        wo=order.name,
                    )
                )

    def action_request_quality_check(self):
        self._check_stage("in_progress")
        for order in self:
            order._check_person(order.technician_ids | order.team_id.leader_id, self.env._("finish the work"))
        self._ensure_parts_issued()
        return self._set_stage("quality_check", next_progress_check=False)

    def _record_check(self, check_type, result, reason=False):
        self._check_stage("quality_check")
        if check_type == "final":
            self._check_group("aftersales_base.group_aftersales_inspector", self.env._("make the final inspection"))
        elif check_type == "mutual":
            self._check_group("aftersales_base.group_aftersales_team_leader", self.env._("make the mutual check"))
        for order in self:
            if check_type == "self":
                order._check_person(order.technician_ids, self.env._("make the self-check"))
            done = order.check_ids.filtered(lambda c: c.round == order.rework_count and c.result == "pass")
            expected = next((t for t in CHECK_ORDER if t not in done.mapped("check_type")), None)
            if result == "pass" and check_type != expected:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s: the checks are made in order (self, mutual, final inspection).",
                        wo=order.name,
                    )
                )
            if self.env.user in done.user_id:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s: each of the three checks is made by a different person.", wo=order.name
                    )
                )
            self.env["aftersales.work.check"]._as_workflow_create(
                {
                    "repair_id": order.id,
                    "check_type": check_type,
                    "result": result,
                    "reason": reason,
                    "round": order.rework_count,
                }
            )
        return True

    def action_check_pass(self):
        check_type = self.env.context.get("check_type")
        if check_type not in CHECK_ORDER:
            raise UserError(self.env._("Unknown quality check."))
        self._record_check(check_type, "pass")
        finished = self.filtered(
            lambda o: set(
                o.check_ids.filtered(lambda c: c.round == o.rework_count and c.result == "pass").mapped("check_type")
            )
            >= set(CHECK_ORDER)
        )
        finished._ensure_parts_issued()
        washing = finished.filtered(lambda o: o.company_id.as_washing_enabled)
        if washing:
            washing._set_stage("washing")
        (finished - washing)._finish_work()
        return True

    def action_check_fail(self, reason):
        """A failed check sends the order back to work: internal rework."""
        if not reason:
            raise UserError(self.env._("Give the reason why the check failed."))
        check_type = self.env.context.get("check_type", "final")
        self._record_check(check_type, "fail", reason)
        for order in self:
            order._as_workflow_write({"rework_count": order.rework_count + 1})
            order.message_post(
                body=self.env._("Quality check failed, back to work (internal rework): %(reason)s", reason=reason)
            )
        return self._set_stage("in_progress")

    def action_wash_done(self):
        self._check_stage("washing")
        self._check_group("aftersales_base.group_aftersales_user", self.env._("finish the washing"))
        return self._finish_work()

    def _finish_work(self):
        """Work is finished: the issued parts are consumed (and valued) by repair itself, the removed
        old parts are in the Old Parts location. Nothing that was not issued is consumed or dropped."""
        self._ensure_parts_issued()
        self._ensure_internal_cost_accounts()
        self._as_receive_old_parts()
        self._flow().action_repair_end()
        for order in self.filtered(lambda o: o.state != "done"):
            order._flow().action_repair_done()
        return self._set_stage("ready", ready_date=fields.Datetime.now())

    def action_settle(self):
        """Settlement: customer lines on repair's sale order and invoice, insurance lines to the insurer."""
        self._check_stage("ready")
        self._check_group("aftersales_base.group_aftersales_advisor", self.env._("settle"))
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(self.env._("You are not allowed to invoice."))
        for order in self:
            order._settle_customer_lines()
            order._settle_insurance_lines()
            order._settle_internal_lines()
            order.message_post(body=self.env._("Settled."))
        return True

    @api.depends("partner_id.commercial_partner_id.membership_level", "company_id")
    def _compute_membership_programs(self):
        today = fields.Date.context_today(self)
        Program = self.env["loyalty.program"].sudo()
        for order in self:
            level = order.membership_level
            programs = Program
            if level and level != "none":
                programs = Program.search(
                    [
                        ("as_membership_level", "=", level),
                        ("sale_ok", "=", True),
                        *Program._check_company_domain(order.company_id),
                        "|",
                        ("date_from", "=", False),
                        ("date_from", "<=", today),
                        "|",
                        ("date_to", "=", False),
                        ("date_to", ">=", today),
                    ]
                )
            order.membership_programs = ", ".join(programs.mapped("name"))

    def _customer_labour(self):
        return self.labour_line_ids.filtered(lambda line: line.payer == "customer")

    def _settle_customer_lines(self):
        self.ensure_one()
        parts = self.move_ids.filtered(lambda m: m.payer == "customer" and m.repair_line_type == "add")
        labour = self._customer_labour().filtered(lambda line: not line.sale_line_id)
        if not parts and not labour and not self.sale_order_id:
            return
        if not self.sale_order_id:
            self._flow().action_create_sale_order()
        order = self.sale_order_id
        for line in labour:
            sale_line = self.env["sale.order.line"].create(line._prepare_sale_line_vals(order))
            line._as_workflow_write({"sale_line_id": sale_line.id})
        if order.state in ("draft", "sent"):
            order._as_apply_membership_rewards()
            order.action_confirm()
        if order.invoice_status == "to invoice":
            order._create_invoices()

    def _settle_insurance_lines(self):
        self.ensure_one()
        parts = self.move_ids.filtered(lambda m: m.payer == "insurance" and m.repair_line_type == "add" and m.quantity)
        labour = self.labour_line_ids.filtered(lambda line: line.payer == "insurance")
        if self.insurance_invoice_id or not (parts or labour):
            return
        if not self.insurer_id:
            raise UserError(self.env._("Work order %(wo)s: set the insurer to invoice insurance lines.", wo=self.name))
        lines = [
            Command.create({"product_id": m.product_id.id, "quantity": m.quantity, "price_unit": m.as_sale_price})
            for m in parts
        ]
        lines += [
            Command.create(
                {
                    "product_id": line._labour_product().id,
                    "name": line.name,
                    "quantity": line.hours,
                    "price_unit": line.price_unit,
                }
            )
            for line in labour
        ]
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.insurer_id.id,
                "company_id": self.company_id.id,
                "invoice_origin": self.name,
                "ref": self.damage_report_ref,
                "invoice_line_ids": lines,
            }
        )
        self._as_workflow_write({"insurance_invoice_id": invoice.id})

    def _settle_internal_lines(self):
        """Internal lines are charged, at cost for parts and at rate for labour, to the internal account.

        Parts valued in real time were charged when they were consumed, by their stock valuation entry
        (expense account and internal analytic account); the others are charged here at cost."""
        self.ensure_one()
        parts = self.move_ids.filtered(
            lambda m: m._as_is_internal_part() and m.state == "done" and m.quantity and not m.account_move_ids
        )
        labour = self.labour_line_ids.filtered(lambda line: line.payer == "internal")
        if self.internal_analytic_line_ids.filtered(lambda line: not line.move_line_id) or not (parts or labour):
            return
        account = self.company_id.as_internal_analytic_account_id
        if not account:
            raise UserError(
                self.env._(
                    "Work order %(wo)s has internal lines: set the internal work analytic account in After-Sales "
                    "settings.",
                    wo=self.name,
                )
            )
        common = {
            "account_id": account.id,
            "company_id": self.company_id.id,
            "as_repair_id": self.id,
            "date": fields.Date.context_today(self),
        }
        vals = [
            dict(
                common,
                name=f"{self.name}: {m.product_id.display_name}",
                product_id=m.product_id.id,
                unit_amount=m.quantity,
                amount=-m.product_id.standard_price * m.quantity,
            )
            for m in parts
        ] + [
            dict(common, name=f"{self.name}: {line.name}", unit_amount=line.hours, amount=-line.price_subtotal)
            for line in labour
        ]
        self.env["account.analytic.line"].create(vals)

    def action_approve_credit(self):
        self._check_group("aftersales_base.group_aftersales_manager", self.env._("approve credit"))
        self._check_stage("ready")
        self._as_workflow_write({"credit_approved_by_id": self.env.uid})
        for order in self:
            order.message_post(body=self.env._("Credit approved: the vehicle may leave before payment."))
        return True

    def _customer_paid(self):
        """The customer's invoices are posted and paid (先收款后交车), or nothing is due."""
        self.ensure_one()
        if not self.amount_customer:
            return True
        invoices = self.sale_order_id.invoice_ids.filtered(lambda m: m.move_type == "out_invoice")
        return (
            bool(invoices)
            and all(inv.state == "posted" and inv.payment_state in ("paid", "in_payment") for inv in invoices)
            and (self.sale_order_id.invoice_status == "invoiced")
        )

    def action_deliver(self):
        self._check_stage("ready")
        self._check_group("aftersales_base.group_aftersales_advisor", self.env._("deliver the vehicle"))
        for order in self:
            if not order.credit_approved_by_id and not order._customer_paid():
                raise UserError(
                    self.env._(
                        "Work order %(wo)s: the customer's invoice must be paid (or credit approved by a manager) "
                        "before the vehicle is delivered.",
                        wo=order.name,
                    )
                )
            if not order.insurance_papers_complete:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s: the insurance papers (insurer, policy, damage report, details form) are "
                        "not complete; the vehicle cannot be released.",
                        wo=order.name,
                    )
                )
        self._set_stage("delivered", delivered_date=fields.Datetime.now())
        # The archive reminder is the system's follow-up of the visit, assigned to the archive's
        # responsible: the advisor delivering the car need not have the right to edit contacts.
        self.partner_id.sudo()._schedule_archive_activities()
        return True

    def action_cancel_order(self):
        self._check_group("aftersales_base.group_aftersales_advisor", self.env._("cancel"))
        approved = self.filtered("estimate_approved")
        if approved:
            self._check_group("aftersales_base.group_aftersales_manager", self.env._("cancel an approved order"))
        self._check_stage(*[s for s, _label in SERVICE_STAGES if s not in ("delivered", "cancelled", "ready")])
        self._flow().action_repair_cancel()
        return self._set_stage("cancelled")

    # Repair's own buttons must not skip the service steps of a workshop order, whatever the
    # context says: only the steps (through _flow(), i.e. sudo) run them.
    def _check_flow(self):
        if not self.env.su and self.filtered("vehicle_id"):
            raise UserError(self.env._("Work orders of the workshop follow the service steps; use the stage buttons."))

    def action_validate(self):
        self._check_flow()
        return super().action_validate()

    def action_repair_start(self):
        self._check_flow()
        return super().action_repair_start()

    def action_repair_end(self):
        self._check_flow()
        return super().action_repair_end()

    def action_repair_done(self):
        self._check_flow()
        return super().action_repair_done()

    def action_repair_cancel(self):
        self._check_flow()
        return super().action_repair_cancel()

    def action_repair_cancel_draft(self):
        self._check_flow()
        return super().action_repair_cancel_draft()

    def action_create_sale_order(self):
        self._check_flow()
        return super().action_create_sale_order()

    # ------------------------------------------------------------- crons
    @api.model
    def _cron_progress_reminder(self, batch_size=None):
        """Remind the advisor to check progress and inform the customer (every N minutes), in batches."""
        now = fields.Datetime.now()
        domain = [("service_stage", "=", "in_progress"), ("next_progress_check", "<=", now)]
        activity_type = self.env.ref("mail.mail_activity_data_todo")

        def step(limit):
            due = self.search(domain, limit=limit, order="id")
            for order in due:
                minutes = order.company_id.as_progress_reminder_minutes or 30
                order.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Check progress and inform the customer"),
                    user_id=order.user_id.id or self.env.uid,
                )
                # the reminded order leaves the domain: a resumed run does not remind it twice
                order._as_workflow_write({"next_progress_check": now + timedelta(minutes=minutes)})
            return len(due), self.search_count(domain)

        return run_cron_batches(self.env, step, batch_size)

    # ---------------------------------------------------------------- demo
    def _as_demo_sign(self):
        """Demo data: the customer signs the reception copy and approves the estimate."""
        signature = self.env.ref("aftersales_base.demo_signature").datas
        for order in self:
            order.write(
                {
                    "customer_signature": signature,
                    "customer_signed_by": order.partner_id.name,
                    "estimate_approved_by": order.partner_id.name,
                    "estimate_signature": signature,
                }
            )

    def _as_demo_post_invoices(self):
        """Demo data: the cashier posts the settlement invoices and takes the customer's payment."""
        invoices = (self.sale_order_id.invoice_ids | self.insurance_invoice_id).filtered(lambda m: m.state == "draft")
        invoices.action_post()
        customer = self.sale_order_id.invoice_ids.filtered(lambda m: m.payment_state == "not_paid")
        if customer:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=customer.ids
            ).create({})._create_payments()

    # ---------------------------------------------------------- smart buttons
    def action_view_vehicle(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "fleet.vehicle",
            "res_id": self.vehicle_id.id,
            "view_mode": "form",
            "views": [(self.env.ref("aftersales_base.fleet_vehicle_view_form_aftersales").id, "form")],
        }
