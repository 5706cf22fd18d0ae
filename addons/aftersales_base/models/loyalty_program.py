# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .res_partner import MEMBERSHIP_LEVELS


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    as_membership_level = fields.Selection(
        [level for level in MEMBERSHIP_LEVELS if level[0] != "none"],
        string="Membership Level",
        help="Only customers of this membership level get this program; their work orders get its "
        "reward automatically at settlement. Empty: the program applies to everybody as usual.",
    )

    def _as_membership_domain(self, partner):
        """Programs open to the partner's membership level: unrestricted ones and those of its level."""
        level = partner.commercial_partner_id.membership_level
        return [("as_membership_level", "in", [False, level or "none"])]
