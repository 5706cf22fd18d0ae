from odoo import api, fields, models


class NetworkDocument(models.Model):
    _name = "aftersales.network.document"
    _description = "Network Application Document"
    _order = "application_id, sequence, id"
    _check_company_auto = True

    application_id = fields.Many2one(
        "aftersales.network.application", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="application_id.company_id", store=True)
    type_id = fields.Many2one("aftersales.network.document.type", string="Document Type", required=True)
    sequence = fields.Integer(related="type_id.sequence", store=True)
    required = fields.Boolean(related="type_id.required")
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    note = fields.Char()
    is_provided = fields.Boolean(string="Provided", compute="_compute_is_provided", store=True)

    @api.depends("attachment_ids")
    def _compute_is_provided(self):
        for document in self:
            document.is_provided = bool(document.attachment_ids)
