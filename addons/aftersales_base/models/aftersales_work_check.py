from odoo import fields, models


class AftersalesWorkCheck(models.Model):
    _name = "aftersales.work.check"
    _inherit = ["aftersales.workflow.mixin"]
    # A check is recorded by the work order's check step only, in the checker's own name.
    _as_workflow_locked = True
    _description = "Work Order Quality Check (三检)"
    _order = "repair_id, id"

    repair_id = fields.Many2one("repair.order", string="Work Order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="repair_id.company_id", store=True, index=True)
    check_type = fields.Selection(
        [("self", "Self Check"), ("mutual", "Mutual Check"), ("final", "Final Inspection")], required=True
    )
    round = fields.Integer(default=0, help="Rework round in which the check was made.")
    user_id = fields.Many2one("res.users", string="Checked By", required=True, default=lambda self: self.env.user)
    result = fields.Selection([("pass", "Passed"), ("fail", "Failed")], required=True)
    reason = fields.Text()
    date = fields.Datetime(default=fields.Datetime.now, required=True)
