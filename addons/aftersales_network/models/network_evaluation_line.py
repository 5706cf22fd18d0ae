from odoo import api, fields, models
from odoo.exceptions import ValidationError


class NetworkEvaluationLine(models.Model):
    _name = "aftersales.network.evaluation.line"
    _description = "Network Scoring Sheet Line"
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one("aftersales.network.evaluation", required=True, ondelete="cascade", index=True)
    criterion_id = fields.Many2one(
        "aftersales.network.scorecard.criterion", string="Scorecard Criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    group_name = fields.Char(related="criterion_id.group_name")
    name = fields.Char(related="criterion_id.name")
    max_points = fields.Float(related="criterion_id.max_points", store=True)
    points = fields.Float()
    note = fields.Char()

    @api.constrains("points", "max_points")
    def _check_points(self):
        for line in self:
            if line.points < 0 or line.points > line.max_points:
                raise ValidationError(
                    self.env._(
                        "Criterion %(criterion)s accepts 0 to %(max)s points, not %(points)s.",
                        criterion=line.name,
                        max=line.max_points,
                        points=line.points,
                    )
                )
