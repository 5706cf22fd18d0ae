from odoo import Command, fields, models


class NetworkPackageLine(models.Model):
    _name = "aftersales.network.package.line"
    _description = "Network Starter Package Line"
    _order = "package_id, sequence, id"

    package_id = fields.Many2one("aftersales.network.package", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", required=True, domain="[('sale_ok', '=', True)]")
    quantity = fields.Float(required=True, default=1.0, digits="Product Unit of Measure")

    def _prepare_sale_order_line_command(self):
        self.ensure_one()
        return Command.create({"product_id": self.product_id.id, "product_uom_qty": self.quantity})
