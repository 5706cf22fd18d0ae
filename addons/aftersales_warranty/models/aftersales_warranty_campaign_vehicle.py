from odoo import api, fields, models


class AftersalesWarrantyCampaignVehicle(models.Model):
    _name = "aftersales.warranty.campaign.vehicle"
    _description = "Vehicle Affected by a Campaign"
    _inherit = ["aftersales.workflow.mixin"]
    _order = "campaign_id, vin"
    # The claim of the recall performed on the vehicle: set by the work order's "Perform Campaign".
    _as_workflow_fields = ("claim_id",)

    campaign_id = fields.Many2one(
        "aftersales.warranty.campaign", string="Recall Campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    vehicle_id = fields.Many2one("fleet.vehicle", required=True, index=True)
    vin = fields.Char(related="vehicle_id.vin_sn", store=True)
    dealer_id = fields.Many2one(related="vehicle_id.purchase_dealer_id", store=True, string="Dealer")
    claim_id = fields.Many2one("aftersales.warranty.claim", readonly=True, index="btree_not_null")
    done = fields.Boolean(compute="_compute_done", store=True)
    done_rate = fields.Float(compute="_compute_done", store=True, aggregator="avg", string="Completion (%)")

    _sql_constraints = [("vehicle_uniq", "unique(campaign_id, vehicle_id)", "A vehicle is listed once per campaign.")]

    @api.depends("claim_id")
    def _compute_done(self):
        for line in self:
            line.done = bool(line.claim_id)
            line.done_rate = 100.0 if line.claim_id else 0.0
