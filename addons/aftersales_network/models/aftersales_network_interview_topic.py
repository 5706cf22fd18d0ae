from odoo import fields, models


class NetworkInterviewTopic(models.Model):
    _name = "aftersales.network.interview.topic"
    _description = "Site Visit Interview Outline Topic"
    _order = "sequence, id"

    name = fields.Char(string="Topic", required=True, translate=True)
    sequence = fields.Integer(default=10)
    guidance = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
