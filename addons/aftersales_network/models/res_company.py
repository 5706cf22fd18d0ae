from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_application_threshold = fields.Float(
        string="Application qualifying score",
        default=60.0,
    )
    as_rectification_days = fields.Integer(
        string="Rectification period (working days)",
        default=30,
        help="Working days (company calendar: holidays and swapped weekends count) a candidate has to rectify "
        "after a failed acceptance inspection.",
    )
    as_contract_years = fields.Integer(
        string="Service contract duration (years)",
        default=1,
        help="Default duration of a new service centre contract.",
    )
    as_acceptance_max_inspections = fields.Integer(
        string="Acceptance inspections allowed",
        default=2,
        help="An acceptance that fails this many times cancels the cooperation; no further inspection is allowed.",
    )
    as_committee_min_votes = fields.Integer(
        string="Committee votes required",
        default=2,
        help="The network development committee decides on an application once at least this many members voted.",
    )
    as_evaluation_interval_months = fields.Integer(
        string="Periodic evaluation interval (months)",
        default=3,
        help="Live dealers get a periodic evaluation sheet when their last one is older than this.",
    )
