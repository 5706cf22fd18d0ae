from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches
from odoo.addons.aftersales_base.tools.portal_input import PortalInput, parse_date, parse_number, parse_text
from odoo.exceptions import AccessError, UserError

MAJOR_REPORT_DAY_PARAM = "aftersales_followup.major_report_day"

LEVELS = [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3")]
OFFICER = "aftersales_followup.group_aftersales_quality_officer"
QA = "aftersales_followup.group_aftersales_quality_assurance"
MANAGER = "aftersales_followup.group_aftersales_aftersales_manager"
# Written by the workflow once after-sales has confirmed the information.
LOCKED_ONCE_CONFIRMED = ("level", "qa_user_id")
STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("confirmed", "Confirmed by After-Sales"),
    ("analysed", "Analysed by QA"),
    ("replied", "Replied to Dealer"),
    ("closed", "Archived"),
]
# Criteria of the seed: any one of them sets the level.
INFO_TYPES = ("general", "important", "major")
# Criteria a dealer may tick on the portal (and send from its dealer site): each proposes a level whatever
# the type chosen.
PORTAL_CRITERIA = ("c1_injury", "c2_accident", "c3_breakdown")
MAX_MILEAGE = 2_000_000
MAX_COMPENSATION = 100_000_000
LEVEL_CRITERIA = {
    "1": ("c1_injury", "c1_media", "c1_manufacturing_loss", "c1_loss_over_value"),
    "2": ("c2_accident", "c2_functional_complaints", "c2_hurts_sales"),
    "3": ("c3_quality_complaints", "c3_may_hurt_sales", "c3_breakdown"),
}


