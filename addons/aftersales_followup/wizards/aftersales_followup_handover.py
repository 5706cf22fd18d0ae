from odoo import fields, models


class AftersalesFollowupHandover(models.TransientModel):
    _name = "aftersales.followup.handover"
    _description = "Hand the Follow-up Queue to a Stand-in"

    user_id = fields.Many2one("res.users", string="Absent Clerk", required=True)
    stand_in_id = fields.Many2one("res.users", string="Stand-in", required=True)
    set_away = fields.Boolean(string="Send new calls to the stand-in too", default=True)

    def action_hand_over(self):
        self.ensure_one()
        calls = self.env["aftersales.followup"].search(
            [("user_id", "=", self.user_id.id), ("state", "in", ("planned", "solved"))]
        )
        calls.write({"user_id": self.stand_in_id.id})
        if self.set_away:
            # sudo: supervisors may mark a clerk away without being user administrators; only these two
            # follow-up fields of the clerk are written.
            self.user_id.sudo().write({"as_followup_away": True, "as_followup_stand_in_id": self.stand_in_id.id})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(n)s calls handed over to %(user)s.", n=len(calls), user=self.stand_in_id.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
