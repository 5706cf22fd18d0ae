from odoo import fields, models


class AftersalesWarrantyPolicyException(models.Model):
    _name = "aftersales.warranty.policy.exception"
    _description = "Warranty Policy Part Exception"
    _order = "policy_id, id"

    policy_id = fields.Many2one("aftersales.warranty.policy", required=True, ondelete="cascade", index=True)
    categ_id = fields.Many2one("product.category", string="Part Category", required=True)
    excluded = fields.Boolean(string="Excluded (wear part)")
    months = fields.Integer(help="Longer (or shorter) coverage for this category; empty = the policy's.")
    km = fields.Integer(string="Kilometres")

    _sql_constraints = [
        ("categ_uniq", "unique(policy_id, categ_id)", "One exception per part category in a policy."),
    ]
