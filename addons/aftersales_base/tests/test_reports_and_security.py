import io

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AftersalesCase


@tagged("post_install", "-at_install")
class TestReportsAndSecurity(AftersalesCase):
    def _delivered_order(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, parts=[(self.oil_filter, 1, "add", "customer")], labour=[(self.op_maint, "customer")])
        self._approve_and_work(order)
        self._checks(order)
        order.action_wash_done()
        order.with_user(self.manager).action_approve_credit()
        order.with_user(self.advisor).action_deliver()
        return order

    def test_printed_documents_show_what_the_customer_signs(self):
        order = self._delivered_order()
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html("aftersales_base.report_work_order", order.ids)
        html = html.decode()
        self.assertIn(order.name, html)
        self.assertIn("粤A12345", html)
        self.assertIn("刹车有异响", html)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html("aftersales_base.report_estimate", order.ids)
        self.assertIn("机油滤清器", html.decode())
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_base.report_vehicle_history", self.vehicle.ids
        )
        self.assertIn(order.name, html.decode())

    def test_xlsx_register(self):
        order = self._delivered_order()
        content, fmt = self.env["ir.actions.report"]._render(
            "aftersales_base.work_order_register_xlsx", order.ids, data={}
        )
        self.assertEqual(fmt, "xlsx")
        self.assertTrue(content.startswith(b"PK"))  # a zip container, as every xlsx
        # the amounts carry the company's currency symbol (¥ for the Chinese dealer)
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        total = next(cell for cell in sheet[2] if cell.value == order.amount_total)
        self.assertEqual(total.number_format, f'"{self.company.currency_id.symbol}"#,##0.00')

    def test_dashboard_against_targets(self):
        # Demo data may already have orders this month: measure what one more delivered order adds.
        Dashboard = self.env["aftersales.dashboard"].with_user(self.advisor)
        kpis = ["intake", "revenue", "material_margin", "base_customers"]
        before = Dashboard.create({}).read(kpis)[0]
        order = self._delivered_order()
        after = Dashboard.create({})
        self.assertEqual(after.intake - before["intake"], 1)
        self.assertAlmostEqual(after.revenue - before["revenue"], order.amount_total)
        self.assertAlmostEqual(after.material_margin - before["material_margin"], 45.0 - 20.0)
        self.assertEqual(after.base_customers - before["base_customers"], 1)
        self.assertGreater(after.intake_target, 600)
        # The order was fixed first time and is no comeback: it counts so in the averaged rates.
        self.assertEqual(order.kpi_first_time_fix, 100.0)
        self.assertEqual(order.kpi_comeback, 0.0)

    def test_other_company_vehicles_and_orders_are_invisible(self):
        other = self.env["res.company"].create({"name": "另一家4S店"})
        other_vehicle = self.env["fleet.vehicle"].create(
            {"model_id": self.model.id, "license_plate": "粤B54321", "company_id": other.id}
        )
        Vehicle = self.env["fleet.vehicle"].with_user(self.advisor)
        self.assertNotIn(other_vehicle, Vehicle.search([]))
        with self.assertRaises(AccessError):
            other_vehicle.with_user(self.advisor).read(["license_plate"])

    def test_technician_cannot_create_vehicles_or_change_operation_codes(self):
        with self.assertRaises(AccessError):
            self.env["fleet.vehicle"].with_user(self.technician).create(
                {"model_id": self.model.id, "license_plate": "粤C11111"}
            )
        with self.assertRaises(AccessError):
            self.op_maint.with_user(self.technician).default_hours = 9
        with self.assertRaises(AccessError):
            self.op_maint.with_user(self.advisor).default_hours = 9
        self.op_maint.with_user(self.manager).default_hours = 1.5

    def test_technician_sees_own_queue(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        order.write({"estimate_approved_by": "刘先生", "technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).action_dispatch()
        queue = (
            self.env["repair.order"]
            .with_user(self.technician)
            .search(
                [("technician_ids", "in", self.technician.id), ("service_stage", "in", ("dispatched", "in_progress"))]
            )
        )
        self.assertEqual(queue, order)
