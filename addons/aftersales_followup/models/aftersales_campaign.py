from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

SUPERVISOR = "aftersales_followup.group_aftersales_followup_supervisor"


class AftersalesCampaign(models.Model):
    _name = "aftersales.campaign"
    _description = "Customer Care Campaign"
    _inherit = ["aftersales.followup.workflow", "mail.thread", "mail.activity.mixin"]
    _order = "event_date desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = ("state",)

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, readonly=True
    )
    campaign_type = fields.Selection(
        [("service", "Service Event"), ("promotion", "Promotion")],
        default="service",
        required=True,
        help="The dealer's own events and offers for its customers. The OEM's recalls and service campaigns are "
        "not customer care campaigns: they are managed in Warranty (Recalls / Service Campaigns (OEM)).",
    )
    event_date = fields.Date(required=True, tracking=True)
    call_date = fields.Date(
        string="Call On",
        compute="_compute_call_date",
        store=True,
        readonly=False,
        precompute=True,
        help="Customers are phoned this many days before the event (company setting).",
    )
    user_id = fields.Many2one("res.users", string="Clerk", default=lambda self: self.env.user, tracking=True)
    description = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("scheduled", "Calls Scheduled"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )
    # Target filter
    vehicle_model_ids = fields.Many2many("fleet.vehicle.model", string="Vehicle Models")
    last_visit_before = fields.Date()
    last_visit_after = fields.Date()
    odometer_min = fields.Float(string="Mileage From (km)")
    odometer_max = fields.Float(string="Mileage To (km)")
    next_maintenance_before = fields.Date()
    letter_needed = fields.Boolean(string="Send a Letter After the Call")
    vehicle_ids = fields.Many2many("fleet.vehicle", string="Target Vehicles", check_company=True)
    target_count = fields.Integer(compute="_compute_stats", string="Targets")
    followup_ids = fields.One2many("aftersales.followup", "campaign_id", string="Campaign Calls")
    letter_ids = fields.One2many("aftersales.letter", "campaign_id", string="Letters")
    call_count = fields.Integer(compute="_compute_stats", string="Calls")
    reached_count = fields.Integer(compute="_compute_stats", string="Reached")
    responded_count = fields.Integer(compute="_compute_stats", string="Responded")
    response_rate = fields.Float(compute="_compute_stats", string="Response Rate (%)")

    @api.depends("event_date", "company_id")
    def _compute_call_date(self):
        for campaign in self:
            lead = campaign.company_id.as_campaign_call_lead_days
            campaign.call_date = campaign.event_date and campaign.event_date - timedelta(days=lead)

    @api.depends("vehicle_ids", "followup_ids.state", "followup_ids.responded")
    def _compute_stats(self):
        data = {
            (campaign, reached, responded): count
            for campaign, reached, responded, count in self.env["aftersales.followup"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id", "reached", "responded"], ["__count"]
            )
        }
        for campaign in self:
            rows = {k: v for k, v in data.items() if k[0] == campaign}
            campaign.target_count = len(campaign.vehicle_ids)
            campaign.call_count = sum(rows.values())
            campaign.reached_count = sum(v for k, v in rows.items() if k[1])
            campaign.responded_count = sum(v for k, v in rows.items() if k[2])
            campaign.response_rate = (
                100.0 * campaign.responded_count / campaign.call_count if campaign.call_count else 0.0
            )

    def _target_domain(self):
        self.ensure_one()
        domain = [("owner_id", "!=", False), ("company_id", "in", [False, self.company_id.id])]
        if self.vehicle_model_ids:
            domain.append(("model_id", "in", self.vehicle_model_ids.ids))
        if self.last_visit_before:
            domain.append(("owner_id.last_visit_date", "<", self.last_visit_before))
        if self.last_visit_after:
            domain.append(("owner_id.last_visit_date", ">=", self.last_visit_after))
        if self.odometer_min:
            domain.append(("odometer", ">=", self.odometer_min))
        if self.odometer_max:
            domain.append(("odometer", "<=", self.odometer_max))
        if self.next_maintenance_before:
            domain.append(("next_maintenance_date", "<=", self.next_maintenance_before))
        return domain

    def action_select_targets(self):
        self._ensure_group(self.env._("select the targets of"), SUPERVISOR)
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(self.env._("Campaign %(c)s: targets can only change in draft.", c=campaign.name))
            campaign.vehicle_ids = self.env["fleet.vehicle"].search(campaign._target_domain())
        return True

    def action_schedule_calls(self):
        """One call per target customer, on the call date (event date minus the lead days), never in the past:
        an event less than the lead days away is phoned from today."""
        self._ensure_group(self.env._("schedule the calls of"), SUPERVISOR)
        today = fields.Date.context_today(self)
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(self.env._("Campaign %(c)s: calls are already scheduled.", c=campaign.name))
            if not campaign.vehicle_ids:
                raise UserError(
                    self.env._("Campaign %(c)s has no target vehicles: select them first.", c=campaign.name)
                )
        Followup = self.env["aftersales.followup"]
        vals_list = []
        for campaign in self:
            clerk = Followup._clerk_for(campaign.company_id, campaign.user_id or self.env.user)
            due = max(campaign.call_date or today, today)
            seen = set()
            for vehicle in campaign.vehicle_ids:
                if vehicle.owner_id.id in seen:
                    continue
                seen.add(vehicle.owner_id.id)
                vals_list.append(
                    {
                        "company_id": campaign.company_id.id,
                        "call_type": "campaign",
                        "campaign_id": campaign.id,
                        "partner_id": vehicle.owner_id.id,
                        "vehicle_id": vehicle.id,
                        "user_id": clerk.id,
                        "subject": campaign.name,
                        "letter_needed": campaign.letter_needed,
                        "date_from": due,
                        "date_deadline": due,
                    }
                )
        Followup.create(vals_list)
        self._as_workflow_write({"state": "scheduled"})
        return True

    def action_done(self):
        self._ensure_group(self.env._("close"), SUPERVISOR)
        for campaign in self:
            if campaign.state != "scheduled":
                raise UserError(
                    self.env._("Campaign %(c)s: only a campaign with scheduled calls is done.", c=campaign.name)
                )
        self._as_workflow_write({"state": "done"})
        return True

    def action_cancel(self):
        self._ensure_group(self.env._("cancel"), SUPERVISOR)
        for campaign in self:
            if campaign.state in ("done", "cancelled"):
                raise UserError(self.env._("Campaign %(c)s is already done or cancelled.", c=campaign.name))
        self.followup_ids.filtered(lambda c: c.state == "planned")._as_workflow_write({"state": "cancelled"})
        self._as_workflow_write({"state": "cancelled"})
        return True

    def action_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_followup.aftersales_followup_action")
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id, "default_call_type": "campaign"}
        return action
