from odoo import fields, models


class AftersalesWorkCheckFail(models.TransientModel):
    _name = "aftersales.work.check.fail"
    _description = "Failed Quality Check"

    repair_id = fields.Many2one("repair.order", required=True, ondelete="cascade")
    check_type = fields.Selection(
        [("self", "Self Check"), ("mutual", "Mutual Check"), ("final", "Final Inspection")],
        required=True,
        default="final",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.repair_id.with_context(check_type=self.check_type).action_check_fail(self.reason)
        return {"type": "ir.actions.act_window_close"}
