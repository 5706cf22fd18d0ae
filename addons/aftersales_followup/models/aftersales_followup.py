from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches
from odoo.exceptions import UserError
from odoo.tools import create_index

from .tools import bulk_sequence_names

# the calls the escalation cron may still escalate (not escalated yet, in a state _late_domain can select), as SQL
TO_ESCALATE = "(escalated_late IS NULL OR escalated_late = FALSE) AND state IN ('planned', 'escalated', 'solved')"

CLERK = "aftersales_followup.group_aftersales_followup_clerk"
SUPERVISOR = "aftersales_followup.group_aftersales_followup_supervisor"
MANAGER = "aftersales_followup.group_aftersales_aftersales_manager"

CALL_TYPES = [
    ("first", "First Call After Delivery"),
    ("second", "Second Call After Delivery"),
    ("visit", "After a Business Visit"),
    ("consultation", "After a Consultation"),
    ("reminder", "Maintenance Reminder"),
    ("winback", "Win-back (Lost Customer)"),
    ("campaign", "Campaign Invitation"),
    ("inbound_enquiry", "Inbound Enquiry"),
    ("inbound_complaint", "Inbound Complaint"),
    ("hotline", "Hotline Call"),
]
INBOUND_TYPES = ("inbound_enquiry", "inbound_complaint", "hotline")
OPINIONS = [
    ("very_satisfied", "Very Satisfied"),
    ("satisfied", "Satisfied"),
    ("neutral", "Neutral"),
    ("dissatisfied", "Dissatisfied"),
    ("very_dissatisfied", "Very Dissatisfied"),
]


