from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

HANDLERS = (
    "aftersales_followup.group_aftersales_followup_clerk",
    "aftersales_followup.group_aftersales_quality_officer",
)
SUPERVISOR = "aftersales_followup.group_aftersales_followup_supervisor"

STATES = [
    ("received", "Received"),
    ("analysed", "Cause Analysed"),
    ("solved", "Solved, Customer Told"),
    ("tracked", "Tracked"),
    ("closed", "Feedback Collected"),
    ("cancelled", "Cancelled"),
]


class AftersalesComplaint(models.Model):
    _name = "aftersales.complaint"
    _description = "Customer Complaint"
    _inherit = ["aftersales.numbered.mixin", "aftersales.followup.workflow", "mail.thread", "mail.activity.mixin"]
    _order = "is_major desc, date_received desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = (
        "state",
        "solved_date",
        "customer_told_date",
        "tracked_date",
        "closed_date",
        "major_reported_date",
        "receipt_date",
    )

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, readonly=True
    )
    state = fields.Selection(STATES, default="received", required=True, tracking=True, index=True, copy=False)
    source = fields.Selection(
        [
            ("call", "Follow-up / Inbound Call"),
            ("visit", "Visit"),
            ("survey", "Satisfaction Survey"),
            ("hotline", "OEM Hotline"),
            ("letter", "Letter / E-mail / Fax"),
        ],
        default="call",
        required=True,
    )
    is_pending_ticket = fields.Boolean(
        string="Pending Customer Ticket",
        compute="_compute_is_pending_ticket",
        store=True,
        help="A hotline complaint the customer centre could not settle, sent to after-sales.",
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True, tracking=True)
    service_center_id = fields.Many2one(
        "res.partner", string="Service Centre", help="Dealer concerned (OEM hotline tickets)."
    )
    vehicle_id = fields.Many2one("fleet.vehicle", index="btree_not_null", check_company=True)
    vin = fields.Char(related="vehicle_id.vin_sn", string="VIN")
    repair_id = fields.Many2one("repair.order", string="Work Order", index="btree_not_null", check_company=True)
    followup_id = fields.Many2one("aftersales.followup", string="Call", check_company=True)
    survey_input_id = fields.Many2one("survey.user_input", string="Survey Answer", readonly=True)
    quality_info_id = fields.Many2one("aftersales.quality.info", string="Quality Information", check_company=True)
    date_received = fields.Datetime(string="Received On", default=fields.Datetime.now, required=True, index=True)
    description = fields.Text(required=True)
    # Step 2: analysis
    cause_id = fields.Many2one("aftersales.complaint.cause", string="Cause Category", tracking=True)
    cause_analysis = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True, index=True
    )
    date_deadline = fields.Date(
        string="Solve By",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    # Step 3: solution
    solution = fields.Text()
    solved_date = fields.Datetime(readonly=True, copy=False)
    customer_told_date = fields.Datetime(string="Customer Told On", readonly=True, copy=False)
    # Step 4: tracking
    tracking_note = fields.Text(string="Tracking Result")
    tracked_date = fields.Datetime(readonly=True, copy=False)
    # Step 5: feedback
    feedback = fields.Text(string="Customer Feedback")
    satisfaction = fields.Selection(
        [("satisfied", "Satisfied"), ("neutral", "Neutral"), ("dissatisfied", "Dissatisfied")],
        tracking=True,
    )
    closed_date = fields.Datetime(readonly=True, copy=False)
    # Major complaint: task force on site the same day, agreement signed with the customer
    is_major = fields.Boolean(string="Major Complaint", tracking=True)
    taskforce_quality_id = fields.Many2one("res.users", string="Task Force: Quality")
    taskforce_pr_id = fields.Many2one("res.users", string="Task Force: Public Relations")
    taskforce_finance_id = fields.Many2one("res.users", string="Task Force: Finance")
    taskforce_legal_id = fields.Many2one("res.users", string="Task Force: Legal")
    onsite_date = fields.Datetime(string="Task Force On Site", tracking=True, copy=False)
    responsibility = fields.Text(string="Responsibility Assigned")
    agreement = fields.Binary(string="Signed Agreement", attachment=True, copy=False)
    agreement_filename = fields.Char()
    major_reported_date = fields.Datetime(string="Major Report Sent", readonly=True, copy=False)
    # Receipt (OEM hotline): result sent back to the service centre and the customer
    receipt_date = fields.Datetime(string="Receipt Sent", readonly=True, copy=False)
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late", string="Late")
    letter_ids = fields.One2many("aftersales.letter", "complaint_id", string="Letters")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The reference of a complaint must be unique."),
    ]

    @api.depends("source", "state")
    def _compute_is_pending_ticket(self):
        for complaint in self:
            complaint.is_pending_ticket = complaint.source == "hotline" and complaint.state in ("received", "analysed")

    @api.depends("date_received", "company_id")
    def _compute_date_deadline(self):
        for complaint in self:
            received = complaint.date_received or fields.Datetime.now()
            # the day it is received at the dealer (08:00 in Shanghai is still the day before in UTC)
            received_day = complaint.company_id._as_local_date(received)
            complaint.date_deadline = received_day + timedelta(days=complaint.company_id.as_complaint_days)

    def _late_domain(self):
        return [
            ("state", "in", ("received", "analysed")),
            ("date_deadline", "<", fields.Date.context_today(self)),
        ]

    def _compute_is_late(self):
        late = self.filtered_domain(self._late_domain()) if self.ids else self.browse()
        for complaint in self:
            complaint.is_late = complaint in late

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        return self._late_domain() if (operator == "=") == value else ["!", *self._late_domain()]

    def write(self, vals):
        self._ensure_handover(vals, "user_id", SUPERVISOR)
        return super().write(vals)

    # ---------------------------------------------------------------- actions
    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env))[state]

    def _check_state(self, *allowed):
        """The complaint is at one of the steps ``allowed`` and the caller may move it on: a follow-up clerk
        or quality officer, the complaint's responsible (a supervisor for them)."""
        step = self.env._("move the complaint on")
        self._ensure_group(step, *HANDLERS)
        self._ensure_person("user_id", step, SUPERVISOR)
        for complaint in self:
            if complaint.state not in allowed:
                raise UserError(
                    self.env._(
                        "Complaint %(c)s is at step %(state)s; this step needs %(allowed)s.",
                        c=complaint.name,
                        state=complaint._state_label(complaint.state),
                        allowed=" / ".join(complaint._state_label(s) for s in allowed),
                    )
                )

    def _require(self, field_names, step):
        for complaint in self:
            missing = [
                complaint._fields[f].get_description(self.env)["string"] for f in field_names if not complaint[f]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Complaint %(c)s cannot be %(step)s: fill in %(fields)s first.",
                        c=complaint.name,
                        step=step,
                        fields=", ".join(missing),
                    )
                )

    def action_analyse(self):
        """Step 2: the cause is analysed and a category chosen, so that recurrences can be prevented."""
        self._check_state("received")
        self._require(["cause_id", "cause_analysis", "user_id"], self.env._("analysed"))
        self._as_workflow_write({"state": "analysed"})
        return True

    def action_solve(self):
        """Step 3: solved and the customer told. A major complaint needs its task force on site and the agreement."""
        self._check_state("analysed")
        self._require(["solution"], self.env._("solved"))
        for complaint in self.filtered("is_major"):
            complaint._check_major_ready()
        now = fields.Datetime.now()
        self._as_workflow_write({"state": "solved", "solved_date": now, "customer_told_date": now})
        for complaint in self:
            complaint.message_post(
                body=self.env._("Solution told to the customer: %(s)s", s=complaint.solution),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _check_major_ready(self):
        self.ensure_one()
        self._require(
            [
                "taskforce_quality_id",
                "taskforce_pr_id",
                "taskforce_finance_id",
                "taskforce_legal_id",
                "onsite_date",
                "responsibility",
                "agreement",
            ],
            self.env._("solved as a major complaint"),
        )
        received, onsite = (self.company_id._as_local_date(when) for when in (self.date_received, self.onsite_date))
        if onsite != received:
            raise UserError(
                self.env._(
                    "Major complaint %(c)s: the task force must be on site the day the complaint is received "
                    "(%(received)s), not on %(onsite)s.",
                    c=self.name,
                    received=fields.Date.to_string(received),
                    onsite=fields.Date.to_string(onsite),
                )
            )

    def action_track(self):
        """Step 4: the result is tracked (the customer's vehicle and satisfaction after the solution)."""
        self._check_state("solved")
        self._require(["tracking_note"], self.env._("tracked"))
        self._as_workflow_write({"state": "tracked", "tracked_date": fields.Datetime.now()})
        return True

    def action_close(self):
        """Step 5: closing needs the customer's feedback and satisfaction."""
        self._check_state("tracked")
        for complaint in self:
            if not complaint.feedback or not complaint.satisfaction:
                raise UserError(
                    self.env._(
                        "Complaint %(c)s cannot be closed without the customer's feedback and satisfaction.",
                        c=complaint.name,
                    )
                )
        self._as_workflow_write({"state": "closed", "closed_date": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self._check_state("received", "analysed")
        self._as_workflow_write({"state": "cancelled"})
        return True

    def action_form_taskforce(self):
        """Major complaint: name the task force (quality, PR, finance, legal); each gets an activity due today."""
        self.ensure_one()
        self._ensure_group(self.env._("form the task force of"), *HANDLERS)
        self._require(
            ["taskforce_quality_id", "taskforce_pr_id", "taskforce_finance_id", "taskforce_legal_id"],
            self.env._("handled by a task force"),
        )
        today = fields.Date.context_today(self)
        members = self.taskforce_quality_id | self.taskforce_pr_id | self.taskforce_finance_id | self.taskforce_legal_id
        self.is_major = True
        for member in members:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today,
                summary=self.env._("Major complaint: be on site today"),
                user_id=member.id,
            )
        self.message_subscribe(partner_ids=members.partner_id.ids)
        return True

    def action_report_major(self):
        """Major complaint report (重大投诉报告单) to after-sales, passed on to QA and management."""
        self._ensure_group(self.env._("report the major complaint"), *HANDLERS)
        self._require(["description"], self.env._("reported"))
        groups = self.env.ref("aftersales_followup.group_aftersales_quality_assurance") | self.env.ref(
            "aftersales_followup.group_aftersales_aftersales_manager"
        )
        today = fields.Date.context_today(self)
        for complaint in self:
            users = groups.users.filtered(lambda u, c=complaint.company_id: c in u.company_ids and not u.share)
            for user in users:
                complaint.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=today,
                    summary=self.env._("Major complaint report %(c)s", c=complaint.name),
                    user_id=user.id,
                )
            complaint.message_subscribe(partner_ids=users.partner_id.ids)
        self.write({"is_major": True})
        self._as_workflow_write({"major_reported_date": fields.Datetime.now()})
        return self.env.ref("aftersales_followup.action_report_major_complaint").report_action(self)

    def action_report_quality_info(self):
        """A complaint about the product becomes quality information for the OEM, traceable to the VIN."""
        self.ensure_one()
        self._ensure_group(self.env._("report quality information of"), HANDLERS[1])
        if self.quality_info_id:
            raise UserError(
                self.env._(
                    "Complaint %(c)s is already reported as quality information %(q)s.",
                    c=self.name,
                    q=self.quality_info_id.name,
                )
            )
        info = self.env["aftersales.quality.info"].create(self._prepare_quality_info_vals())
        self.quality_info_id = info
        return info._get_records_action()

    def _prepare_quality_info_vals(self):
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "partner_id": (self.service_center_id or self.company_id.partner_id).id,
            "customer_id": self.partner_id.id,
            "source": "hotline" if self.source == "hotline" else "customer",
            "info_type": "major" if self.is_major else "important",
            "title": self.cause_id.name or self.name,
            "description": self.description,
            "vin": self.vin,
            "vehicle_model_id": self.vehicle_id.model_id.id,
            "mileage": self.vehicle_id.odometer,
            "complaint_id": self.id,
        }

    def action_send_receipt(self):
        """Send the result back (receipt) to the service centre and the customer."""
        self._check_state("solved", "tracked", "closed")
        for complaint in self:
            partners = complaint.partner_id | complaint.service_center_id
            complaint.message_post(
                body=self.env._("Receipt of %(c)s: %(solution)s", c=complaint.name, solution=complaint.solution or ""),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_comment",
            )
        self._as_workflow_write({"receipt_date": fields.Datetime.now()})
        return True
