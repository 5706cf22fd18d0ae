from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class AftersalesWarrantyCampaign(models.Model):
    _name = "aftersales.warranty.campaign"
    _description = "Recall / Service Campaign (OEM)"
    _inherit = ["aftersales.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _as_workflow_fields = ("state",)
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, index=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    campaign_type = fields.Selection(
        [("recall", "Recall"), ("service", "Service Campaign")], default="recall", required=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")], default="draft", required=True, tracking=True
    )
    date_start = fields.Date(default=fields.Date.context_today, required=True)
    date_end = fields.Date()
    operation_id = fields.Many2one("aftersales.operation", required=True, check_company=True)
    description = fields.Html(translate=True)
    vin_from = fields.Char(string="VIN From")
    vin_to = fields.Char(string="VIN To")
    vin_list = fields.Text(string="VIN List", help="One VIN per line (imported list).")
    vehicle_line_ids = fields.One2many("aftersales.warranty.campaign.vehicle", "campaign_id", string="Vehicles")
    vehicle_count = fields.Integer(compute="_compute_completion", store=True)
    done_count = fields.Integer(compute="_compute_completion", store=True, string="Done")
    completion_rate = fields.Float(compute="_compute_completion", store=True, string="Completion (%)")

    _sql_constraints = [("code_uniq", "unique(code, company_id)", "Campaign codes must be unique.")]

    @api.depends("vehicle_line_ids.done")
    def _compute_completion(self):
        for campaign in self:
            lines = campaign.vehicle_line_ids
            campaign.vehicle_count = len(lines)
            campaign.done_count = len(lines.filtered("done"))
            campaign.completion_rate = 100.0 * campaign.done_count / len(lines) if lines else 0.0

    def _vehicles_in_range(self):
        """Vehicles of the VIN range: same prefix (positions 1-8, the WMI and vehicle descriptor, and 10-11,
        model year and plant), serial (positions 12-17) within the range; the check digit (position 9) is
        not compared, it differs from one vehicle to the next."""
        self.ensure_one()
        first, last = (self.vin_from or "").strip().upper(), (self.vin_to or "").strip().upper()
        if not first or not last:
            return self.env["fleet.vehicle"]
        if len(first) != 17 or len(last) != 17 or (first[:8], first[9:11]) != (last[:8], last[9:11]):
            raise UserError(
                self.env._(
                    "Campaign %(name)s: a VIN range is two 17-character VINs with the same positions 1-8 and "
                    "10-11; %(first)s and %(last)s are not.",
                    name=self.name,
                    first=first,
                    last=last,
                )
            )
        candidates = self.env["fleet.vehicle"].search([("vin_sn", "=ilike", f"{first[:8]}_{first[9:11]}%")])
        low, high = sorted((first[11:], last[11:]))
        return candidates.filtered(lambda v: len(v.vin_sn) == 17 and low <= v.vin_sn.upper()[11:] <= high)

    def action_load_vehicles(self):
        """Affected vehicles from the VIN range and the imported list."""
        Vehicle = self.env["fleet.vehicle"]
        for campaign in self:
            vins = [v.strip().upper() for v in (campaign.vin_list or "").splitlines() if v.strip()]
            if not vins and not (campaign.vin_from and campaign.vin_to):
                raise UserError(self.env._("Campaign %(name)s: give a VIN range or a VIN list.", name=campaign.name))
            listed = Vehicle.search([("vin_sn", "in", vins)]) if vins else Vehicle
            vehicles = (campaign._vehicles_in_range() | listed) - campaign.vehicle_line_ids.vehicle_id
            campaign.vehicle_line_ids = [Command.create({"vehicle_id": v.id}) for v in vehicles]
        return True

    def _check_campaign_manager(self):
        if not self.env.user.has_group("aftersales_warranty.group_aftersales_warranty_manager"):
            raise AccessError(
                self.env._(
                    "Campaign %(name)s: only a warranty manager opens or closes a campaign.",
                    name=", ".join(self.mapped("name")),
                )
            )

    def action_open(self):
        self._check_campaign_manager()
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(self.env._("Campaign %(name)s is not a draft.", name=campaign.name))
            if not campaign.vehicle_line_ids:
                raise UserError(self.env._("Campaign %(name)s has no affected vehicle.", name=campaign.name))
        self._as_workflow_write({"state": "open"})
        return True

    def action_close(self):
        self._check_campaign_manager()
        for campaign in self:
            if campaign.state != "open":
                raise UserError(self.env._("Campaign %(name)s is not open.", name=campaign.name))
        self._as_workflow_write({"state": "closed"})
        return True
