from odoo import fields, models


class AftersalesComplaintCause(models.Model):
    _name = "aftersales.complaint.cause"
    _description = "Complaint Cause Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        [
            ("service", "Service Attitude"),
            ("repair_quality", "Repair Quality"),
            ("product_quality", "Product Quality"),
            ("price", "Price"),
            ("time", "Waiting Time"),
            ("parts", "Parts Supply"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")
