from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _as_home_starts(self):
        """The first screen of this addon's roles when they open the After-Sales app."""
        return super()._as_home_starts() + [
            (70, "aftersales_parts.group_aftersales_parts_clerk", "aftersales_parts.aftersales_parts_demand_action"),
        ]
