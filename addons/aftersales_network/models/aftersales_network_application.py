from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, email_normalize

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("scoring", "Scoring"),
    ("qualified", "Qualified"),
    ("reserve", "Reserve"),
    ("visit", "Site Visit"),
    ("committee", "Committee"),
    ("approved", "Approved"),
    ("intent", "Letter of Intent"),
    ("orders", "Starter Orders"),
    ("acceptance", "Acceptance"),
    ("rectification", "Rectification"),
    ("contracted", "Contracted"),
    ("cancelled", "Cancelled"),
]
# Where each scoring sheet kind may be confirmed.
EVALUATION_STATES = {"application": ("scoring",), "interview": ("visit",), "acceptance": ("acceptance",)}
# Closed stages: folded in the pipeline kanban, and a candidate may apply again only after a cancellation.
FOLDED_STATES = ("contracted", "cancelled")
CLOSED_STATES = ("contracted", "cancelled")
OFFICER = "aftersales_network.group_aftersales_network_officer"
COMMITTEE = "aftersales_network.group_aftersales_committee_member"
MANAGER = "aftersales_network.group_aftersales_network_manager"


def state_flow_order(sql_expr):
    """SQL ordering the application stages in the flow's order (not the alphabetical order of their codes)."""
    cases = SQL(" ").join(SQL("WHEN %s THEN %s", value, index) for index, (value, _label) in enumerate(STATES))
    return SQL("CASE %s %s END", sql_expr, cases)


