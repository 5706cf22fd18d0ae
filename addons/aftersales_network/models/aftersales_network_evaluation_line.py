from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The points of a confirmed (or cancelled) sheet are the record: they change through no one's hands.
SCORE_FIELDS = {"evaluation_id", "criterion_id", "points", "note"}


class NetworkEvaluationLine(models.Model):
    _name = "aftersales.network.evaluation.line"
    _inherit = ["aftersales.workflow.mixin"]
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

    def _as_workflow_field_names(self):
        names = super()._as_workflow_field_names()
        if any(line.evaluation_id.state != "draft" for line in self):
            names |= SCORE_FIELDS
        return names

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            ids = {vals.get("evaluation_id") for vals in vals_list} - {False, None}
            sheets = self.env["aftersales.network.evaluation"].browse(ids)
            if any(sheet.state != "draft" for sheet in sheets):
                self.browse()._as_workflow_refuse({"points"})
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if not self.env.su and any(line.evaluation_id.state != "draft" for line in self):
            self._as_workflow_refuse({"points"})

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
