from odoo import Command, api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches
from odoo.exceptions import UserError


class PartsQualityFeedback(models.Model):
    _name = "aftersales.parts.quality.feedback"
    _description = "Parts Quality Feedback (unpacking damage or shortage)"
    _inherit = ["aftersales.numbered.mixin", "portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "report_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(
        [("reported", "Reported"), ("decided", "QA Decided"), ("replied", "Replied"), ("cancel", "Cancelled")],
        default="reported",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    partner_id = fields.Many2one("res.partner", string="Dealer", required=True, tracking=True, index=True)
    sale_order_id = fields.Many2one("sale.order", string="Parts order", check_company=True)
    kind = fields.Selection([("damage", "Unpacking damage"), ("shortage", "Shortage")], required=True, default="damage")
    description = fields.Text(required=True)
    line_ids = fields.One2many("aftersales.parts.quality.feedback.line", "feedback_id", string="Parts", copy=True)
    report_date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    qa_user_id = fields.Many2one("res.users", string="QA", tracking=True)
    cause = fields.Text()
    decision = fields.Text()
    responsible = fields.Selection(
        [("supplier", "Supplier"), ("carrier", "Carrier"), ("oem", "OEM shipping")],
        string="Caused by",
        help="Whoever caused it pays the freight of the replacement (谁发货谁付费).",
    )
    decision_date = fields.Datetime(readonly=True, copy=False)
    reply = fields.Text(string="Reply to dealer")
    reply_date = fields.Datetime(readonly=True, copy=False)
    decision_deadline = fields.Datetime(compute="_compute_deadlines", store=True)
    reply_deadline = fields.Datetime(compute="_compute_deadlines", store=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    escalated = fields.Boolean(readonly=True, copy=False, tracking=True)

    @api.depends("report_date", "decision_date", "company_id.as_qa_decision_days", "company_id.as_qa_reply_days")
    def _compute_deadlines(self):
        # 2 + 1 working days of the company's working calendar (holidays and swapped weekends).
        for feedback in self:
            company = feedback.company_id
            feedback.decision_deadline = feedback.report_date and company._as_add_working_days(
                feedback.report_date, company.as_qa_decision_days
            )
            feedback.reply_deadline = feedback.decision_date and company._as_add_working_days(
                feedback.decision_date, company.as_qa_reply_days
            )

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for feedback in self:
            feedback.is_overdue = (
                feedback.state == "reported" and feedback.decision_deadline and feedback.decision_deadline < now
            ) or (feedback.state == "decided" and feedback.reply_deadline and feedback.reply_deadline < now)

    def _search_is_overdue(self, operator, value):
        now = fields.Datetime.now()
        domain = [
            "|",
            "&",
            ("state", "=", "reported"),
            ("decision_deadline", "<", now),
            "&",
            ("state", "=", "decided"),
            ("reply_deadline", "<", now),
        ]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", *domain]

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for feedback in self:
            feedback.access_url = f"/my/parts/feedback/{feedback.id}"
        return res

    def action_decide(self):
        for feedback in self:
            if feedback.state != "reported":
                raise UserError(self.env._("Feedback %(name)s already has a decision.", name=feedback.name))
            if not feedback.cause or not feedback.decision or not feedback.responsible:
                raise UserError(
                    self.env._("Feedback %(name)s: QA records cause, decision and who caused it.", name=feedback.name)
                )
        self.write({"state": "decided", "decision_date": fields.Datetime.now(), "qa_user_id": self.env.user.id})
        return True

    def action_reply(self):
        for feedback in self:
            if feedback.state != "decided":
                raise UserError(self.env._("Feedback %(name)s has no QA decision yet.", name=feedback.name))
            if not feedback.reply:
                raise UserError(self.env._("Feedback %(name)s: write the reply to the dealer.", name=feedback.name))
            feedback.message_post(
                body=feedback.reply,
                partner_ids=feedback.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.write({"state": "replied", "reply_date": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self.write({"state": "cancel"})
        return True

    @api.model
    def _cron_escalate_overdue(self, batch_size=None):
        """Overdue decisions or replies get a to-do for the parts managers and are flagged as escalated.

        In batches: a flagged report leaves the search, so a resumed run goes on with the next ones.
        """
        domain = [("is_overdue", "=", True), ("escalated", "=", False)]
        managers = self.env.ref("aftersales_parts.group_aftersales_parts_manager").users

        def step(limit):
            overdue = self.search(domain, limit=limit, order="id")
            for feedback in overdue:
                for user in managers.filtered(lambda u, f=feedback: f.company_id in u.company_ids)[:1]:
                    feedback.activity_schedule(
                        "mail.mail_activity_data_todo",
                        user_id=user.id,
                        summary=self.env._("Overdue unpacking report %(name)s", name=feedback.name),
                    )
            overdue.write({"escalated": True})
            return overdue, self.search_count(domain) if overdue else 0

        return run_cron_batches(self.env, step, batch_size) or self.browse()

    @api.model
    def _prepare_portal_vals(self, partner, kind, description, order=False, lines=()):
        return {
            "partner_id": partner.id,
            "kind": kind,
            "description": description,
            "sale_order_id": order and order.id,
            "line_ids": [Command.create({"product_id": p.id, "quantity": q}) for p, q in lines],
        }


class PartsQualityFeedbackLine(models.Model):
    _name = "aftersales.parts.quality.feedback.line"
    _description = "Parts Quality Feedback Line"
    _order = "feedback_id, id"

    feedback_id = fields.Many2one("aftersales.parts.quality.feedback", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="feedback_id.company_id", store=True)
    product_id = fields.Many2one("product.product", string="Part", required=True)
    quantity = fields.Float(digits="Product Unit of Measure", default=1.0)
    note = fields.Char()
