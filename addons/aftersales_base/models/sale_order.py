# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.osv import expression


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _get_program_domain(self):
        domain = super()._get_program_domain()
        return expression.AND([domain, self.env["loyalty.program"]._as_membership_domain(self.partner_id)])

    def _get_trigger_domain(self):
        domain = super()._get_trigger_domain()
        membership = self.env["loyalty.program"]._as_membership_domain(self.partner_id)
        return expression.AND([domain, [("program_id." + leaf[0], leaf[1], leaf[2]) for leaf in membership]])

    def _as_apply_membership_rewards(self):
        """Claim the rewards of the membership programs the order qualifies for (one reward per program,
        e.g. a gold customer's percentage discount), as a salesperson would with the Promotions button."""
        self.ensure_one()
        self._update_programs_and_rewards()
        applied = self.env["loyalty.reward"]
        for coupon, rewards in self._get_claimable_rewards().items():
            if not coupon.program_id.as_membership_level or len(coupon.program_id.reward_ids) != 1:
                continue
            if rewards in self.order_line.reward_id:
                continue
            try:
                result = self._apply_program_reward(rewards, coupon)
            except UserError:
                continue
            if "error" not in result:
                applied |= rewards
        return applied
