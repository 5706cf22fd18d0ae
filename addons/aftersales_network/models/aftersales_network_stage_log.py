from odoo import api, fields, models

from .aftersales_network_application import state_flow_order


class NetworkStageLog(models.Model):
    _name = "aftersales.network.stage.log"
    _inherit = ["aftersales.workflow.mixin"]
    _description = "Network Application Stage Duration"
    _order = "date_from desc, id desc"
    _check_company_auto = True
    # Written by the application's stage changes only: the history users read is the one that happened.
    _as_workflow_locked = True

    application_id = fields.Many2one(
        "aftersales.network.application", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="application_id.company_id", store=True)
    state_id = fields.Many2one(related="application_id.state_id", string="Province", store=True)
    state = fields.Selection(selection="_selection_state", string="Stage", required=True)
    date_from = fields.Datetime(required=True)
    date_to = fields.Datetime(required=True)
    days = fields.Float(aggregator="avg", digits=(16, 1))

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        if "state" in groupby_terms:
            groupby_terms = dict(groupby_terms, state=state_flow_order(groupby_terms["state"]))
        return super()._read_group_orderby(order, groupby_terms, query)

    def _selection_state(self):
        return self.env["aftersales.network.application"]._fields["state"].selection
