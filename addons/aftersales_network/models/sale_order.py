from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    network_application_id = fields.Many2one("aftersales.network.application", index="btree_not_null", copy=False)
    network_package_id = fields.Many2one("aftersales.network.package", string="Starter Package", copy=False)
    network_department = fields.Selection(
        string="Responsible Department", related="network_package_id.department", store=True
    )
