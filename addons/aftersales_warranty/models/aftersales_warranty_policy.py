from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesWarrantyPolicy(models.Model):
    _name = "aftersales.warranty.policy"
    _description = "Warranty Policy"
    _order = "sequence, id"
    _check_company_auto = True

    def _default_deadline_days(self):
        return self.env.company.as_claim_deadline_days

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.company.currency_id, required=True)
    brand_id = fields.Many2one("fleet.vehicle.model.brand", index=True)
    model_id = fields.Many2one(
        "fleet.vehicle.model",
        string="Vehicle Model",
        index=True,
        help="A policy of a model wins over the policy of its brand.",
    )
    months = fields.Integer(required=True, default=36, help="Coverage from the vehicle's sale date.")
    km = fields.Integer(string="Kilometres", required=True, default=100000)
    labour_rate = fields.Monetary(
        string="Warranty Labour Rate",
        help="Per flat-rate hour; empty = the company's warranty labour rate.",
    )
    handling_percent = fields.Float(string="Parts Handling (%)", help="Paid on top of the OEM price of parts.")
    deadline_days = fields.Integer(
        string="Submission Deadline (days)",
        default=lambda self: self._default_deadline_days(),
        required=True,
        help="Days after the repair within which the claim must be submitted.",
    )
    supplier_recovery_percent = fields.Float(
        string="Supplier Recovery (%)",
        default=100.0,
        help="Share of the approved amount recovered from the supplier of the causal part.",
    )
    return_parts = fields.Boolean(
        string="Old Parts Returned",
        default=True,
        help="Approved claims send the causal part back to the OEM for judgement.",
    )
    exception_ids = fields.One2many("aftersales.warranty.policy.exception", "policy_id", string="Part Exceptions")

    _sql_constraints = [
        ("months_positive", "CHECK(months >= 0 AND km >= 0)", "Coverage months and kilometres cannot be negative."),
    ]

    @api.constrains("brand_id", "model_id")
    def _check_scope(self):
        for policy in self:
            if not policy.brand_id and not policy.model_id:
                raise ValidationError(
                    self.env._("Warranty policy %(name)s: set a brand or a vehicle model.", name=policy.name)
                )

    @api.model
    def _for_vehicles(self, vehicles):
        """Best policy per vehicle (model first, then brand): {vehicle: policy}, one search for all."""
        policies = self.search(
            [
                "|",
                ("model_id", "in", vehicles.model_id.ids),
                ("brand_id", "in", vehicles.model_id.brand_id.ids),
            ]
        )
        result = {}
        for vehicle in vehicles:
            company = vehicle.company_id
            candidates = policies.filtered(lambda p, c=company: not p.company_id or not c or p.company_id == c)
            by_model = candidates.filtered(lambda p, v=vehicle: p.model_id == v.model_id)
            by_brand = candidates.filtered(lambda p, v=vehicle: not p.model_id and p.brand_id == v.model_id.brand_id)
            result[vehicle] = (by_model or by_brand)[:1]
        return result

    def _coverage(self, product):
        """(excluded, months, km) for a part under this policy."""
        self.ensure_one()
        categ = product.categ_id
        exception = self.exception_ids.filtered(
            lambda e: categ and (categ == e.categ_id or categ.parent_path.startswith(e.categ_id.parent_path))
        )
        exception = exception.sorted(lambda e: -len(e.categ_id.parent_path))[:1]
        if exception:
            return exception.excluded, exception.months or self.months, exception.km or self.km
        return False, self.months, self.km

    def _end_date(self, sale_date, months):
        return sale_date + relativedelta(months=months)
