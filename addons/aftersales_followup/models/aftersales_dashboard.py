from odoo import api, fields, models


class AftersalesDashboard(models.TransientModel):
    _inherit = "aftersales.dashboard"

    csi_rate = fields.Float(
        compute="_compute_csi_rate",
        string="CSI (%)",
        help="Average satisfaction of the answered surveys of the period's work orders.",
    )
    csi_target = fields.Float(related="company_id.as_csi_goal", string="CSI Target (%)")
    csi_answers = fields.Integer(compute="_compute_csi_rate", string="Satisfaction Answers")

    @api.depends("company_id", "date_from", "date_to")
    def _compute_csi_rate(self):
        # sudo: workshop managers open the dashboard without being survey officers; only the count and the
        # average score of the company's answered satisfaction surveys are read.
        Answer = self.env["survey.user_input"].sudo()
        for dash in self:
            if not (dash.date_from and dash.date_to):
                dash.csi_rate = dash.csi_answers = 0
                continue
            [[count, csi]] = Answer._read_group(
                [("state", "=", "done"), ("repair_id", "any", dash._period_domain())],
                [],
                ["__count", "as_csi:avg"],
            )
            dash.csi_answers = count
            dash.csi_rate = csi or 0.0
