from odoo import api, models
from odoo.exceptions import AccessError

GUARDED_MODELS = ("aftersales.parts.writeoff",)


class TierReview(models.Model):
    _inherit = "tier.review"

    def _as_refuse_guarded(self, models_touched):
        if self.env.su or not set(models_touched) & set(GUARDED_MODELS):
            return
        raise AccessError(
            self.env._(
                "Approvals of a write-off are given with its Validate and Reject buttons only, by its reviewers."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._as_refuse_guarded([vals.get("model") for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"comment"}:
            self._as_refuse_guarded(self.mapped("model") + [vals.get("model")])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _as_unlink_guarded(self):
        self._as_refuse_guarded(self.mapped("model"))
