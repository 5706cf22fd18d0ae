from odoo import fields, models


class NetworkInterviewLine(models.Model):
    _name = "aftersales.network.interview.line"
    _description = "Site Visit Interview Checklist Line"
    _order = "application_id, sequence, id"

    application_id = fields.Many2one("aftersales.network.application", required=True, ondelete="cascade", index=True)
    topic_id = fields.Many2one("aftersales.network.interview.topic", string="Outline Topic", ondelete="set null")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Topic", required=True)
    is_done = fields.Boolean(string="Covered")
    answer = fields.Text(string="Notes")
