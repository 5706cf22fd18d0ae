import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PartsRegion(models.Model):
    """A region of the OEM's parts network: its provinces and its vehicle population (地区保有量).

    The OEM derives each dealer's reserve quota from it: for a part, the population of the vehicle
    models the part fits, per 1,000 vehicles, times the part's reserve coefficient.
    """

    _name = "aftersales.parts.region"
    _description = "Parts Region"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the region between companies.")
    state_ids = fields.Many2many(
        "res.country.state",
        string="Provinces",
        help="A warehouse whose address lies in one of these provinces takes its reserve quotas from this region.",
    )
    population_ids = fields.One2many(
        "aftersales.parts.region.population", "region_id", string="Vehicles per model", copy=True
    )
    vehicle_count = fields.Integer(
        string="Vehicle population",
        compute="_compute_vehicle_count",
        store=True,
        help="Vehicles in service in the region, all models together (保有量).",
    )
    date = fields.Date(string="Population as of", help="Date of the vehicle population figures.")

    @api.depends("population_ids.vehicle_count")
    def _compute_vehicle_count(self):
        for region in self:
            region.vehicle_count = sum(region.population_ids.mapped("vehicle_count"))

    @api.constrains("state_ids", "company_id", "active")
    def _check_state_in_one_region(self):
        for region in self.filtered(lambda r: r.active and r.state_ids):
            domain = [("id", "!=", region.id), ("state_ids", "in", region.state_ids.ids)]
            if region.company_id:
                domain.append(("company_id", "in", (False, region.company_id.id)))
            others = self.search(domain)
            if others:
                raise ValidationError(
                    self.env._(
                        "Province %(province)s already belongs to region %(region)s.",
                        province=(others[0].state_ids & region.state_ids)[0].name,
                        region=others[0].name,
                    )
                )

    def _get_population(self, vehicle_models):
        """Vehicles in service of the given models; no models (a part for every vehicle) counts them all."""
        self.ensure_one()
        if not vehicle_models:
            return self.vehicle_count
        return sum(self.population_ids.filtered(lambda p: p.vehicle_model_id in vehicle_models).mapped("vehicle_count"))

    @api.model
    def _find_for_warehouse(self, warehouse):
        """The region of the warehouse's province, else the region set on its company."""
        company = warehouse.company_id or self.env.company
        state = warehouse.partner_id.state_id or company.state_id
        if state:
            regions = self.search([("state_ids", "in", state.ids), ("company_id", "in", (False, company.id))])
            if regions:
                return regions.sorted(lambda r: not r.company_id)[:1]
        return company.as_parts_region_id

    @api.model
    def _compute_quota(self, population, per_thousand):
        """Reserve quota = ceil(population / 1000 x reserve per 1,000 vehicles); 0 without a coefficient."""
        if not population or not per_thousand:
            return 0.0
        # round first so that 2500 / 1000 x 2 gives 5, not 6 because of a float error
        return float(math.ceil(round(population * per_thousand / 1000.0, 6)))


class PartsRegionPopulation(models.Model):
    _name = "aftersales.parts.region.population"
    _description = "Vehicle Population of a Region"
    _order = "region_id, vehicle_model_id"

    region_id = fields.Many2one("aftersales.parts.region", required=True, ondelete="cascade")
    vehicle_model_id = fields.Many2one("fleet.vehicle.model", string="Vehicle model", required=True)
    vehicle_count = fields.Integer(string="Vehicles in service", required=True)

    _sql_constraints = [
        ("model_unique", "UNIQUE(region_id, vehicle_model_id)", "A vehicle model is counted once per region."),
        ("count_positive", "CHECK(vehicle_count >= 0)", "A vehicle population cannot be negative."),
    ]