class NetworkApplication(models.Model):
    _name = "aftersales.network.application"
    _description = "Network Dealer Application"
    _inherit = [
        "aftersales.workflow.mixin",
        "aftersales.numbered.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    # Written by the workflow buttons only: stage, scoring results, committee decision, letter, contract.
    _as_workflow_fields = (
        "state",
        "state_date",
        "scorecard_id",
        "qualifying_score",
        "application_score",
        "evaluation_count",
        "visit_event_id",
        "interview_scorecard_id",
        "interview_score",
        "committee_decision",
        "intent_id",
        "inspection_count",
        "failed_inspection_count",
        "acceptance_passed",
        "documents_complete",
        "rectification_deadline",
        "contract_number",
        "cancel_reason",
    )

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True, group_expand=True
    )
    state_date = fields.Datetime(
        string="In Stage Since", default=fields.Datetime.now, readonly=True, copy=False, required=True
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Network Officer",
        default=lambda self: self.env.user,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("aftersales_network.group_aftersales_network_officer").id)
        ],
    )
    lead_id = fields.Many2one("crm.lead", check_company=True, index="btree_not_null", copy=False)
    partner_id = fields.Many2one(
        "res.partner", string="Candidate Company", required=True, tracking=True, check_company=True, index=True
    )
    # candidate data
    business_licence_no = fields.Char(string="Business Licence No.", tracking=True)
    legal_representative = fields.Char()
    street = fields.Char()
    city = fields.Char()
    city_id = fields.Many2one(
        "res.city",
        string="City / District",
        domain="[('state_id', '=?', state_id), ('country_id', '=?', country_id)]",
        help="From the country's list of cities (China's: l10n_cn_city); gives the city, postcode and province.",
    )
    country_enforce_cities = fields.Boolean(related="country_id.enforce_cities")
    zip = fields.Char()
    state_id = fields.Many2one(
        "res.country.state", string="Province", domain="[('country_id', '=?', country_id)]", index=True
    )
    country_id = fields.Many2one("res.country", default=lambda self: self.env.ref("base.cn", raise_if_not_found=False))
    phone = fields.Char()
    email = fields.Char()
    site_area = fields.Float(string="Site Area (m²)")
    workshop_area = fields.Float(string="Workshop Area (m²)")
    investment = fields.Monetary(string="Planned Investment", currency_field="currency_id")
    brands_carried = fields.Char()
    staff_count = fields.Integer(string="Staff")
    technician_count = fields.Integer(string="Technicians")
    description = fields.Html(string="Presentation")
    # documents
    document_ids = fields.One2many(
        "aftersales.network.document",
        "application_id",
        string="Documents",
        compute="_compute_document_ids",
        store=True,
        readonly=False,
        precompute=True,
    )
    missing_document_type_ids = fields.Many2many(
        "aftersales.network.document.type", string="Missing Documents", compute="_compute_missing_documents"
    )
    documents_complete = fields.Boolean(
        compute="_compute_documents_complete",
        store=True,
        help="Stored for lists and filters; submission re-checks the live checklist.",
    )
    # scoring
    evaluation_ids = fields.One2many("aftersales.network.evaluation", "application_id", string="Scoring Sheets")
    evaluation_count = fields.Integer(compute="_compute_scores", store=True)
    scorecard_id = fields.Many2one(
        "aftersales.network.scorecard",
        string="Application Scorecard",
        readonly=True,
        copy=False,
        check_company=True,
        help="Scorecard version this application was scored with.",
    )
    # Internal to the OEM (groups=): the candidate reads its stage, not the scores, votes or minutes.
    application_score = fields.Float(
        compute="_compute_scores", store=True, groups="aftersales_network.group_aftersales_network_officer"
    )
    qualifying_score = fields.Float(
        readonly=True,
        copy=False,
        help="Threshold in force when the application was scored.",
        groups="aftersales_network.group_aftersales_network_officer",
    )
    # site visit
    visit_date = fields.Datetime(copy=False)
    visit_event_id = fields.Many2one("calendar.event", string="Site Visit Meeting", readonly=True, copy=False)
    interviewer_ids = fields.Many2many(
        "res.users",
        "aftersales_network_application_interviewer_rel",
        "application_id",
        "user_id",
        string="Interviewers",
    )
    interview_line_ids = fields.One2many(
        "aftersales.network.interview.line", "application_id", string="Interview Outline"
    )
    interview_scorecard_id = fields.Many2one(
        "aftersales.network.scorecard", readonly=True, copy=False, check_company=True
    )
    interview_score = fields.Float(
        compute="_compute_scores",
        store=True,
        help="Average of the interviewers' totals.",
        groups="aftersales_network.group_aftersales_network_officer",
    )
    interview_record = fields.Html(copy=False, groups="aftersales_network.group_aftersales_network_officer")
    # committee
    vote_ids = fields.One2many("aftersales.network.vote", "application_id", string="Votes", copy=False)
    vote_approve_count = fields.Integer(
        compute="_compute_votes", string="Approvals", groups="aftersales_network.group_aftersales_network_officer"
    )
    vote_archive_count = fields.Integer(
        compute="_compute_votes", string="Archive Votes", groups="aftersales_network.group_aftersales_network_officer"
    )
    user_has_voted = fields.Boolean(
        compute="_compute_votes", groups="aftersales_network.group_aftersales_network_officer"
    )
    committee_minutes = fields.Html(copy=False, groups="aftersales_network.group_aftersales_network_officer")
    committee_decision = fields.Selection(
        [("approve", "Approved"), ("archive", "Archived to reserve")], readonly=True, copy=False, tracking=True
    )
    # letter of intent and starter orders
    intent_id = fields.Many2one("aftersales.network.intent", string="Letter of Intent", readonly=True, copy=False)
    intent_state = fields.Selection(related="intent_id.state", string="Letter Status")
    starter_order_ids = fields.One2many("sale.order", "network_application_id", string="Starter Orders")
    starter_order_count = fields.Integer(compute="_compute_starter_delivery")
    starter_delivery_status = fields.Selection(
        [("none", "No order"), ("pending", "Not delivered"), ("partial", "Partially delivered"), ("full", "Delivered")],
        compute="_compute_starter_delivery",
        string="Starter Delivery",
    )
    # acceptance and contract
    inspection_count = fields.Integer(compute="_compute_scores", store=True, string="Inspections")
    failed_inspection_count = fields.Integer(compute="_compute_scores", store=True, string="Failed Inspections")
    acceptance_passed = fields.Boolean(compute="_compute_scores", store=True)
    rectification_deadline = fields.Date(copy=False, tracking=True)
    contract_number = fields.Char(readonly=True, copy=False, tracking=True)
    contract_date_start = fields.Date(string="Contract Start", copy=False)
    contract_date_end = fields.Date(string="Contract End", copy=False)
    service_centre_code = fields.Char(related="partner_id.network_code", string="Service Centre Code")
    cancel_reason = fields.Char(copy=False, tracking=True)
    stage_log_ids = fields.One2many("aftersales.network.stage.log", "application_id", string="Stage History")

    _sql_constraints = [
        ("contract_number_uniq", "unique(contract_number)", "A contract number must be unique."),
    ]

    def init(self):
        # One open application per candidate, also when two submits of the portal form race each other.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS aftersales_network_application_one_open_idx "
                "ON aftersales_network_application (partner_id) WHERE state NOT IN %s",
                CLOSED_STATES,
            )
        )

    # ------------------------------------------------------------------ computes
    @api.depends("company_id")
    def _compute_document_ids(self):
        types = self.env["aftersales.network.document.type"].search([])
        for application in self:
            if application.document_ids:
                continue
            company_types = types.filtered(lambda t, c=application.company_id: not t.company_id or t.company_id == c)
            application.document_ids = [Command.create({"type_id": doc_type.id}) for doc_type in company_types]

    @api.depends("document_ids.is_provided", "document_ids.type_id")
    def _compute_missing_documents(self):
        required = self.env["aftersales.network.document.type"].search([("required", "=", True)])
        for application in self:
            company_required = required.filtered(lambda t, c=application.company_id: t.company_id in (c, c.browse()))
            provided = application.document_ids.filtered("is_provided").type_id
            application.missing_document_type_ids = company_required - provided

    @api.depends("document_ids.is_provided", "document_ids.required")
    def _compute_documents_complete(self):
        for application in self:
            application.documents_complete = all(
                document.is_provided for document in application.document_ids if document.required
            )

    @api.depends(
        "evaluation_ids.state",
        "evaluation_ids.kind",
        "evaluation_ids.total_score",
        "evaluation_ids.passed",
        "evaluation_ids.active",
    )
    def _compute_scores(self):
        for application in self:
            done = application.evaluation_ids.filtered(lambda e: e.state == "done")
            scoring = done.filtered(lambda e: e.kind == "application")
            interviews = done.filtered(lambda e: e.kind == "interview")
            inspections = application.evaluation_ids.filtered(lambda e: e.kind == "acceptance" and e.state != "cancel")
            done_inspections = inspections.filtered(lambda e: e.state == "done")
            application.evaluation_count = len(application.evaluation_ids)
            application.application_score = scoring[:1].total_score if scoring else 0.0
            application.interview_score = sum(interviews.mapped("total_score")) / len(interviews) if interviews else 0.0
            application.inspection_count = len(inspections)
            application.failed_inspection_count = len(done_inspections.filtered(lambda e: not e.passed))
            application.acceptance_passed = any(done_inspections.mapped("passed"))

    @api.depends("vote_ids.decision", "vote_ids.user_id")
    @api.depends_context("uid")
    def _compute_votes(self):
        for application in self:
            application.vote_approve_count = len(application.vote_ids.filtered(lambda v: v.decision == "approve"))
            application.vote_archive_count = len(application.vote_ids.filtered(lambda v: v.decision == "archive"))
            application.user_has_voted = self.env.user in application.vote_ids.user_id

    @api.depends("starter_order_ids.delivery_status", "starter_order_ids.state")
    def _compute_starter_delivery(self):
        for application in self:
            orders = application.starter_order_ids.filtered(lambda o: o.state != "cancel")
            application.starter_order_count = len(orders)
            statuses = set(orders.mapped("delivery_status"))
            if not orders:
                application.starter_delivery_status = "none"
            elif statuses == {"full"}:
                application.starter_delivery_status = "full"
            elif statuses & {"full", "partial", "started"}:
                application.starter_delivery_status = "partial"
            else:
                application.starter_delivery_status = "pending"

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for application in self:
            application.access_url = f"/my/network/{application.id}"
        return res

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._ensure_one_open_application([vals.get("partner_id") for vals in vals_list])
        return super().create([self._city_address(dict(vals)) for vals in vals_list])

    def write(self, vals):
        if vals.get("partner_id"):
            self._ensure_one_open_application([vals["partner_id"]] * len(self), exclude=self)
        return super().write(self._city_address(dict(vals)))

    @api.model
    def _city_address(self, vals):
        """A city of the list brings its name, postcode and province (as on a contact's address)."""
        if vals.get("city_id"):
            city = self.env["res.city"].browse(vals["city_id"])
            vals.setdefault("city", city.name)
            vals.setdefault("zip", city.zipcode or False)
            vals.setdefault("state_id", city.state_id.id)
        return vals

    @api.onchange("city_id")
    def _onchange_city_id(self):
        if self.city_id:
            self.city = self.city_id.name
            self.zip = self.city_id.zipcode or self.zip
            self.state_id = self.city_id.state_id

    @api.constrains("city_id", "state_id")
    def _check_city_in_province(self):
        for application in self:
            city = application.city_id
            if city.state_id and application.state_id and city.state_id != application.state_id:
                raise ValidationError(
                    self.env._(
                        "City %(city)s of %(application)s is not in province %(province)s.",
                        city=city.name,
                        application=application.display_name,
                        province=application.state_id.name,
                    )
                )

    @api.model
    def _ensure_one_open_application(self, partner_ids, exclude=None):
        """A candidate has one open application at a time (the database index holds it under concurrency)."""
        partner_ids = [partner_id for partner_id in partner_ids if partner_id]
        clash = len(set(partner_ids)) < len(partner_ids) and partner_ids
        if not clash:
            domain = [("partner_id", "in", partner_ids), ("state", "not in", CLOSED_STATES)]
            if exclude:
                domain.append(("id", "not in", exclude.ids))
            # sudo: the rule is about every application of the candidate, visible to the caller or not
            clash = self.sudo().search(domain, limit=1).partner_id.ids
        if clash:
            raise ValidationError(
                self.env._(
                    "%(candidate)s already has an application in progress: a candidate has one open application "
                    "at a time.",
                    candidate=self.env["res.partner"].browse(clash[0]).display_name,
                )
            )

    def _as_workflow_field_names(self):
        names = super()._as_workflow_field_names()
        if any(application.state != "draft" for application in self):
            # the candidate and its company are those that were submitted and scored
            names |= {"partner_id", "company_id"}
        if any(application.state in CLOSED_STATES for application in self):
            names |= {"contract_date_start", "contract_date_end"}
        return names

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        if "state" in groupby_terms:
            groupby_terms = dict(groupby_terms, state=state_flow_order(groupby_terms["state"]))
        return super()._read_group_orderby(order, groupby_terms, query)

    @api.model
    def _read_group_fill_results(self, domain, groupby, annoted_aggregates, read_group_result, read_group_order=None):
        result = super()._read_group_fill_results(
            domain, groupby, annoted_aggregates, read_group_result, read_group_order=read_group_order
        )
        if groupby == "state":
            for line in result:
                line["__fold"] = line.get("state") in FOLDED_STATES
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(application.state not in ("draft", "cancelled") for application in self):
            raise UserError(self.env._("Only draft or cancelled applications can be deleted."))

    # ------------------------------------------------------------------ helpers
    def _get_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _check_state(self, allowed, step):
        """Refuse a step when an application is not in one of the allowed states."""
        state_labels = dict(self._fields["state"]._description_selection(self.env))
        for application in self:
            if application.state not in allowed:
                raise UserError(
                    self.env._(
                        "Application %(name)s is in stage %(state)s: %(step)s is only possible from %(allowed)s.",
                        name=application.name,
                        state=state_labels[application.state],
                        step=step,
                        allowed=", ".join(state_labels[s] for s in allowed),
                    )
                )

    def _set_state(self, state):
        """Move to a stage and log how long the previous stage lasted (for the days-per-stage report)."""
        now = fields.Datetime.now()
        # The stage history is written by the workflow only (users read it); the values come from self.
        self.env["aftersales.network.stage.log"]._as_workflow_create(
            [
                {
                    "application_id": application.id,
                    "state": application.state,
                    "date_from": application.state_date,
                    "date_to": now,
                    "days": (now - application.state_date).total_seconds() / 86400.0,
                }
                for application in self
            ]
        )
        self._as_workflow_write({"state": state, "state_date": now})

    def _lose_lead(self, reason_xmlid):
        reason = self.env.ref(reason_xmlid, raise_if_not_found=False)
        # The lead follows its application: a salesman's rule may hide another officer's lead, and the state
        # change was already authorised on the application itself.
        leads = self.sudo().lead_id.filtered("active")
        if leads:
            leads.action_set_lost(lost_reason_id=reason.id if reason else False)

    def _check_evaluation_allowed(self, kind):
        if kind == "application":
            self._check_not_reserve()
        allowed = EVALUATION_STATES.get(kind)
        if allowed:
            step = dict(self.env["aftersales.network.evaluation"]._fields["kind"]._description_selection(self.env))[
                kind
            ]
            self._check_state(allowed, step)

    def _check_group(self, xmlid, step):
        """Refuse a step to a user without the role; a superuser environment is a server-side caller that
        checked access itself (the portal controller, a cron), never an RPC caller."""
        if not self.env.su and not self.env.user.has_group(xmlid):
            raise UserError(
                self.env._(
                    "%(user)s may not perform the %(step)s: it is reserved to the %(group)s role.",
                    user=self.env.user.name,
                    step=step,
                    group=self.env.ref(xmlid).name,
                )
            )

    def _check_not_reserve(self):
        for application in self:
            if application.state == "reserve":
                raise UserError(
                    self.env._(
                        "Application %(name)s is in the reserve pool: re-open it before scoring it again.",
                        name=application.name,
                    )
                )

    def _open_evaluation(self, evaluation):
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.network.evaluation",
            "res_id": evaluation.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------ workflow
    def action_submit(self):
        self._check_group(OFFICER, self.env._("submission"))
        self._check_state(("draft",), self.env._("submission"))
        for application in self:
            if application.missing_document_type_ids:
                raise UserError(
                    self.env._(
                        "Application %(name)s cannot be submitted: required documents are missing (%(documents)s).",
                        name=application.name,
                        documents=", ".join(application.missing_document_type_ids.mapped("name")),
                    )
                )
            for field, label in (("business_licence_no", self.env._("business licence number")),):
                if not application[field]:
                    raise UserError(
                        self.env._(
                            "Application %(name)s cannot be submitted without the %(field)s.",
                            name=application.name,
                            field=label,
                        )
                    )
        self._set_state("submitted")
        for application in self:
            application.message_post(body=self.env._("Application submitted."))
        return True

    def action_start_scoring(self):
        self.ensure_one()
        self._check_group(OFFICER, self.env._("application scoring"))
        self._check_not_reserve()
        self._check_state(("submitted",), self.env._("application scoring"))
        scorecard = self.env["aftersales.network.scorecard"]._get_current("application", self.company_id)
        if not scorecard:
            raise UserError(self.env._("Configure an application scorecard before scoring %(name)s.", name=self.name))
        self._as_workflow_write(
            {"scorecard_id": scorecard.id, "qualifying_score": self.company_id.as_application_threshold}
        )
        self._set_state("scoring")
        evaluation = self.env["aftersales.network.evaluation"].create(
            {"application_id": self.id, "kind": "application", "scorecard_id": scorecard.id}
        )
        return self._open_evaluation(evaluation)

    def action_reopen(self):
        """Take an application out of the reserve pool: it goes back to draft for an update and a new scoring."""
        self._check_group(OFFICER, self.env._("re-opening"))
        self._check_state(("reserve",), self.env._("re-opening"))
        # The old scoring sheets and votes leave the record of the new round (the state was checked above).
        self.evaluation_ids.filtered(lambda e: e.kind in ("application", "interview"))._as_workflow_write(
            {"active": False}
        )
        # sudo: votes are locked workflow records; re-opening (checked above) is the step that clears them.
        self.vote_ids.sudo().unlink()
        self._as_workflow_write({"committee_decision": False, "scorecard_id": False, "interview_scorecard_id": False})
        self._set_state("draft")
        # sudo: see _lose_lead, the lead follows its application.
        lost_leads = self.sudo().with_context(active_test=False).lead_id.filtered(lambda lead: not lead.active)
        if lost_leads:
            lost_leads.action_unarchive()
        for application in self:
            application.message_post(body=self.env._("Application re-opened from the reserve pool."))
        return True

    def action_plan_visit(self):
        self.ensure_one()
        self._check_group(OFFICER, self.env._("site visit planning"))
        self._check_state(("qualified",), self.env._("site visit planning"))
        if not self.interviewer_ids:
            raise UserError(self.env._("Choose the interviewers of the site visit of %(name)s first.", name=self.name))
        start = self.visit_date or fields.Datetime.now() + timedelta(days=7)
        event = self.env["calendar.event"].create(self._prepare_visit_event_vals(start))
        topics = self.env["aftersales.network.interview.topic"].search(
            [("company_id", "in", (False, self.company_id.id))]
        )
        self.write(
            {
                "visit_date": start,
                "interview_line_ids": [Command.clear()]
                + [Command.create({"topic_id": t.id, "name": t.name, "sequence": t.sequence}) for t in topics],
            }
        )
        scorecard = self.env["aftersales.network.scorecard"]._get_current("interview", self.company_id)
        self._as_workflow_write({"visit_event_id": event.id, "interview_scorecard_id": scorecard.id})
        self._set_state("visit")
        return True

    def _prepare_visit_event_vals(self, start):
        self.ensure_one()
        return {
            "name": self.env._("Site visit: %(candidate)s", candidate=self.partner_id.name),
            "start": start,
            "stop": start + timedelta(hours=4),
            "user_id": self.user_id.id or self.env.user.id,
            "partner_ids": [Command.set((self.interviewer_ids.partner_id | self.partner_id).ids)],
            "location": ", ".join(filter(None, [self.street, self.city, self.state_id.name])),
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    def action_score_interview(self):
        self.ensure_one()
        self._check_state(("visit",), self.env._("interview scoring"))
        self._ensure_interviewer(self.env.user)
        evaluation = self.env["aftersales.network.evaluation"].create({"application_id": self.id, "kind": "interview"})
        return self._open_evaluation(evaluation)

    def _ensure_interviewer(self, user):
        self.ensure_one()
        if user not in self.interviewer_ids:
            raise UserError(
                self.env._(
                    "%(user)s is not an interviewer of the site visit of %(name)s: only its interviewers score "
                    "the interview.",
                    user=user.name,
                    name=self.name,
                )
            )

    def action_to_committee(self):
        self._check_group(OFFICER, self.env._("report to the committee"))
        self._check_state(("visit",), self.env._("report to the committee"))
        for application in self:
            interviews = application.evaluation_ids.filtered(lambda e: e.kind == "interview" and e.state == "done")
            if not application.visit_event_id or not interviews:
                raise UserError(
                    self.env._(
                        "Application %(name)s goes to the committee only after the site visit and its interview "
                        "scoring.",
                        name=application.name,
                    )
                )
            if not application.interview_record or application.interview_record == "<p><br></p>":
                raise UserError(
                    self.env._(
                        "Write the interview record of %(name)s before reporting to the committee.",
                        name=application.name,
                    )
                )
        self._set_state("committee")
        return True

    def _vote(self, decision, comment=False):
        self.ensure_one()
        if not self.env.user.has_group(COMMITTEE):
            raise AccessError(
                self.env._(
                    "%(user)s is not a member of the network development committee and cannot vote on %(name)s.",
                    user=self.env.user.name,
                    name=self.name,
                )
            )
        self._check_state(("committee",), self.env._("committee vote"))
        if self.env.user in self.vote_ids.user_id:
            raise UserError(
                self.env._(
                    "%(user)s has already voted on application %(name)s: nobody votes twice.",
                    user=self.env.user.name,
                    name=self.name,
                )
            )
        # The voter is the caller, always: a vote is a locked record only this step creates.
        self.env["aftersales.network.vote"]._as_workflow_create(
            [{"application_id": self.id, "user_id": self.env.user.id, "decision": decision, "comment": comment}]
        )
        return True

    def action_vote_approve(self):
        return self._vote("approve")

    def action_vote_archive(self):
        return self._vote("archive")

    def action_committee_decide(self):
        self.ensure_one()
        self._check_group(MANAGER, self.env._("committee decision"))
        self._check_state(("committee",), self.env._("committee decision"))
        if not self.vote_ids:
            raise UserError(self.env._("No committee member has voted on %(name)s yet.", name=self.name))
        if not self.committee_minutes or self.committee_minutes == "<p><br></p>":
            raise UserError(self.env._("Record the committee minutes of %(name)s first.", name=self.name))
        required = self.company_id.as_committee_min_votes
        if len(self.vote_ids) < required:
            raise UserError(
                self.env._(
                    "Application %(name)s has %(count)s committee votes: the committee decides with at least "
                    "%(required)s votes.",
                    name=self.name,
                    count=len(self.vote_ids),
                    required=required,
                )
            )
        if self.vote_approve_count > self.vote_archive_count:
            self._as_workflow_write({"committee_decision": "approve"})
            self._set_state("approved")
        else:
            self._as_workflow_write({"committee_decision": "archive"})
            self._set_state("reserve")
            self._lose_lead("aftersales_network.crm_lost_reason_reserve")
        return True

    def action_issue_intent(self):
        self.ensure_one()
        self._check_group(OFFICER, self.env._("letter of intent"))
        self._check_state(("approved",), self.env._("letter of intent"))
        intent = self.env["aftersales.network.intent"]._as_workflow_create([self._prepare_intent_vals()])
        self._as_workflow_write({"intent_id": intent.id})
        self._set_state("intent")
        return True

    def _prepare_intent_vals(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        return {
            "application_id": self.id,
            "date": today,
            "valid_until": today + relativedelta(months=6),
            "investment_commitment": self.investment,
            "target_opening_date": today + relativedelta(months=3),
        }

    def action_sign_intent(self, name, signature):
        """The candidate signs its letter of intent (portal); starter orders follow."""
        self.ensure_one()
        self._check_state(("intent",), self.env._("signature of the letter of intent"))
        self._ensure_candidate_signer()
        self.intent_id._sign(name, signature)
        self.message_post(body=self.env._("Letter of intent signed by %(name)s.", name=name))
        self._set_state("orders")
        self.action_generate_starter_orders()
        return True

    def _ensure_candidate_signer(self):
        """Only the candidate signs its letter: a contact of the candidate company, or the portal controller
        (superuser environment) that checked the candidate's access or token."""
        self.ensure_one()
        candidate = self.partner_id.commercial_partner_id
        if not self.env.su and self.env.user.commercial_partner_id != candidate:
            raise AccessError(
                self.env._(
                    "Only %(candidate)s signs the letter of intent of application %(name)s.",
                    candidate=candidate.name,
                    name=self.name,
                )
            )

    def action_generate_starter_orders(self):
        self._check_group(OFFICER, self.env._("starter orders"))
        self._check_state(("orders",), self.env._("starter orders"))
        packages = self.env["aftersales.network.package"].search([("line_ids", "!=", False)])
        # Sale orders are created as the OEM company: the candidate (possibly a portal user) only signed.
        SaleOrder = self.env["sale.order"].sudo()
        for application in self:
            if application.starter_order_ids:
                continue
            company_packages = packages.filtered(lambda p, c=application.company_id: p.company_id in (c, c.browse()))
            orders = SaleOrder.create([package._prepare_sale_order_vals(application) for package in company_packages])
            orders.action_confirm()
        return True

    def action_request_acceptance(self):
        self._check_group(OFFICER, self.env._("acceptance request"))
        self._check_state(("orders",), self.env._("acceptance request"))
        for application in self:
            if application.starter_delivery_status != "full":
                raise UserError(
                    self.env._(
                        "The starter orders of %(name)s are not delivered yet: acceptance comes after delivery.",
                        name=application.name,
                    )
                )
        self._set_state("acceptance")
        return True

    def action_start_inspection(self):
        self.ensure_one()
        self._check_group(OFFICER, self.env._("acceptance inspection"))
        self._check_state(("acceptance",), self.env._("acceptance inspection"))
        limit = self.company_id.as_acceptance_max_inspections
        if self.inspection_count >= limit:
            raise UserError(
                self.env._(
                    "Application %(name)s has already had %(count)s acceptance inspections: no further inspection "
                    "is allowed.",
                    name=self.name,
                    count=self.inspection_count,
                )
            )
        if self.evaluation_ids.filtered(lambda e: e.kind == "acceptance" and e.state == "draft"):
            raise UserError(self.env._("An acceptance inspection of %(name)s is already open.", name=self.name))
        evaluation = self.env["aftersales.network.evaluation"].create({"application_id": self.id, "kind": "acceptance"})
        return self._open_evaluation(evaluation)

    def action_reinspect(self):
        self._check_group(OFFICER, self.env._("re-inspection"))
        self._check_state(("rectification",), self.env._("re-inspection"))
        self._set_state("acceptance")
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=self.env._("Re-inspection requested."))
        return True

    def _on_evaluation_done(self, evaluation):
        """Apply a confirmed scoring sheet to the application (called by the sheet's action_confirm)."""
        self.ensure_one()
        if evaluation.kind == "application":
            if evaluation.total_score >= self.qualifying_score:
                self._set_state("qualified")
            else:
                self._set_state("reserve")
                self._lose_lead("aftersales_network.crm_lost_reason_reserve")
            self.message_post(
                body=self.env._(
                    "Application scored %(score)s / threshold %(threshold)s.",
                    score=evaluation.total_score,
                    threshold=self.qualifying_score,
                )
            )
        elif evaluation.kind == "acceptance":
            if evaluation.passed:
                self.message_post(body=self.env._("Acceptance inspection passed: the contract can be signed."))
            elif self.failed_inspection_count >= self.company_id.as_acceptance_max_inspections:
                self._as_workflow_write(
                    {
                        "cancel_reason": self.env._(
                            "Acceptance failed %(count)s times.", count=self.failed_inspection_count
                        )
                    }
                )
                self._set_state("cancelled")
                self._lose_lead("aftersales_network.crm_lost_reason_acceptance")
            else:
                # Rectify within N working days of the company's calendar (holidays, 调休).
                today = fields.Date.context_today(self)
                deadline = self.company_id._as_add_working_days(today, self.company_id.as_rectification_days)
                self._as_workflow_write({"rectification_deadline": deadline})
                self._set_state("rectification")
                self.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=self.env._("Rectification before re-inspection"),
                    user_id=(self.user_id or self.env.user).id,
                )

    def action_contract(self):
        self.ensure_one()
        self._check_group(MANAGER, self.env._("contract signature"))
        self._check_state(("acceptance",), self.env._("contract signature"))
        if not self.acceptance_passed:
            raise UserError(
                self.env._("Application %(name)s has no passed acceptance inspection: no contract yet.", name=self.name)
            )
        start = self.contract_date_start or fields.Date.context_today(self)
        end = self.contract_date_end or start + relativedelta(years=self.company_id.as_contract_years, days=-1)
        Sequence = self.env["ir.sequence"]
        self.write({"contract_date_start": start, "contract_date_end": end})
        self._as_workflow_write({"contract_number": Sequence.next_by_code("aftersales.network.contract")})
        partner = self.partner_id.commercial_partner_id
        partner_vals = {"is_network_dealer": True}
        if not partner.network_code:
            partner_vals["network_code"] = Sequence.next_by_code("aftersales.network.service.centre")
        partner._as_workflow_write(partner_vals)
        self._set_state("contracted")
        if self.lead_id:
            # sudo: see _lose_lead, the lead follows its application.
            self.sudo().lead_id.action_set_won()
        self._invite_portal_users()
        self.message_post(body=self.env._("Contract %(number)s signed.", number=self.contract_number))
        return True

    def _get_portal_invitees(self):
        """The candidate's people to invite: its contacts with an e-mail (the company itself when it has none),
        one per e-mail address (a company and its contact created from one lead share the lead's e-mail)."""
        self.ensure_one()
        company = self.partner_id.commercial_partner_id
        people = company.child_ids.filtered(lambda p: p.type in ("contact", "other") and email_normalize(p.email))
        invitees = self.env["res.partner"]
        seen = set()
        for partner in people or company.filtered(lambda p: email_normalize(p.email)):
            email = email_normalize(partner.email)
            if email not in seen:
                seen.add(email)
                invitees |= partner
        return invitees

    def _invite_portal_users(self):
        """Give the candidate's people portal access through Odoo's portal wizard (it sends the invitations).

        Returns the invitees that have portal access afterwards. A person whose e-mail is already the login of
        another user, or whose invitation fails, is not invited and a note says so: the step that asked for the
        invitations (the contract) never fails because of them.
        """
        self.ensure_one()
        invitees = self._get_portal_invitees()
        # sudo: users and the portal wizard belong to administrators; the calling step (role and stage checked)
        # grants portal access to the candidate's own contacts only.
        invitees_sudo = invitees.sudo().with_context(active_test=False)
        logins = [email_normalize(partner.email) for partner in invitees]
        taken = set(
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("login", "in", logins)])
            .mapped("login")
        )
        with_user = invitees_sudo.filtered("user_ids")
        blocked = (invitees_sudo - with_user).filtered(lambda p: email_normalize(p.email) in taken)
        wizard = self.env["portal.wizard"].sudo().create({"partner_ids": [Command.set((invitees_sudo - blocked).ids)]})
        for line in wizard.user_ids.filtered(lambda line: not line.is_portal and not line.is_internal):
            try:
                with self.env.cr.savepoint():
                    line.action_grant_access()
            except UserError:
                blocked |= line.partner_id
        if blocked:
            self.message_post(
                body=self.env._(
                    "Not invited to the portal (e-mail already used by another user, or not valid): %(contacts)s.",
                    contacts=", ".join(blocked.mapped("display_name")),
                )
            )
        granted = wizard.user_ids.filtered(lambda line: line.is_portal or line.is_internal).partner_id
        return invitees.browse((granted - blocked).ids)

    def action_invite_candidate(self):
        """Let the candidate fill in its application on the portal before it becomes a dealer."""
        self.ensure_one()
        self._check_group(OFFICER, self.env._("portal invitation"))
        self._check_state([s for s, _label in STATES if s not in CLOSED_STATES], self.env._("portal invitation"))
        if not self._get_portal_invitees():
            raise UserError(
                self.env._(
                    "The candidate %(candidate)s has no contact with an e-mail address.", candidate=self.partner_id.name
                )
            )
        if not self._invite_portal_users():
            raise UserError(
                self.env._(
                    "No contact of %(candidate)s could be invited: their e-mail addresses are already used by other "
                    "users.",
                    candidate=self.partner_id.name,
                )
            )
        return True

    def action_cancel(self):
        self._check_group(OFFICER, self.env._("cancellation"))
        self._check_state([s for s, _label in STATES if s not in CLOSED_STATES], self.env._("cancellation"))
        self._set_state("cancelled")
        self._lose_lead("aftersales_network.crm_lost_reason_cancelled")
        return True

    # ------------------------------------------------------------------ smart buttons
    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_network.aftersales_network_evaluation_action"
        )
        action["domain"] = [("application_id", "=", self.id)]
        action["context"] = {"default_application_id": self.id, "create": False}
        return action

    def action_view_starter_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action["domain"] = [("network_application_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_print_intent(self):
        self.ensure_one()
        if not self.intent_id:
            raise UserError(self.env._("Application %(name)s has no letter of intent yet.", name=self.name))
        return self.intent_id.action_print()
