from odoo import fields, models

DEPARTMENTS = [
    ("aftersales", "After-sales department"),
    ("parts", "Parts supply department"),
    ("marketing", "Marketing department"),
]


class NetworkPackage(models.Model):
    _name = "aftersales.network.package"
    _description = "Network Starter Package"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    department = fields.Selection(DEPARTMENTS, string="Responsible Department", required=True)
    user_id = fields.Many2one("res.users", string="Responsible", help="Salesperson of the generated starter orders.")
    line_ids = fields.One2many("aftersales.network.package.line", "package_id", string="Products", copy=True)

    def _prepare_sale_order_vals(self, application):
        self.ensure_one()
        return {
            "partner_id": application.partner_id.id,
            "company_id": application.company_id.id,
            "origin": application.name,
            "user_id": (self.user_id or application.user_id).id,
            "network_application_id": application.id,
            "network_package_id": self.id,
            "client_order_ref": self.name,
            "order_line": [line._prepare_sale_order_line_command() for line in self.line_ids],
        }
