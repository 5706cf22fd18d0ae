from odoo import api, models
from odoo.exceptions import AccessError


class AccountMove(models.Model):
    _inherit = "account.move"

    def _as_check_accountant(self, action):
        """Staff of the after-sales roles (advisors invoice, clerks claim) do not undo posted
        documents: resetting to draft, cancelling or deleting a posted entry is the
        accountant's (Accounting: Administrator or Bookkeeper)."""
        user = self.env.user
        if (
            self.env.su
            or user.has_group("account.group_account_manager")
            or user.has_group("account.group_account_user")
        ):
            return
        aftersales = self.env.ref("aftersales_base.module_category_aftersales")
        roles = user.groups_id.filtered(
            lambda g: g.category_id and (g.category_id == aftersales or g.category_id.parent_id == aftersales)
        )
        posted = self.filtered(lambda m: m.state == "posted" or m.posted_before)
        if roles and posted:
            raise AccessError(
                self.env._(
                    "%(entries)s: only an accountant may %(action)s a posted entry.",
                    entries=", ".join(posted.mapped("name")),
                    action=action,
                )
            )

    def button_draft(self):
        self._as_check_accountant(self.env._("reset to draft"))
        return super().button_draft()

    def button_cancel(self):
        self._as_check_accountant(self.env._("cancel"))
        return super().button_cancel()

    @api.ondelete(at_uninstall=False)
    def _as_unlink_only_by_accountant(self):
        self._as_check_accountant(self.env._("delete"))
