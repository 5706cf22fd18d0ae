from odoo import api, fields, models

JOB_TYPES = [
    ("maintenance", "Periodic Maintenance"),
    ("general", "General Repair"),
    ("body_paint", "Body and Paint"),
    ("roadside", "Roadside Assistance"),
]
PAYERS = [("customer", "Customer"), ("warranty", "Warranty"), ("internal", "Internal"), ("insurance", "Insurance")]


class AftersalesOperation(models.Model):
    _name = "aftersales.operation"
    _description = "Labour Operation Code"
    _order = "code"
    _rec_names_search = ["code", "name"]
    _check_company_auto = True

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    category = fields.Selection(
        [("mechanical", "Mechanical"), ("body", "Body"), ("paint", "Paint")],
        required=True,
        default="mechanical",
        help="Labour revenue is analysed by this split.",
    )
    job_complexity = fields.Selection(
        [("simple", "Simple"), ("complex", "Complex")],
        default="simple",
        required=True,
        help="Simple jobs are promised within the simple-job commitment, complex ones within the complex one.",
    )
    default_hours = fields.Float(string="Flat-Rate Hours", digits=(16, 2), required=True, default=1.0)
    time_ids = fields.One2many("aftersales.operation.time", "operation_id", string="Hours per Model")
    product_id = fields.Many2one(
        "product.product",
        string="Labour Product",
        check_company=True,
        domain=[("type", "=", "service")],
        help="Service product used on invoices; empty = the company's labour product.",
    )

    _sql_constraints = [("code_company_uniq", "unique(code, company_id)", "Operation codes must be unique.")]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for op in self:
            op.display_name = f"[{op.code}] {op.name}" if op.code else op.name

    def _hours_for_model(self, model):
        """Flat-rate hours of this operation on a vehicle model (model-specific if set)."""
        self.ensure_one()
        line = self.time_ids.filtered(lambda t: t.model_id == model)[:1]
        return line.hours if line else self.default_hours


class AftersalesOperationTime(models.Model):
    _name = "aftersales.operation.time"
    _description = "Flat-Rate Hours per Vehicle Model"
    _order = "operation_id, model_id"

    operation_id = fields.Many2one("aftersales.operation", required=True, ondelete="cascade", index=True)
    model_id = fields.Many2one("fleet.vehicle.model", string="Vehicle Model", required=True)
    hours = fields.Float(string="Flat-Rate Hours", digits=(16, 2), required=True)

    _sql_constraints = [("operation_model_uniq", "unique(operation_id, model_id)", "One time per model.")]