class AftersalesQualityInfo(models.Model):
    _name = "aftersales.quality.info"
    _description = "Quality Information"
    _inherit = [
        "aftersales.numbered.mixin",
        "aftersales.followup.workflow",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "level, date_reported desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = (
        "state",
        "date_reported",
        "level_confirmed",
        "confirmed_date",
        "qa_deadline",
        "analysed_date",
        "reply_deadline",
        "replied_date",
        "qa_informed",
        "escalation_count",
        "last_escalation_date",
        "submission_key",
    )

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, readonly=True
    )
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, index=True, copy=False)
    source = fields.Selection(
        [("hotline", "Hotline"), ("service_center", "Service Centre"), ("customer", "Customer"), ("dealer", "Dealer")],
        default="service_center",
        required=True,
    )
    info_type = fields.Selection(
        [("general", "General"), ("important", "Important"), ("major", "Major")],
        string="Type",
        default="general",
        required=True,
        tracking=True,
        help="General: routine repair data. Important: affects performance, safety or reputation, batch or costly. "
        "Major: classified in level 1, 2 or 3.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        index=True,
        tracking=True,
        help="Service centre (dealer) reporting the information; dealers see only their own on the portal.",
    )
    customer_id = fields.Many2one("res.partner")
    title = fields.Char(required=True)
    description = fields.Text(required=True)
    date_reported = fields.Datetime(string="Reported On", readonly=True, copy=False, index=True)
    occurred_date = fields.Date(string="Occurred On")
    upload_deadline = fields.Date(
        compute="_compute_upload_deadline",
        store=True,
        help="General information (routine repair data) is uploaded within the set days after the repair.",
    )
    uploaded_late = fields.Boolean(compute="_compute_upload_deadline", store=True)
    # Traceability
    vin = fields.Char(string="VIN", index=True)
    vehicle_id = fields.Many2one("fleet.vehicle", compute="_compute_vehicle_id", store=True)
    vehicle_model_id = fields.Many2one("fleet.vehicle.model")
    mileage = fields.Float(string="Mileage (km)")
    product_id = fields.Many2one("product.product", string="Part")
    claim_ref = fields.Char(string="Warranty Claim Reference")
    complaint_id = fields.Many2one("aftersales.complaint", check_company=True)
    # Major information criteria
    c1_injury = fields.Boolean(string="Major accident with injury or death")
    c1_media = fields.Boolean(string="Media exposure imminent or happened")
    c1_manufacturing_loss = fields.Boolean(string="Manufacturing fault causing user loss and complaint")
    c1_loss_over_value = fields.Boolean(string="Loss larger than the vehicle's value")
    c2_accident = fields.Boolean(string="Major accident without injury")
    c2_functional_complaints = fields.Boolean(string="Very frequent complaints about a functional defect")
    c2_hurts_sales = fields.Boolean(string="Directly hurts sales")
    c3_quality_complaints = fields.Boolean(string="Frequent complaints about a quality defect")
    c3_may_hurt_sales = fields.Boolean(string="May hurt sales")
    c3_breakdown = fields.Boolean(string="Breakdown caused by quality")
    currency_id = fields.Many2one(related="company_id.currency_id")
    compensation_demand = fields.Monetary(
        string="Customer's Compensation Demand", help="What the customer demands (顾客索赔金额), not a warranty claim."
    )
    proposed_level = fields.Selection(
        LEVELS, compute="_compute_proposed_level", store=True, help="Level the criteria give: any one criterion counts."
    )
    level = fields.Selection(LEVELS, tracking=True, copy=False, help="Level confirmed by after-sales.")
    level_confirmed = fields.Boolean(readonly=True, copy=False)
    new_level = fields.Selection(
        [*LEVELS, ("0", "No Level")],
        copy=False,
        groups="base.group_user",
        help="Level after-sales changes a confirmed level to (button Change Level); lowering it needs a reason.",
    )
    level_change_reason = fields.Text(
        string="Reason for Level Change",
        copy=False,
        groups="base.group_user",
        help="Needed to confirm below the proposed level or to lower a confirmed level.",
    )
    submission_key = fields.Char(copy=False, index="btree_not_null", readonly=True, groups="base.group_user")
    # Handling (internal: portal dealers see the reply, never QA's work)
    qa_user_id = fields.Many2one("res.users", string="QA Engineer", tracking=True, groups="base.group_user")
    user_id = fields.Many2one(
        "res.users",
        string="After-Sales Responsible",
        default=lambda self: self.env.user if not self.env.user.share else False,
        tracking=True,
        groups="base.group_user",
    )
    technical_support_sent = fields.Boolean(tracking=True, groups="base.group_user")
    qa_analysis = fields.Text(string="QA Analysis", groups="base.group_user")
    measures = fields.Text(groups="base.group_user")
    qa_informed = fields.Boolean(string="QA Informed", tracking=True, groups="base.group_user")
    reply = fields.Text(string="Reply to the Dealer")
    result = fields.Text(string="Processing Result")
    confirmed_date = fields.Datetime(readonly=True, copy=False)
    qa_deadline = fields.Date(string="QA Analysis By", readonly=True, copy=False, index=True, tracking=True)
    analysed_date = fields.Datetime(readonly=True, copy=False)
    reply_deadline = fields.Date(string="Reply By", readonly=True, copy=False, index=True, tracking=True)
    replied_date = fields.Datetime(readonly=True, copy=False)
    escalation_count = fields.Integer(readonly=True, copy=False, groups="base.group_user")
    last_escalation_date = fields.Date(readonly=True, copy=False, groups="base.group_user")
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late", string="Late")

    _sql_constraints = [
        (
            "submission_key_uniq",
            "unique(partner_id, submission_key)",
            "This quality information has already been submitted.",
        ),
    ]

    # ------------------------------------------------------------- computes
    @api.depends("info_type", "occurred_date", "date_reported", "company_id")
    def _compute_upload_deadline(self):
        for info in self:
            general = info.info_type == "general" and info.occurred_date
            deadline = general and info.occurred_date + timedelta(days=info.company_id.as_qi_general_upload_days)
            info.upload_deadline = deadline or False
            reported = info.date_reported and info.company_id._as_local_date(info.date_reported)  # the site's day
            info.uploaded_late = bool(deadline and reported and reported > deadline)

    @api.depends("vin")
    def _compute_vehicle_id(self):
        vins = [v for v in self.mapped("vin") if v]
        # sudo: only to link the reported VIN to the vehicle record; the link is shown, not the vehicle's data.
        vehicles = self.env["fleet.vehicle"].sudo().search([("vin_sn", "in", vins)]) if vins else []
        by_vin = {v.vin_sn: v.id for v in vehicles}
        for info in self:
            info.vehicle_id = by_vin.get((info.vin or "").strip().upper(), False)

    @api.depends(
        "info_type", "compensation_demand", "company_id", *[f for fields_ in LEVEL_CRITERIA.values() for f in fields_]
    )
    def _compute_proposed_level(self):
        for info in self:
            # Every criterion counts whatever the type the reporter chose: an injury is level 1 even when
            # reported as "important".
            info.proposed_level = info._level_from_criteria()

    def _level_from_criteria(self):
        """Highest level any criterion reaches; the compensation demand counts with the company's amounts."""
        self.ensure_one()
        company = self.company_id or self.env.company
        if any(self[f] for f in LEVEL_CRITERIA["1"]):
            return "1"
        if any(self[f] for f in LEVEL_CRITERIA["2"]) or (
            company.as_quality_level2_amount and self.compensation_demand >= company.as_quality_level2_amount
        ):
            return "2"
        if any(self[f] for f in LEVEL_CRITERIA["3"]) or (
            company.as_quality_level3_amount and self.compensation_demand >= company.as_quality_level3_amount
        ):
            return "3"
        return False

    def _late_domain(self):
        today = fields.Date.context_today(self)
        return [
            "|",
            "&",
            ("state", "=", "confirmed"),
            ("qa_deadline", "<", today),
            "&",
            ("state", "=", "analysed"),
            ("reply_deadline", "<", today),
        ]

    def _compute_is_late(self):
        late = self.filtered_domain(self._late_domain()) if self.ids else self.browse()
        for info in self:
            info.is_late = info in late

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        return self._late_domain() if (operator == "=") == value else ["!", *self._late_domain()]

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for info in self:
            info.access_url = f"/my/quality/{info.id}"
        return res

    # -------------------------------------------------------- constraints/CRUD
    @api.model
    def _as_next_number(self, vals):
        # Network dealers report from the portal: they cannot read sequences.
        return super(AftersalesQualityInfo, self.sudo())._as_next_number(vals)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("vin"):
                vals["vin"] = vals["vin"].strip().upper()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            confirmed = self.filtered(lambda i: i.state not in ("draft", "submitted"))
            locked = {name for name in LOCKED_ONCE_CONFIRMED if name in vals}
            changed = {name for name in locked if not confirmed._as_workflow_same(name, vals[name])}
            if confirmed and changed:
                confirmed._as_workflow_refuse(changed)
        if vals.get("vin"):
            vals["vin"] = vals["vin"].strip().upper()
        return super().write(vals)

    # ------------------------------------------------------- dealer's report
    @api.model
    def _as_portal_quality_parse(self, values):
        """(form, values of the report) from a network dealer's plain values (the portal form, or its dealer
        site through the OEM link), each parsed as untrusted input; ``form.errors`` lists every problem."""
        _ = self.env._
        form = PortalInput(self.env)
        today = fields.Date.context_today(self.env.user.with_context(tz=self.env.user.tz or "Asia/Shanghai"))
        vals = {
            "title": form.get(parse_text, values.get("title"), _("Title"), max_length=200, required=True),
            "description": form.get(parse_text, values.get("description"), _("Description"), required=True),
            "vin": (form.get(parse_text, values.get("vin"), _("VIN"), max_length=17) or "").upper() or False,
            "claim_ref": form.get(parse_text, values.get("claim_ref"), _("Warranty Claim Reference"), max_length=64)
            or False,
            "mileage": form.get(parse_number, values.get("mileage"), _("Mileage"), maximum=MAX_MILEAGE, default=0.0),
            "compensation_demand": form.get(
                parse_number,
                values.get("compensation_demand"),
                _("Customer's Compensation Demand"),
                maximum=MAX_COMPENSATION,
                default=0.0,
            ),
            "occurred_date": form.get(parse_date, values.get("occurred_date"), _("Occurred On"), maximum=today)
            or False,
            "info_type": values.get("info_type") if values.get("info_type") in INFO_TYPES else "general",
        }
        vals.update({name: bool(values.get(name)) for name in PORTAL_CRITERIA})
        return form, vals

    @api.model
    def _as_portal_create_quality_info(self, vals, key, attachments=None):
        """The calling portal user's network dealer reports ``vals`` (parsed by _as_portal_quality_parse):
        created once per ``key`` (the same key again gives the first report) and submitted."""
        user = self.env.user
        partner = user.partner_id.commercial_partner_id
        if not (user._is_portal() and partner.is_network_dealer):
            raise AccessError(self.env._("Only network dealers report quality information."))
        # sudo: portal dealers cannot write OEM documents; the values were parsed field by field and the
        # dealer is forced to the user's own commercial partner, so a dealer can only report for itself.
        Info = self.sudo()
        info = Info.search([("partner_id", "=", partner.id), ("submission_key", "=", key)], limit=1)
        if info:
            return info
        info = Info.create(dict(vals, partner_id=partner.id, source="dealer", submission_key=key, user_id=False))
        info.action_submit()
        if attachments:
            attachments.write({"res_id": info.id})
        info.message_subscribe(partner_ids=user.partner_id.ids)
        return info

    # ---------------------------------------------------------------- actions
    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env))[state]

    def _check_state(self, *allowed):
        for info in self:
            if info.state not in allowed:
                raise UserError(
                    self.env._(
                        "Quality information %(q)s is %(state)s; this step needs it %(allowed)s.",
                        q=info.name,
                        state=info._state_label(info.state),
                        allowed=" / ".join(info._state_label(s) for s in allowed),
                    )
                )

    def _check_group(self, xmlid, step):
        if not self._as_user_has_any([xmlid]):
            raise AccessError(
                self.env._(
                    "Only %(group)s may %(step)s quality information.",
                    group=self.env.ref(xmlid).name,
                    step=step,
                )
            )

    def _clock_days(self, kind):
        self.ensure_one()
        return self.company_id[f"as_qi_{self.info_type}_{kind}_days"]

    def action_submit(self):
        self._check_state("draft")
        self._check_group(OFFICER, self.env._("submit"))
        self._as_workflow_write({"state": "submitted", "date_reported": fields.Datetime.now()})
        return True

    def action_confirm(self):
        """After-sales confirms the information and its level, and starts the QA clock.

        Any criterion proposes a level, whatever the type reported; confirming a level below the
        proposal (or no level at all) needs a written reason."""
        self._check_state("submitted")
        self._check_group(MANAGER, self.env._("confirm"))
        today = fields.Date.context_today(self)
        for info in self:
            level = info.level or info.proposed_level
            if info.info_type == "major" and not level:
                raise UserError(
                    self.env._(
                        "Major quality information %(q)s: no criterion gives a level; tick the criteria or "
                        "choose the level before confirming.",
                        q=info.name,
                    )
                )
            vals = {"state": "confirmed", "confirmed_date": fields.Datetime.now()}
            if level:
                info._ensure_level_reason(level, info.proposed_level)
                # A level makes it major information (classified in level 1, 2 or 3).
                vals.update(level=level, level_confirmed=True, info_type="major")
            info._as_workflow_write(vals)
            qa_deadline = info.company_id._as_add_working_days(today, info._clock_days("qa"))
            info._as_workflow_write({"qa_deadline": qa_deadline})
            info._post_level_reason()
            info._notify_handling()
        return True

    def _ensure_level_reason(self, level, reference):
        """A level below ``reference`` (a higher number, or no level) needs a written reason."""
        self.ensure_one()
        lowered = reference and (not level or level > reference)
        if lowered and not (self.level_change_reason or "").strip():
            raise UserError(
                self.env._(
                    "Quality information %(q)s: its level %(old)s cannot be lowered without a reason.",
                    q=self.name,
                    old=dict(LEVELS)[reference],
                )
            )

    def _post_level_reason(self):
        self.ensure_one()
        if (self.level_change_reason or "").strip():
            self.message_post(
                body=self.env._(
                    "Level changed to %(level)s: %(reason)s",
                    level=dict(LEVELS)[self.level] if self.level else "-",
                    reason=self.level_change_reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
            self.level_change_reason = False

    def action_change_level(self):
        """After-sales changes a confirmed level to the New Level; lowering it needs a reason."""
        self._check_group(MANAGER, self.env._("change the level of"))
        for info in self:
            if not info.level_confirmed or not info.new_level:
                raise UserError(
                    self.env._(
                        "Quality information %(q)s: confirm the level first, then choose the new level.", q=info.name
                    )
                )
            level = info.new_level if info.new_level != "0" else False
            info._ensure_level_reason(level, info.level)
            info._as_workflow_write({"level": level, "new_level": False})
            info._post_level_reason()
        return True

    def _notify_handling(self):
        """Handling per level: who must act, with an activity due on the QA clock."""
        self.ensure_one()
        qa_group = self.env.ref(QA)
        qa_users = (
            self.qa_user_id
            or self.company_id.as_qa_user_id
            or qa_group.users.filtered(lambda u: self.company_id in u.company_ids and not u.share)[:1]
        )
        if not self.qa_user_id:
            self._as_workflow_write({"qa_user_id": qa_users[:1].id})
        summaries = {
            "1": self.env._("Level 1: confirm and send technical support at once"),
            "2": self.env._("Level 2: propose measures (after-sales coordinates)"),
            "3": self.env._("Level 3: informed by after-sales, which handles it"),
        }
        summary = summaries.get(self.level) or self.env._("Analyse the quality information")
        for user in qa_users:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(self) if self.level == "1" else self.qa_deadline,
                summary=summary,
                user_id=user.id,
            )
        if self.level == "3":
            self._as_workflow_write({"qa_informed": True})
        self.message_post(body=summary, subtype_xmlid="mail.mt_note")

    def action_analyse(self):
        """QA's analysis, by the QA engineer named; level 1 needs technical support sent, level 2 measures."""
        self._check_state("confirmed")
        step = self.env._("close the analysis of")
        self._check_group(QA, step)
        self._ensure_person("qa_user_id", step, MANAGER)
        today = fields.Date.context_today(self)
        for info in self:
            if not info.qa_analysis:
                raise UserError(self.env._("Quality information %(q)s: write QA's analysis first.", q=info.name))
            if info.level == "1" and not info.technical_support_sent:
                raise UserError(
                    self.env._(
                        "Level 1 quality information %(q)s: QA must send technical support at once before closing "
                        "the analysis.",
                        q=info.name,
                    )
                )
            if info.level == "2" and not info.measures:
                raise UserError(self.env._("Level 2 quality information %(q)s: QA must propose measures.", q=info.name))
            info._as_workflow_write(
                {
                    "state": "analysed",
                    "analysed_date": fields.Datetime.now(),
                    "reply_deadline": info.company_id._as_add_working_days(today, info._clock_days("reply")),
                }
            )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_reply(self):
        """Reply to the dealer (visible on the portal)."""
        self._check_state("analysed")
        self._check_group(OFFICER, self.env._("reply to the dealer on"))
        self._ensure_person("user_id", self.env._("reply to the dealer on"), MANAGER)
        for info in self:
            if not info.reply:
                raise UserError(self.env._("Quality information %(q)s: write the reply first.", q=info.name))
            info.message_post(body=info.reply, partner_ids=info.partner_id.ids, subtype_xmlid="mail.mt_comment")
        self._as_workflow_write({"state": "replied", "replied_date": fields.Datetime.now()})
        return True

    def action_close(self):
        self._check_state("replied")
        self._check_group(OFFICER, self.env._("archive"))
        self._ensure_person("user_id", self.env._("archive"), MANAGER)
        for info in self:
            if not info.result:
                raise UserError(
                    self.env._("Quality information %(q)s: record the processing result before archiving.", q=info.name)
                )
        self._as_workflow_write({"state": "closed"})
        return True

    # ------------------------------------------------------------------ crons
    @api.model
    def _cron_escalate_late(self, batch_size=None):
        """Late analyses and replies escalate to the after-sales managers, once a day per record, in batches."""
        today = fields.Date.context_today(self)
        managers = self.env.ref("aftersales_followup.group_aftersales_aftersales_manager").users.filtered(
            lambda u: not u.share
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        domain = [
            ("is_late", "=", True),
            "|",
            ("last_escalation_date", "=", False),
            ("last_escalation_date", "<", today),
        ]

        def step(limit):
            late = self.search(domain, limit=limit)
            activities = []
            for info in late:
                for user in managers.filtered(lambda u, c=info.company_id: c in u.company_ids):
                    activities.append(
                        {
                            "res_model_id": model_id,
                            "res_id": info.id,
                            "activity_type_id": activity_type.id,
                            "summary": self.env._("Late quality information"),
                            "date_deadline": today,
                            "user_id": user.id,
                            "automated": True,
                        }
                    )
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(activities)
            for info in late:
                # today's escalation date takes the record out of the domain: a resumed run skips it
                info._as_workflow_write({"escalation_count": info.escalation_count + 1, "last_escalation_date": today})
            return len(late), self.search_count(domain) if late else 0

        return run_cron_batches(self.env, step, batch_size) or 0

    @api.model
    def _cron_daily_major_report(self):
        """Mail the daily major-quality report (PDF and xlsx) to the after-sales managers, once a day.

        The day of the report is marked in the same transaction as the queued mail: a cron restarted after a
        crash or a timeout finds the mark (and the mail) committed together, or neither, and never sends twice.
        """
        today = fields.Date.to_string(fields.Date.context_today(self))
        # sudo: the cron's own bookkeeping (the day last reported), a technical parameter no user edits.
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(MAJOR_REPORT_DAY_PARAM) == today:
            return False
        infos = self.search([("info_type", "=", "major"), ("state", "not in", ("draft", "closed"))])
        if not infos:
            return False
        managers = self.env.ref("aftersales_followup.group_aftersales_aftersales_manager").users.filtered(
            lambda u: not u.share and u.email
        )
        if not managers:
            return False
        pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "aftersales_followup.action_report_quality_daily", infos.ids
        )
        xlsx, _type = self.env["ir.actions.report"]._render_xlsx(
            "aftersales_followup.action_report_quality_daily_xlsx", infos.ids, None
        )
        attachments = self.env["ir.attachment"].create(
            [
                {"name": f"major-quality-{today}.pdf", "raw": pdf, "mimetype": "application/pdf"},
                {
                    "name": f"major-quality-{today}.xlsx",
                    "raw": xlsx,
                    "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                },
            ]
        )
        mail = self.env["mail.mail"].create(
            {
                "subject": self.env._("Daily major quality report %(date)s", date=today),
                "body_html": self.env._("%(n)s major quality information records are open.", n=len(infos)),
                "recipient_ids": [(6, 0, managers.partner_id.ids)],
                "attachment_ids": [(6, 0, attachments.ids)],
            }
        )
        params.set_param(MAJOR_REPORT_DAY_PARAM, today)
        return mail
