from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class AftersalesDashboard(models.TransientModel):
    """Workshop KPIs of a period against the company's targets."""

    _name = "aftersales.dashboard"
    _description = "Workshop Dashboard"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(required=True, default=lambda self: fields.Date.context_today(self).replace(day=1))
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) + relativedelta(months=1, days=-1),
    )
    intake = fields.Integer(compute="_compute_kpis", string="Vehicles Received")
    intake_target = fields.Integer(compute="_compute_kpis")
    intake_per_day = fields.Float(
        compute="_compute_kpis",
        string="Average Intake per Day",
        help="Vehicles received divided by the days elapsed in the period (working days of the company's "
        "calendar when it has one).",
    )
    days_elapsed = fields.Float(compute="_compute_kpis")
    intake_per_day_target = fields.Integer(related="company_id.as_target_intake_day")
    revenue = fields.Monetary(compute="_compute_kpis")
    revenue_per_order = fields.Monetary(compute="_compute_kpis", string="Average Revenue per Order")
    labour_mechanical = fields.Monetary(compute="_compute_kpis")
    labour_body = fields.Monetary(compute="_compute_kpis")
    labour_paint = fields.Monetary(compute="_compute_kpis")
    material_margin = fields.Monetary(compute="_compute_kpis", string="Material Gross Margin")
    material_margin_rate = fields.Float(compute="_compute_kpis", string="Material Margin (%)")
    insurance_total = fields.Monetary(compute="_compute_kpis", string="Insurance Revenue")
    insurance_avg = fields.Monetary(compute="_compute_kpis", string="Insurance Revenue per Vehicle")
    insurance_avg_target = fields.Monetary(related="company_id.as_target_insurance_avg")
    insurance_total_target = fields.Monetary(related="company_id.as_target_insurance_total")
    base_customers = fields.Integer(compute="_compute_kpis", string="Base Customers (12 months)")
    base_customers_target = fields.Integer(related="company_id.as_target_base_customers")
    first_time_fix_rate = fields.Float(compute="_compute_kpis", string="First-Time-Fix Rate (%)")
    first_time_fix_target = fields.Float(related="company_id.as_target_first_fix_rate")
    comeback_rate = fields.Float(compute="_compute_kpis", string="Comeback Rate (%)")
    comeback_target = fields.Float(related="company_id.as_target_comeback_rate")
    on_time_rate = fields.Float(compute="_compute_kpis", string="On-Time Rate (%)")

    def _period_domain(self):
        start = datetime.combine(self.date_from, time.min)
        stop = datetime.combine(self.date_to, time.max)
        return [
            ("company_id", "=", self.company_id.id),
            ("vehicle_id", "!=", False),
            ("service_stage", "!=", "cancelled"),
            ("reception_date", ">=", start),
            ("reception_date", "<=", stop),
        ]

    @api.depends("company_id", "date_from", "date_to")
    def _compute_kpis(self):
        Repair = self.env["repair.order"]
        for dash in self:
            if not (dash.date_from and dash.date_to):
                continue
            [[count, revenue, mech, body, paint, margin, parts, ins, comeback, ftf, on_time]] = Repair._read_group(
                dash._period_domain(),
                [],
                [
                    "__count",
                    "amount_total:sum",
                    "labour_mechanical:sum",
                    "labour_body:sum",
                    "labour_paint:sum",
                    "material_margin:sum",
                    "amount_parts:sum",
                    "amount_insurance:sum",
                    "kpi_comeback:avg",
                    "kpi_first_time_fix:avg",
                    "kpi_on_time:avg",
                ],
            )
            [[insured]] = Repair._read_group(
                dash._period_domain() + [("is_insurance_claim", "=", True)], [], ["__count"]
            )
            days = (dash.date_to - dash.date_from).days + 1
            elapsed = dash._days_elapsed()
            dash.days_elapsed = elapsed
            dash.intake = count
            dash.intake_target = round(dash.company_id.as_target_intake_month * days / 30.0)
            dash.intake_per_day = count / elapsed if elapsed else 0.0
            dash.revenue = revenue
            dash.revenue_per_order = revenue / count if count else 0.0
            dash.labour_mechanical, dash.labour_body, dash.labour_paint = mech, body, paint
            dash.material_margin = margin
            dash.material_margin_rate = 100.0 * margin / parts if parts else 0.0
            dash.insurance_total = ins
            dash.insurance_avg = ins / insured if insured else 0.0
            dash.comeback_rate = comeback or 0.0
            dash.first_time_fix_rate = ftf or 0.0
            dash.on_time_rate = on_time or 0.0
            year_ago = datetime.combine(dash.date_to - relativedelta(years=1), time.min)
            [[customers]] = Repair._read_group(
                [
                    ("company_id", "=", dash.company_id.id),
                    ("service_stage", "=", "delivered"),
                    ("delivered_date", ">=", year_ago),
                ],
                [],
                ["partner_id:count_distinct"],
            )
            dash.base_customers = customers

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for dash in self:
            dash.display_name = "%s ~ %s" % (dash.date_from or "", dash.date_to or "")

    def _days_elapsed(self):
        """Days of the period up to today: working days of the company's calendar when it has one."""
        self.ensure_one()
        stop = min(self.date_to, fields.Date.context_today(self))
        if stop < self.date_from:
            return 0.0
        calendar_days = float((stop - self.date_from).days + 1)
        calendar = self.company_id["resource_calendar_id"] if "resource_calendar_id" in self.company_id else False
        if not calendar:
            return calendar_days
        tz = pytz.timezone(calendar.tz or self.env.user.tz or "UTC")
        start_dt = tz.localize(datetime.combine(self.date_from, time.min))
        stop_dt = tz.localize(datetime.combine(stop, time.max))
        working = calendar.get_work_duration_data(start_dt, stop_dt)["days"]
        # A period of holidays only still has elapsed days: do not divide by zero.
        return round(working, 2) or calendar_days

    def _shift_period(self, months):
        self.ensure_one()
        start = self.date_from.replace(day=1) + relativedelta(months=months)
        self.write({"date_from": start, "date_to": start + relativedelta(months=1, days=-1)})

    def action_previous_month(self):
        self._shift_period(-1)
        return True

    def action_next_month(self):
        self._shift_period(1)
        return True

    @api.model
    def action_open_dashboard(self):
        """The dashboard of the current month, opened read-only (not as a new record to save)."""
        dashboard = self.create({})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Workshop Dashboard"),
            "res_model": self._name,
            "res_id": dashboard.id,
            "view_mode": "form",
            "views": [(self.env.ref("aftersales_base.aftersales_dashboard_view_form").id, "form")],
            "target": "current",
        }

    def action_open_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_base.repair_order_action_analysis")
        action["domain"] = self._period_domain()
        return action
