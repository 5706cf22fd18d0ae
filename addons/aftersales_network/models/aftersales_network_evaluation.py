import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches
from odoo.exceptions import UserError, ValidationError

KIND_TO_SCORECARD = {
    "application": "application",
    "interview": "interview",
    "acceptance": "acceptance",
    "periodic": "evaluation",
    "flying": "evaluation",
}
# An application is scored (and interviewed) once per person.
ONCE_PER_SCORER = ("application", "interview")
OFFICER = "aftersales_network.group_aftersales_network_officer"
MANAGER = "aftersales_network.group_aftersales_network_manager"
# Once a sheet is confirmed (or cancelled) it is part of the record: none of its content changes.
FROZEN_FIELDS = {
    "kind",
    "active",
    "company_id",
    "application_id",
    "partner_id",
    "scorecard_id",
    "date",
    "line_ids",
    "result_note",
    "reward_amount",
    "penalty_amount",
}

_logger = logging.getLogger(__name__)


class NetworkEvaluation(models.Model):
    _name = "aftersales.network.evaluation"
    _description = "Network Scoring Sheet"
    _inherit = ["aftersales.workflow.mixin", "aftersales.numbered.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # The scorer is the person who opened the sheet; the results follow from the confirmed points.
    _as_workflow_fields = ("state", "scorer_id", "total_score", "max_score", "pass_score", "passed")

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    kind = fields.Selection(
        [
            ("application", "Application scoring"),
            ("interview", "Interview scoring"),
            ("acceptance", "Acceptance inspection"),
            ("periodic", "Periodic evaluation"),
            ("flying", "Flying inspection"),
        ],
        required=True,
        default="periodic",
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    application_id = fields.Many2one(
        "aftersales.network.application", index=True, check_company=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Candidate / Dealer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        required=True,
    )
    scorecard_id = fields.Many2one(
        "aftersales.network.scorecard",
        required=True,
        check_company=True,
        domain="[('kind', '=', scorecard_kind)]",
        compute="_compute_scorecard_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    scorecard_kind = fields.Char(compute="_compute_scorecard_kind")
    scorer_id = fields.Many2one(
        "res.users", string="Scored by", required=True, default=lambda self: self.env.user, tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    line_ids = fields.One2many(
        "aftersales.network.evaluation.line",
        "evaluation_id",
        string="Scores",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        precompute=True,
        copy=True,
    )
    total_score = fields.Float(compute="_compute_total_score", store=True, tracking=True)
    max_score = fields.Float(compute="_compute_total_score", store=True)
    pass_score = fields.Float(
        compute="_compute_pass_score",
        store=True,
        precompute=True,
        help="Copied when the sheet is created so that later setting changes do not alter its result.",
    )
    passed = fields.Boolean(compute="_compute_passed", store=True)
    result_note = fields.Html(string="Findings")
    reward_amount = fields.Monetary(string="Reward", currency_field="currency_id")
    penalty_amount = fields.Monetary(string="Penalty", currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("application_id")
    def _compute_partner_id(self):
        for evaluation in self:
            if evaluation.application_id:
                evaluation.partner_id = evaluation.application_id.partner_id

    @api.depends("kind")
    def _compute_scorecard_kind(self):
        for evaluation in self:
            evaluation.scorecard_kind = KIND_TO_SCORECARD.get(evaluation.kind)

    @api.depends("kind", "application_id")
    def _compute_scorecard_id(self):
        Scorecard = self.env["aftersales.network.scorecard"]
        for evaluation in self:
            kind = KIND_TO_SCORECARD.get(evaluation.kind)
            if evaluation.scorecard_id and evaluation.scorecard_id.kind == kind:
                continue
            application = evaluation.application_id
            if evaluation.kind == "application" and application.scorecard_id:
                evaluation.scorecard_id = application.scorecard_id
            elif evaluation.kind == "interview" and application.interview_scorecard_id:
                evaluation.scorecard_id = application.interview_scorecard_id
            else:
                evaluation.scorecard_id = Scorecard._get_current(kind, evaluation.company_id)

    @api.depends("scorecard_id")
    def _compute_line_ids(self):
        for evaluation in self:
            if evaluation.state == "draft" and evaluation.scorecard_id:
                evaluation.line_ids = evaluation.scorecard_id._prepare_evaluation_line_commands()

    @api.depends("line_ids.points", "line_ids.max_points")
    def _compute_total_score(self):
        for evaluation in self:
            evaluation.total_score = sum(evaluation.line_ids.mapped("points"))
            evaluation.max_score = sum(evaluation.line_ids.mapped("max_points"))

    @api.depends("scorecard_id", "kind", "company_id")
    def _compute_pass_score(self):
        for evaluation in self:
            if evaluation.kind == "application":
                evaluation.pass_score = evaluation.company_id.as_application_threshold
            else:
                evaluation.pass_score = evaluation.scorecard_id.pass_score

    @api.depends("total_score", "pass_score")
    def _compute_passed(self):
        for evaluation in self:
            evaluation.passed = evaluation.total_score >= evaluation.pass_score

    @api.constrains("application_id", "kind", "scorer_id", "state", "active")
    def _check_once_per_scorer(self):
        sheets = self.filtered(lambda e: e.application_id and e.kind in ONCE_PER_SCORER and e.state != "cancel")
        if not sheets:
            return
        groups = self._read_group(
            [
                ("application_id", "in", sheets.application_id.ids),
                ("kind", "in", ONCE_PER_SCORER),
                ("state", "!=", "cancel"),
            ],
            ["application_id", "kind", "scorer_id"],
            ["__count"],
        )
        for application, _kind, scorer, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(user)s has already scored application %(application)s: nobody scores twice.",
                        user=scorer.name,
                        application=application.name,
                    )
                )

    @api.constrains("application_id", "kind", "state")
    def _check_inspection_limit(self):
        inspections = self.filtered(lambda e: e.application_id and e.kind == "acceptance" and e.state != "cancel")
        if not inspections:
            return
        groups = self._read_group(
            [
                ("application_id", "in", inspections.application_id.ids),
                ("kind", "=", "acceptance"),
                ("state", "!=", "cancel"),
            ],
            ["application_id"],
            ["__count"],
        )
        for application, count in groups:
            limit = application.company_id.as_acceptance_max_inspections
            if count > limit:
                raise ValidationError(
                    self.env._(
                        "Application %(application)s has had %(limit)s acceptance inspections: no further inspection "
                        "is allowed.",
                        application=application.name,
                        limit=limit,
                    )
                )

    @api.constrains("application_id", "scorer_id")
    def _check_scorer_not_candidate(self):
        for evaluation in self.filtered("application_id"):
            candidate = evaluation.application_id.partner_id.commercial_partner_id
            if evaluation.scorer_id.partner_id.commercial_partner_id == candidate:
                raise ValidationError(
                    self.env._(
                        "%(user)s is a contact of the candidate %(candidate)s and cannot score its application.",
                        user=evaluation.scorer_id.name,
                        candidate=candidate.name,
                    )
                )

    def _as_workflow_field_names(self):
        names = super()._as_workflow_field_names()
        if any(evaluation.state != "draft" for evaluation in self):
            names |= FROZEN_FIELDS
        return names

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(evaluation.state == "done" for evaluation in self):
            raise UserError(self.env._("A confirmed scoring sheet cannot be deleted: it is part of the record."))

    def _ensure_scorer(self):
        """The scorer (or a network manager) confirms or cancels a sheet, an officer at least."""
        if self.env.su:
            return
        if not self.env.user.has_group(OFFICER):
            raise UserError(self.env._("%(user)s is not a network officer and cannot score.", user=self.env.user.name))
        for evaluation in self:
            if evaluation.scorer_id != self.env.user and not self.env.user.has_group(MANAGER):
                raise UserError(
                    self.env._(
                        "Scoring sheet %(name)s belongs to %(user)s: only that person or a network manager "
                        "confirms it.",
                        name=evaluation.name,
                        user=evaluation.scorer_id.name,
                    )
                )

    def _ensure_consistent(self):
        """A sheet scores the scorecard its application was given, each criterion of it once."""
        for evaluation in self:
            application = evaluation.application_id
            expected = {
                "application": application.scorecard_id,
                "interview": application.interview_scorecard_id,
            }.get(evaluation.kind)
            criteria = evaluation.line_ids.criterion_id
            wrong_card = application and expected is not None and evaluation.scorecard_id != expected
            if (
                wrong_card
                or criteria != evaluation.scorecard_id.criterion_ids
                or len(criteria) != len(evaluation.line_ids)
            ):
                raise UserError(
                    self.env._(
                        "Scoring sheet %(name)s does not follow its scorecard %(scorecard)s: score each of its "
                        "criteria once.",
                        name=evaluation.name,
                        scorecard=(expected or evaluation.scorecard_id).display_name,
                    )
                )
            if evaluation.kind == "interview" and application:
                application._ensure_interviewer(evaluation.scorer_id)

    def action_confirm(self):
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._("Scoring sheet %(name)s is not a draft and cannot be confirmed.", name=evaluation.name)
                )
            if evaluation.application_id:
                evaluation.application_id._check_evaluation_allowed(evaluation.kind)
        self._ensure_scorer()
        self._ensure_consistent()
        self._as_workflow_write({"state": "done"})
        for evaluation in self:
            if evaluation.application_id:
                evaluation.application_id._on_evaluation_done(evaluation)
        return True

    def action_cancel(self):
        if any(evaluation.state == "done" for evaluation in self):
            raise UserError(self.env._("A confirmed scoring sheet cannot be cancelled."))
        self._ensure_scorer()
        self._as_workflow_write({"state": "cancel"})
        return True

    @api.model
    def _cron_schedule_periodic_evaluations(self, batch_size=None):
        """Open a periodic evaluation sheet (with a to-do) for every live dealer whose last one is due.

        In batches of dealers: a dealer given today's sheet is no longer due, so a resumed run goes on with the
        dealers still due and never opens a second sheet.
        """

        def step(limit):
            due = self._as_periodic_evaluations_due()
            vals_list = due[:limit]
            # The job names each dealer's officer as the scorer (a workflow field).
            sheets = self._as_workflow_create(vals_list)
            for sheet in sheets:
                sheet.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Periodic evaluation of %(dealer)s", dealer=sheet.partner_id.name),
                    user_id=sheet.scorer_id.id,
                )
            return sheets, len(due) - len(vals_list)

        return run_cron_batches(self.env, step, batch_size) or self.browse()

    @api.model
    def _as_periodic_evaluations_due(self):
        """The values of the periodic sheets due today, one per live dealer whose last sheet is too old."""
        dealers = self.env["res.partner"].search([("is_network_dealer", "=", True)], order="id")
        if not dealers:
            return []
        last_dates = dict(
            self._read_group(
                [("partner_id", "in", dealers.ids), ("kind", "=", "periodic"), ("state", "!=", "cancel")],
                ["partner_id"],
                ["date:max"],
            )
        )
        applications = self.env["aftersales.network.application"].search(
            [("partner_id", "in", dealers.ids), ("state", "=", "contracted")]
        )
        officer_by_partner = {app.partner_id: app.user_id for app in applications}
        company_by_partner = {app.partner_id: app.company_id for app in applications}
        today = fields.Date.context_today(self)
        vals_list = []
        scorecards = {}
        for dealer in dealers:
            company = company_by_partner.get(dealer) or dealer.company_id or self.env.company
            last = last_dates.get(dealer)
            if last and last > today - relativedelta(months=company.as_evaluation_interval_months):
                continue
            if company not in scorecards:
                scorecards[company] = self.env["aftersales.network.scorecard"]._get_current(
                    KIND_TO_SCORECARD["periodic"], company
                )
                if not scorecards[company]:
                    _logger.warning("No periodic scorecard in company %s: its dealers are not evaluated.", company.name)
            if not scorecards[company]:
                continue  # nothing to score with: the network manager sets up a periodic scorecard first
            officer = officer_by_partner.get(dealer) or self.env.user
            vals_list.append(
                {"kind": "periodic", "partner_id": dealer.id, "company_id": company.id, "scorer_id": officer.id}
            )
        return vals_list
