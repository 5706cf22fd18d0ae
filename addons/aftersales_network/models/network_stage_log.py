from odoo import fields, models


class NetworkStageLog(models.Model):
    _name = "aftersales.network.stage.log"
    _description = "Network Application Stage Duration"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    application_id = fields.Many2one(
        "aftersales.network.application", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="application_id.company_id", store=True)
    state_id = fields.Many2one(related="application_id.state_id", string="Province", store=True)
    state = fields.Selection(selection="_selection_state", string="Stage", required=True)
    date_from = fields.Datetime(required=True)
    date_to = fields.Datetime(required=True)
    days = fields.Float(string="Days", aggregator="avg", digits=(16, 1))

    def _selection_state(self):
        return self.env["aftersales.network.application"]._fields["state"].selection
