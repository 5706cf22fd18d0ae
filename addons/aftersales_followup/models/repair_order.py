from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches
from odoo.tools import create_index

# the delivered orders whose follow-up calls the scheduling cron still has to plan (the cron's domain, as SQL)
TO_SCHEDULE = (
    "service_stage = 'delivered' AND (followup_scheduled IS NULL OR followup_scheduled = FALSE) "
    "AND partner_id IS NOT NULL"
)


class RepairOrder(models.Model):
    _inherit = "repair.order"

    followup_ids = fields.One2many("aftersales.followup", "repair_id", string="Follow-up Calls")
    followup_count = fields.Integer(compute="_compute_followup_count", string="Follow-ups")
    followup_scheduled = fields.Boolean(
        copy=False, index=True, help="The follow-up calls of the delivery have been scheduled."
    )
    survey_input_ids = fields.One2many("survey.user_input", "repair_id", string="Satisfaction Answers")
    csi_score = fields.Float(
        string="CSI (%)", compute="_compute_csi_score", store=True, aggregator="avg", help="Satisfaction of the order."
    )
    complaint_ids = fields.One2many("aftersales.complaint", "repair_id", string="Complaints")
    complaint_count = fields.Integer(compute="_compute_complaint_count", string="Complaints Count")

    def init(self):
        res = super().init()
        # The scheduling cron's batches and its count of what remains: a small index of the orders still to
        # schedule, instead of scanning every delivered order of the past years (and the rows earlier batches
        # did) at each batch.
        create_index(self.env.cr, "repair_order_followup_to_schedule_index", self._table, ["id"], where=TO_SCHEDULE)
        return res

    def _compute_followup_count(self):
        counts = dict(
            self.env["aftersales.followup"]._read_group([("repair_id", "in", self.ids)], ["repair_id"], ["__count"])
        )
        for order in self:
            order.followup_count = counts.get(order, 0)

    def _compute_complaint_count(self):
        counts = dict(
            self.env["aftersales.complaint"]._read_group([("repair_id", "in", self.ids)], ["repair_id"], ["__count"])
        )
        for order in self:
            order.complaint_count = counts.get(order, 0)

    @api.depends("survey_input_ids.state", "survey_input_ids.as_csi")
    def _compute_csi_score(self):
        for order in self:
            done = order.survey_input_ids.filtered(lambda i: i.state == "done")
            order.csi_score = sum(done.mapped("as_csi")) / len(done) if done else 0.0

    # ------------------------------------------------------------- delivery
    def action_deliver(self):
        res = super().action_deliver()
        self._schedule_delivery_followups()
        self._send_satisfaction_survey()
        return res

    def _prepare_first_followup_vals(self, clerk=None):
        self.ensure_one()
        company = self.company_id
        delivered = company._as_local_date(self.delivered_date or fields.Datetime.now())  # the local day
        clerk = clerk or self.env["aftersales.followup"]._clerk_for(company, self.user_id or self.env.user)
        return {
            "company_id": company.id,
            "call_type": "first",
            "direction": "outbound",  # given, not precomputed call by call (a new record each) in a batch
            "partner_id": self.partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "repair_id": self.id,
            "user_id": clerk.id,
            "date_from": delivered + timedelta(days=company.as_first_call_min_days),
            "date_deadline": delivered + timedelta(days=company.as_first_call_max_days),
        }

    def _schedule_delivery_followups(self):
        """First follow-up call between day N and day M after delivery (company settings)."""
        orders = self.filtered(lambda o: o.partner_id and not o.followup_scheduled and o.service_stage == "delivered")
        # sudo: the advisor who delivers the vehicle is not a follow-up clerk; the calls are created with values
        # taken from the delivered orders only, and assigned to the company's clerk.
        Followup = self.env["aftersales.followup"]
        clerks = {}  # one look-up per company and advisor, not per order
        for order in orders:
            key = (order.company_id, order.user_id or self.env.user)
            if key not in clerks:
                clerks[key] = Followup._clerk_for(*key)
        calls = (
            Followup.sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True)
            .create(
                [
                    order._prepare_first_followup_vals(clerks[order.company_id, order.user_id or self.env.user])
                    for order in orders
                ]
            )
        )
        # mail_notrack: the flag is not tracked; without it the write would read every tracked field of the
        # orders and keep those values for the whole transaction (time and memory growing with each batch)
        orders.with_context(mail_notrack=True).write({"followup_scheduled": True})
        return calls

    def _send_satisfaction_survey(self):
        """Create a satisfaction answer token per delivered order and send the link to the customer."""
        inputs = self.env["survey.user_input"]
        template = self.env.ref("aftersales_followup.mail_template_satisfaction_survey", raise_if_not_found=False)
        for order in self.filtered("partner_id"):
            # sudo: the survey is chosen by an administrator in Settings; advisors who deliver the vehicle
            # need not be survey officers to hand the customer an answer token of it.
            survey = order.company_id.sudo().as_survey_id
            if not survey or not survey.active:
                continue
            answer = survey._create_answer(partner=order.partner_id, check_attempts=False, repair_id=order.id)
            inputs |= answer
            if template:
                body = template._render_field("body_html", answer.ids)[answer.id]
                order.message_post(
                    body=body,
                    subject=self.env._("Your opinion of our service"),
                    partner_ids=order.partner_id.ids,
                    subtype_xmlid="mail.mt_comment",
                )
        return inputs

    @api.model
    def _as_to_schedule_domain(self):
        """The delivered orders whose follow-up calls are still to plan (``TO_SCHEDULE`` is this, in SQL)."""
        return [("service_stage", "=", "delivered"), ("followup_scheduled", "=", False), ("partner_id", "!=", False)]

    @api.model
    def _cron_schedule_followups(self, batch_size=None):
        """Schedule the follow-up calls of delivered orders that have none yet (imports, older deliveries).

        One search, one batched create and one write per batch (each batch its own transaction in a cron):
        the cost grows linearly with the orders, and scheduled orders leave the search, so a run resumes.
        """
        domain = self._as_to_schedule_domain()

        def step(limit):
            orders = self.search(domain, limit=limit, order="id")
            if not orders:
                return 0, 0
            return len(orders._schedule_delivery_followups()), self.search_count(domain), len(orders)

        return run_cron_batches(self.env, step, batch_size) or 0

    # ---------------------------------------------------------- smart buttons
    def action_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_followup.aftersales_followup_action")
        action["domain"] = [("repair_id", "=", self.id)]
        action["context"] = {"default_repair_id": self.id, "default_partner_id": self.partner_id.id}
        return action

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_followup.aftersales_complaint_action")
        action["domain"] = [("repair_id", "=", self.id)]
        action["context"] = {"default_repair_id": self.id, "default_partner_id": self.partner_id.id}
        return action
