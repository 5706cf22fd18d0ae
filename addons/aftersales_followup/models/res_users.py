from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    as_followup_away = fields.Boolean(
        string="Away (Follow-up)", help="The clerk is away: new follow-up calls go to the stand-in."
    )
    as_followup_stand_in_id = fields.Many2one(
        "res.users", string="Follow-up Stand-in", help="Clerk who takes the follow-up queue while this clerk is away."
    )

    def _as_followup_available_user(self):
        """The clerk itself, or its stand-in while it is away (one level: a stand-in does not delegate)."""
        self.ensure_one()
        if self.as_followup_away and self.as_followup_stand_in_id:
            return self.as_followup_stand_in_id
        return self

    @api.model
    def _as_home_starts(self):
        """The first screen of the follow-up roles when they open the After-Sales app."""
        return super()._as_home_starts() + [
            (
                50,
                "aftersales_followup.group_aftersales_quality_officer",
                "aftersales_followup.aftersales_quality_info_action",
            ),
            (
                60,
                "aftersales_followup.group_aftersales_followup_clerk",
                "aftersales_followup.aftersales_followup_action",
            ),
        ]
