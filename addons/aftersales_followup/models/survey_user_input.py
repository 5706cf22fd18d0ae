from odoo import api, fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    repair_id = fields.Many2one("repair.order", string="Work Order", index="btree_not_null", readonly=True)
    as_company_id = fields.Many2one(related="repair_id.company_id", string="Dealer", store=True, index="btree_not_null")
    as_advisor_id = fields.Many2one(related="repair_id.user_id", string="Service Advisor", store=True)
    as_csi = fields.Float(
        string="CSI (%)",
        compute="_compute_as_csi",
        store=True,
        aggregator="avg",
        help="Customer satisfaction of the answer: the survey's score in percent.",
    )
    as_csi_goal = fields.Float(related="as_company_id.as_csi_goal", string="CSI Goal (%)")
    as_below_goal = fields.Boolean(compute="_compute_as_csi", store=True, string="Below Goal")
    as_complaint_id = fields.Many2one("aftersales.complaint", string="Complaint", readonly=True, copy=False)

    @api.depends("scoring_percentage", "state", "repair_id")
    def _compute_as_csi(self):
        for answer in self:
            answer.as_csi = answer.scoring_percentage if answer.repair_id and answer.state == "done" else 0.0
            answer.as_below_goal = bool(
                answer.repair_id and answer.state == "done" and answer.as_csi < answer.repair_id.company_id.as_csi_goal
            )

    def _mark_done(self):
        res = super()._mark_done()
        self._open_dissatisfied_complaints()
        return res

    def _open_dissatisfied_complaints(self):
        """A dissatisfied answer (below the company's threshold) opens a complaint on its work order."""
        todo = self.filtered(
            lambda a: a.repair_id
            and not a.as_complaint_id
            and a.as_csi < a.repair_id.company_id.as_csi_complaint_threshold
        )
        # sudo: the customer answering the survey is a public/portal user; the complaint it opens belongs
        # to the dealer's follow-up team and is created with fixed values from the answered work order.
        Complaint = self.env["aftersales.complaint"].sudo()
        Followup = self.env["aftersales.followup"].sudo()
        for answer in todo:
            order = answer.repair_id.sudo()
            complaint = Complaint.create(
                {
                    "company_id": order.company_id.id,
                    "user_id": Followup._clerk_for(order.company_id, order.user_id).id,
                    "partner_id": order.partner_id.id,
                    "vehicle_id": order.vehicle_id.id,
                    "repair_id": order.id,
                    "source": "survey",
                    "survey_input_id": answer.id,
                    "description": self.env._(
                        "Satisfaction survey of %(wo)s scored %(csi).0f%%.", wo=order.name, csi=answer.as_csi
                    ),
                }
            )
            answer.sudo().as_complaint_id = complaint
        return todo
