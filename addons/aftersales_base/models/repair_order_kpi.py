from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class RepairOrder(models.Model):
    """Commitments, comebacks and the KPI measures of the work orders."""

    # one file per concern of the work order (the flow is in repair_order.py)
    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    # Commitments and comebacks
    job_complexity = fields.Selection(
        [("simple", "Simple"), ("complex", "Complex")], compute="_compute_job_complexity", store=True, readonly=False
    )
    commitment_deadline = fields.Datetime(compute="_compute_commitment_deadline", store=True, index=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue")
    is_on_time = fields.Boolean(compute="_compute_is_on_time", store=True, string="Delivered On Time")
    comeback_of_id = fields.Many2one(
        "repair.order",
        compute="_compute_comeback",
        store=True,
        index="btree_not_null",
        help="Earlier order of the same vehicle, within the comeback window, for the same operation or complaint.",
    )
    is_comeback = fields.Boolean(compute="_compute_comeback", store=True, string="Comeback")

    # KPI measures (percentages, averaged in pivot and graph views)
    kpi_comeback = fields.Float(compute="_compute_kpis", store=True, aggregator="avg", string="Comeback Rate (%)")
    kpi_first_time_fix = fields.Float(
        compute="_compute_kpis", store=True, aggregator="avg", string="First-Time-Fix Rate (%)"
    )
    kpi_on_time = fields.Float(compute="_compute_kpis", store=True, aggregator="avg", string="On-Time Rate (%)")
    material_margin = fields.Monetary(compute="_compute_kpis", store=True, string="Material Gross Margin")

    @api.depends("labour_line_ids.operation_id.job_complexity")
    def _compute_job_complexity(self):
        for order in self:
            complexities = order.labour_line_ids.operation_id.mapped("job_complexity")
            order.job_complexity = "complex" if "complex" in complexities else "simple"

    @api.depends("reception_date", "job_complexity", "company_id")
    def _compute_commitment_deadline(self):
        for order in self:
            company = order.company_id or self.env.company
            hours = company.as_complex_job_hours if order.job_complexity == "complex" else company.as_simple_job_hours
            order.commitment_deadline = order.reception_date and order.reception_date + timedelta(hours=hours)

    @api.depends("commitment_deadline", "service_stage")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for order in self:
            order.is_overdue = bool(
                order.commitment_deadline
                and order.service_stage not in ("ready", "delivered", "cancelled")
                and order.commitment_deadline < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue work orders."))
        domain = [
            ("service_stage", "not in", ("ready", "delivered", "cancelled")),
            ("commitment_deadline", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.depends("ready_date", "commitment_deadline")
    def _compute_is_on_time(self):
        for order in self:
            order.is_on_time = bool(order.ready_date and order.ready_date <= order.commitment_deadline)

    @api.depends("is_comeback", "rework_count", "is_on_time", "ready_date", "amount_parts", "parts_cost")
    def _compute_kpis(self):
        for order in self:
            order.kpi_comeback = 100.0 if order.is_comeback else 0.0
            order.kpi_first_time_fix = 0.0 if order.is_comeback or order.rework_count else 100.0
            order.kpi_on_time = 100.0 if order.is_on_time or not order.ready_date else 0.0
            order.material_margin = order.amount_parts - order.parts_cost

    @api.depends("vehicle_id", "reception_date", "complaint", "labour_line_ids.operation_id")
    def _compute_comeback(self):
        for order in self:
            order.comeback_of_id = order._find_comeback_origin()
            order.is_comeback = bool(order.comeback_of_id)

    def _find_comeback_origin(self):
        self.ensure_one()
        if not self.vehicle_id or not self.reception_date:
            return self.browse()
        window = self.reception_date - timedelta(days=(self.company_id or self.env.company).as_comeback_days)
        earlier = self.search(
            [
                ("vehicle_id", "=", self.vehicle_id.id),
                ("id", "!=", self._origin.id or 0),
                ("service_stage", "=", "delivered"),
                ("delivered_date", ">=", window),
                ("delivered_date", "<=", self.reception_date),
            ],
            order="delivered_date desc",
        )
        operations = self.labour_line_ids.operation_id
        complaint = (self.complaint or "").strip().lower()
        for previous in earlier:
            if operations & previous.labour_line_ids.operation_id:
                return previous
            if complaint and complaint == (previous.complaint or "").strip().lower():
                return previous
        return self.browse()
