from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _as_home_starts(self):
        """The first screen of this addon's roles when they open the After-Sales app."""
        return super()._as_home_starts() + [
            (
                10,
                "aftersales_warranty.group_aftersales_warranty_reviewer",
                "aftersales_warranty.aftersales_warranty_claim_action_review",
            ),
            (
                20,
                "aftersales_warranty.group_aftersales_warranty_clerk",
                "aftersales_warranty.aftersales_warranty_claim_action",
            ),
        ]
