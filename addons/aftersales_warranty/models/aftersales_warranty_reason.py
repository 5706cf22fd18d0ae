from odoo import fields, models


class AftersalesWarrantyReason(models.Model):
    _name = "aftersales.warranty.reason"
    _description = "Warranty Rejection Reason"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_uniq", "unique(code)", "Reason codes must be unique.")]

    def _compute_display_name(self):
        for reason in self:
            reason.display_name = f"[{reason.code}] {reason.name}"