class AftersalesFollowup(models.Model):
    _name = "aftersales.followup"
    _description = "Follow-up Call"
    _inherit = ["aftersales.followup.workflow", "mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id"
    _check_company_auto = True
    _as_workflow_fields = (
        "state",
        "attempt_count",
        "reached",
        "call_date",
        "supervisor_id",
        "escalation_deadline",
        "solution_date",
        "customer_told_date",
        "escalated_late",
    )

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, readonly=True
    )
    call_type = fields.Selection(CALL_TYPES, required=True, default="consultation", tracking=True, index=True)
    direction = fields.Selection(
        [("outbound", "Outbound"), ("inbound", "Inbound")],
        compute="_compute_direction",
        store=True,
        readonly=False,
        precompute=True,
    )
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("sms", "SMS"),
            ("wechat", "WeChat"),
            ("email", "E-mail"),
            ("fax", "Fax"),
            ("letter", "Letter"),
            ("visit", "Visit"),
        ],
        default="phone",
        required=True,
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Done"),
            ("unreached", "Unreached"),
            ("escalated", "With Supervisor"),
            ("solved", "Solution Found"),
            ("closed", "Customer Told"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True, tracking=True)
    phone = fields.Char(related="partner_id.phone")
    mobile = fields.Char(related="partner_id.mobile")
    vehicle_id = fields.Many2one("fleet.vehicle", index="btree_not_null", check_company=True)
    license_plate = fields.Char(related="vehicle_id.license_plate", string="Plate")
    repair_id = fields.Many2one("repair.order", string="Work Order", index="btree_not_null", check_company=True)
    advisor_id = fields.Many2one(related="repair_id.user_id", string="Service Advisor", store=True)
    previous_id = fields.Many2one("aftersales.followup", string="Previous Call", index="btree_not_null", copy=False)
    campaign_id = fields.Many2one(
        "aftersales.campaign",
        string="Customer Care Campaign",
        index="btree_not_null",
        check_company=True,
        ondelete="cascade",
    )
    complaint_id = fields.Many2one("aftersales.complaint", copy=False, check_company=True)
    user_id = fields.Many2one(
        "res.users", string="Clerk", default=lambda self: self.env.user, tracking=True, index=True
    )
    supervisor_id = fields.Many2one("res.users", tracking=True)
    date_from = fields.Date(string="Call From", default=fields.Date.context_today)
    date_deadline = fields.Date(string="Call By", default=fields.Date.context_today, index=True, tracking=True)
    next_attempt_date = fields.Date(string="Next Attempt")
    call_date = fields.Datetime(string="Called On", copy=False)
    attempt_count = fields.Integer(string="Attempts", copy=False)
    reached = fields.Boolean(copy=False)
    # What was said
    vehicle_condition = fields.Text()
    service_opinion = fields.Selection(OPINIONS, string="Opinion of the Service")
    opinion_note = fields.Text(string="Customer's Words")
    new_needs = fields.Text()
    tips_given = fields.Text(string="Usage Tips Given")
    subject = fields.Char(help="What the customer asked about (inbound calls).")
    answer = fields.Text(help="Answer given on the call.")
    open_issue = fields.Text(string="Unsolved Issue", help="What could not be solved on the call.")
    escalation_deadline = fields.Date(string="Supervisor By", copy=False, index=True, tracking=True)
    solution = fields.Text(copy=False)
    solution_date = fields.Date(string="Solution Found On", copy=False)
    customer_told_date = fields.Date(string="Customer Told On", copy=False)
    responded = fields.Boolean(string="Will Come", help="Campaign or reminder: the customer accepted the invitation.")
    letter_needed = fields.Boolean()
    letter_ids = fields.One2many("aftersales.letter", "followup_id", string="Letters")
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late", string="Late")
    escalated_late = fields.Boolean(string="Escalated as Late", copy=False, index=True)
    note = fields.Html()

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The reference of a follow-up call must be unique."),
    ]

    def init(self):
        res = super().init()
        # The escalation cron's batches: the open calls not escalated yet (a few thousand), not every call of
        # the past years; its domain (_late_domain) implies this predicate.
        create_index(
            self.env.cr,
            "aftersales_followup_to_escalate_index",
            self._table,
            ["id"],
            where=TO_ESCALATE,
        )
        return res

    @api.depends("call_type")
    def _compute_direction(self):
        for call in self:
            call.direction = "inbound" if call.call_type in INBOUND_TYPES else "outbound"

    def _late_domain(self):
        today = fields.Date.context_today(self)
        return [
            "|",
            "|",
            "&",
            ("state", "=", "planned"),
            ("date_deadline", "<", today),
            "&",
            ("state", "=", "escalated"),
            ("escalation_deadline", "<", today),
            "&",
            ("state", "=", "solved"),
            ("solution_date", "<", today),
        ]

    def _compute_is_late(self):
        late = self.filtered_domain(self._late_domain()) if self.ids else self.browse()
        for call in self:
            call.is_late = call in late

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        positive = (operator == "=") == value
        return self._late_domain() if positive else ["!", *self._late_domain()]

    @api.model_create_multi
    def create(self, vals_list):
        todo = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        for vals, name in zip(todo, bulk_sequence_names(self.env, "aftersales.followup", len(todo)), strict=True):
            vals["name"] = name
        return super().create(vals_list)

    def write(self, vals):
        self._ensure_handover(vals, "user_id", SUPERVISOR)
        return super().write(vals)

    # ---------------------------------------------------------------- actions
    def _check_state(self, *allowed):
        for call in self:
            if call.state not in allowed:
                raise UserError(
                    self.env._(
                        "Follow-up call %(call)s is %(state)s; this step needs it %(allowed)s.",
                        call=call.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[call.state],
                        allowed=" / ".join(
                            dict(self._fields["state"]._description_selection(self.env))[s] for s in allowed
                        ),
                    )
                )

    def _ensure_clerk_step(self, step, *states):
        """A clerk's step: the call is at one of ``states`` and the caller is its clerk (or a supervisor)."""
        self._check_state(*states)
        self._ensure_group(step, CLERK)
        self._ensure_person("user_id", step, SUPERVISOR)

    def action_not_reached(self):
        """Log an attempt that did not reach the customer; retry later or give up after the last attempt."""
        self._ensure_clerk_step(self.env._("log the call"), "planned")
        today = fields.Date.context_today(self)
        for call in self:
            company = call.company_id
            attempts = call.attempt_count + 1
            vals = {"attempt_count": attempts, "reached": False, "call_date": fields.Datetime.now()}
            if attempts >= company.as_followup_max_attempts:
                vals["state"] = "unreached"
            else:
                vals["next_attempt_date"] = today + timedelta(days=company.as_followup_retry_days)
                vals["date_deadline"] = max(call.date_deadline or today, vals["next_attempt_date"])
            call._as_workflow_write(vals)
            call.message_post(
                body=self.env._("Attempt %(n)s: customer not reached.", n=attempts), subtype_xmlid="mail.mt_note"
            )
        return True

    def action_log_call(self):
        """The customer was reached: close the call, or hand the open issue to the supervisor."""
        self._ensure_clerk_step(self.env._("log the call"), "planned")
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        with_issue = self.filtered("open_issue")
        for call in self - with_issue:
            call._as_workflow_write(
                {"state": "done", "reached": True, "call_date": now, "attempt_count": call.attempt_count + 1}
            )
        for call in with_issue:
            supervisor = call._get_supervisor()
            # Reported to the supervisor within N working days (the company's working calendar).
            deadline = call.company_id._as_add_working_days(today, call.company_id.as_followup_escalation_days)
            call._as_workflow_write(
                {
                    "state": "escalated",
                    "reached": True,
                    "call_date": now,
                    "attempt_count": call.attempt_count + 1,
                    "supervisor_id": supervisor.id,
                    "escalation_deadline": deadline,
                }
            )
            call.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=deadline,
                summary=self.env._("Unsolved follow-up issue"),
                note=call.open_issue,
                user_id=supervisor.id,
            )
        self._schedule_second_calls()
        self._create_campaign_letters()
        return True

    def action_solve(self):
        """The supervisor found the solution: the clerk must tell the customer the same day."""
        self._check_state("escalated")
        step = self.env._("record the solution of an escalated issue")
        self._ensure_group(step, SUPERVISOR)
        self._ensure_person("supervisor_id", step, MANAGER)
        for call in self:
            if not call.solution:
                raise UserError(
                    self.env._("Follow-up call %(call)s: write the solution before marking it found.", call=call.name)
                )
        today = fields.Date.context_today(self)
        self._as_workflow_write({"state": "solved", "solution_date": today})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for call in self:
            call.activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=today,
                summary=self.env._("Tell the customer the solution today"),
                note=call.solution,
                user_id=call.user_id.id or self.env.uid,
            )
        return True

    def action_customer_told(self):
        self._ensure_clerk_step(self.env._("tell the customer"), "solved")
        self._as_workflow_write({"state": "closed", "customer_told_date": fields.Date.context_today(self)})
        self.activity_feedback(["mail.mail_activity_data_call"])
        return True

    def action_cancel(self):
        self._ensure_clerk_step(self.env._("cancel the call"), "planned", "unreached")
        self._as_workflow_write({"state": "cancelled"})
        return True

    def action_reset(self):
        self._ensure_clerk_step(self.env._("plan the call again"), "cancelled", "unreached")
        self._as_workflow_write({"state": "planned", "attempt_count": 0})
        return True

    def action_create_complaint(self):
        """Turn an inbound complaint or hotline call into a complaint (pending customer ticket)."""
        self.ensure_one()
        self._ensure_group(self.env._("register a complaint"), CLERK)
        if self.complaint_id:
            raise UserError(
                self.env._(
                    "Follow-up call %(call)s already has complaint %(c)s.", call=self.name, c=self.complaint_id.name
                )
            )
        complaint = self.env["aftersales.complaint"].create(self._prepare_complaint_vals())
        self.complaint_id = complaint
        return complaint._get_records_action()

    def _prepare_complaint_vals(self):
        return {
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "repair_id": self.repair_id.id,
            "followup_id": self.id,
            "source": "hotline" if self.call_type == "hotline" else "call",
            "description": self.open_issue or self.opinion_note or self.subject or self.name,
        }

    def action_view_complaint(self):
        self.ensure_one()
        return self.complaint_id._get_records_action()

    # --------------------------------------------------------------- business
    def _get_supervisor(self):
        self.ensure_one()
        group = self.env.ref(SUPERVISOR)
        supervisors = group.users.filtered(lambda u: self.company_id in u.company_ids and not u.share)
        return self.supervisor_id or self.company_id.as_followup_supervisor_id or supervisors[:1] or self.env.user

    @api.model
    def _clerk_for(self, company, fallback_user):
        """Who receives a new call: the company's follow-up clerk, else the fallback user (the advisor, the
        campaign's clerk) when that user is a follow-up clerk, else the company's first follow-up clerk;
        a clerk who is away hands it to the stand-in. Never a user without the follow-up menu."""
        group = self.env.ref(CLERK)
        for candidate in (company.as_followup_user_id, fallback_user):
            if candidate and candidate.active and candidate.has_group(CLERK):
                return candidate._as_followup_available_user()
        clerks = group.users.filtered(lambda u: company in u.company_ids and not u.share and u.active)
        clerks = clerks.sorted(lambda u: (u.has_group(SUPERVISOR), u.id))
        return (clerks[:1] or fallback_user)._as_followup_available_user()

    def _schedule_second_calls(self):
        """The second call falls within N days after the week following the first call."""
        firsts = self.filtered(lambda c: c.call_type == "first" and c.reached)
        if not firsts:
            return self.browse()
        existing = self.search([("previous_id", "in", firsts.ids)]).mapped("previous_id")
        vals_list = []
        for call in firsts - existing:
            company = call.company_id
            called = company._as_local_date(call.call_date or fields.Datetime.now())
            start = called + timedelta(days=company.as_second_call_after_days)
            vals_list.append(
                dict(
                    call._prepare_copy_vals(),
                    call_type="second",
                    previous_id=call.id,
                    date_from=start,
                    date_deadline=start + timedelta(days=company.as_second_call_window_days),
                )
            )
        return self.create(vals_list)

    def _prepare_copy_vals(self):
        return {
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "repair_id": self.repair_id.id,
            "user_id": self.user_id._as_followup_available_user().id,
        }

    def _create_campaign_letters(self):
        calls = self.filtered("letter_needed")
        vals_list = [
            {
                "company_id": call.company_id.id,
                "partner_id": call.partner_id.id,
                "followup_id": call.id,
                "campaign_id": call.campaign_id.id,
                "subject": call.campaign_id.name or call.subject or call.name,
                "due_date": fields.Date.context_today(self) + timedelta(days=call.company_id.as_campaign_letter_days),
            }
            for call in calls
            if not call.letter_ids
        ]
        return self.env["aftersales.letter"].create(vals_list)

    # ------------------------------------------------------------------ crons
    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # The escalation cron's to-dos do not make the supervisor follow each late call: the supervisor group
        # reads every call anyway, and following thousands of calls would mail them each call's chatter (and
        # cost 100,000 follower records when the cron catches up on 100,000 late calls). Only the cron's own
        # superuser environment skips it; the supervisor follows a call as soon as they post on it.
        if self.env.su and self.env.context.get("aftersales_escalation_no_follow"):
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    @api.model
    def _as_to_escalate_domain(self):
        """The late calls not escalated yet (within ``TO_ESCALATE``, the predicate of the cron's index)."""
        return [("escalated_late", "=", False), ("is_late", "=", True)]

    @api.model
    def _cron_escalate_late(self, batch_size=None):
        """Planned calls past their window and issues past the supervisor's deadline go to the supervisor.

        Works in batches of ``batch_size`` (the ``aftersales_base.cron_batch_size`` parameter by default): one
        search, one write and one batched activity creation per batch, each batch its own transaction in a cron.
        """
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        group = self.env.ref(SUPERVISOR)
        supervisors = group.users.filtered(lambda u: not u.share)
        today = fields.Date.context_today(self)
        domain = self._as_to_escalate_domain()

        by_company = {}  # the first supervisor of each company, looked up once

        def company_supervisor(company):
            if company not in by_company:
                by_company[company] = supervisors.filtered(lambda u: company in u.company_ids)[:1]
            return by_company[company]

        def step(limit):
            late = self.search(domain, limit=limit, order="id")  # along aftersales_followup_to_escalate_index
            activities = []
            for call in late:
                supervisor = (
                    call.supervisor_id
                    or call.company_id.as_followup_supervisor_id
                    or company_supervisor(call.company_id)
                )
                activities.append(
                    {
                        "res_model_id": model_id,
                        "res_model": self._name,  # given, Odoo does not precompute it record by record
                        "res_id": call.id,
                        "activity_type_id": activity_type.id,
                        "summary": self.env._("Late follow-up call"),
                        "date_deadline": today,
                        "user_id": (supervisor or self.env.user).id,
                        "automated": True,
                    }
                )
            # sudo: a system job's to-dos (see message_subscribe)
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True, aftersales_escalation_no_follow=True
            ).create(activities)
            # mail_notrack: the flag is not tracked (see repair.order._schedule_delivery_followups)
            late.with_context(mail_notrack=True)._as_workflow_write({"escalated_late": True})
            return len(late), self.search_count(domain) if late else 0

        return run_cron_batches(self.env, step, batch_size) or 0
