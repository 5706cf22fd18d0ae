from odoo import fields, models


class NetworkDocumentType(models.Model):
    _name = "aftersales.network.document.type"
    _description = "Network Application Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    required = fields.Boolean(default=True, help="An application cannot be submitted while this document is missing.")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
