from odoo import fields, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    as_repair_id = fields.Many2one("repair.order", string="Work Order", index="btree_not_null", readonly=True)
