from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _as_home_starts(self):
        """The first screen of this addon's roles when they open the After-Sales app."""
        return super()._as_home_starts() + [
            (
                30,
                "aftersales_network.group_aftersales_network_officer",
                "aftersales_network.aftersales_network_application_action",
            ),
            (
                40,
                "aftersales_network.group_aftersales_committee_member",
                "aftersales_network.aftersales_network_application_action",
            ),
        ]
