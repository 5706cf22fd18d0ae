from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_application_threshold = fields.Float(related="company_id.as_application_threshold", readonly=False)
    as_rectification_days = fields.Integer(related="company_id.as_rectification_days", readonly=False)
    as_contract_years = fields.Integer(related="company_id.as_contract_years", readonly=False)
    as_acceptance_max_inspections = fields.Integer(related="company_id.as_acceptance_max_inspections", readonly=False)
    as_committee_min_votes = fields.Integer(related="company_id.as_committee_min_votes", readonly=False)
    as_evaluation_interval_months = fields.Integer(related="company_id.as_evaluation_interval_months", readonly=False)
