from odoo import fields, models


class NetworkScorecardCriterion(models.Model):
    _name = "aftersales.network.scorecard.criterion"
    _description = "Network Scorecard Criterion"
    _order = "scorecard_id, sequence, id"

    scorecard_id = fields.Many2one("aftersales.network.scorecard", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    group_name = fields.Char(string="Group", required=True, translate=True)
    name = fields.Char(string="Criterion", required=True, translate=True)
    max_points = fields.Float(string="Maximum Points", required=True, default=10.0)
    guidance = fields.Text(translate=True, help="How to award the points.")

    _sql_constraints = [
        ("max_points_positive", "CHECK(max_points > 0)", "The maximum points of a criterion must be positive."),
    ]
