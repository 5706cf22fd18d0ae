from odoo import api, fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "aftersales.workflow.mixin"]

    def _as_workflow_field_names(self):
        # A partner becomes a network dealer (and gets its service centre code) by a signed contract only.
        return super()._as_workflow_field_names() | {"is_network_dealer", "network_code"}

    # is_network_dealer itself is aftersales_base's (warranty and follow-up read it too).
    network_code = fields.Char(string="Service Centre Code", copy=False, index="btree_not_null")
    network_application_ids = fields.One2many(
        "aftersales.network.application", "partner_id", string="Network Applications"
    )
    network_evaluation_ids = fields.One2many("aftersales.network.evaluation", "partner_id", string="Dealer Evaluations")
    network_evaluation_count = fields.Integer(compute="_compute_network_evaluation_count")

    _sql_constraints = [
        ("network_code_uniq", "unique(network_code)", "A service centre code must be unique."),
    ]

    @api.depends("network_evaluation_ids")
    def _compute_network_evaluation_count(self):
        groups = self.env["aftersales.network.evaluation"]._read_group(
            [("partner_id", "in", self.ids), ("kind", "in", ("periodic", "flying"))], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.network_evaluation_count = counts.get(partner.id, 0)

    def action_view_network_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_network.aftersales_network_evaluation_dealer_action"
        )
        action["domain"] = [("partner_id", "=", self.id), ("kind", "in", ("periodic", "flying"))]
        action["context"] = {"default_partner_id": self.id, "default_kind": "periodic"}
        return action
