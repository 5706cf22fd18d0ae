from odoo import api, fields, models


class PartsWriteoffLine(models.Model):
    _name = "aftersales.parts.writeoff.line"
    _description = "Parts Write-off Line"
    _order = "writeoff_id, id"
    _check_company_auto = True

    writeoff_id = fields.Many2one("aftersales.parts.writeoff", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="writeoff_id.company_id", store=True)
    currency_id = fields.Many2one(related="writeoff_id.currency_id")
    product_id = fields.Many2one(
        "product.product", string="Part", required=True, check_company=True, domain="[('is_storable', '=', True)]"
    )
    part_number = fields.Char(related="product_id.as_part_number")
    quantity = fields.Float(required=True, default=1.0, digits="Product Unit of Measure")
    reason = fields.Selection(
        [
            ("damaged", "Damaged"),
            ("defective", "Defective"),
            ("obsolete", "Obsolete model"),
            ("human", "Damaged by a person"),
        ],
        required=True,
        default="damaged",
    )
    responsible_id = fields.Many2one(
        "res.users", string="Responsible employee", help="Who pays for damage caused by a person."
    )
    unit_cost = fields.Float(
        compute="_compute_unit_cost", store=True, readonly=False, precompute=True, digits="Product Price"
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)
    note = fields.Char(string="Why it cannot be claimed, returned or repaired")

    _sql_constraints = [("quantity_positive", "CHECK(quantity > 0)", "The written-off quantity must be positive.")]

    @api.depends("product_id")
    def _compute_unit_cost(self):
        for line in self:
            line.unit_cost = line.product_id.standard_price

    @api.depends("unit_cost", "quantity")
    def _compute_amount(self):
        for line in self:
            line.amount = line.unit_cost * line.quantity

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.writeoff_id._as_check_draft()
        return lines

    def write(self, vals):
        if not self.env.su:
            self.writeoff_id._as_check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _as_unlink_only_draft(self):
        if not self.env.su:
            self.writeoff_id._as_check_draft()
