from datetime import datetime

from odoo import Command, fields
from odoo.tests import tagged

from ..models.repair_order import SERVICE_STAGES
from .common import AftersalesCase

STAGES = [code for code, _label in SERVICE_STAGES]


@tagged("post_install", "-at_install")
class TestWorkshopUi(AftersalesCase):
    """What each workshop role sees on the screens and printouts of a work order."""

    def _ready_order(self, parts=(), labour=()):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, parts=parts, labour=labour)
        self._approve_and_work(order)
        self._checks(order)
        order.with_user(self.technician).action_wash_done()
        return order

    def test_kanban_columns_follow_the_flow_and_fold_only_closed_stages(self):
        order = self._new_order()
        Repair = self.env["repair.order"].with_user(self.technician)
        groups = Repair.web_read_group([("id", "=", order.id)], ["service_stage"], ["service_stage"])["groups"]
        self.assertEqual([g["service_stage"] for g in groups], STAGES, "every stage, empty ones too, in order")
        folded = [g["service_stage"] for g in groups if g["__fold"]]
        self.assertEqual(folded, ["delivered", "cancelled"])
        # Pivot and graph read eagerly: the stages still come in the flow's order, not alphabetically.
        self._receive(order)
        other = self._new_order()
        rows = Repair.read_group(
            [("id", "in", (order | other).ids)], ["__count"], ["service_stage", "job_type"], lazy=False
        )
        self.assertEqual([r["service_stage"] for r in rows], ["reception", "diagnosis"])

    def test_workshop_users_start_on_the_kanban_and_technicians_have_their_queue(self):
        action = self.env.ref("aftersales_base.repair_order_action_workshop")
        self.assertEqual(action.view_mode.split(",")[0], "kanban")
        queue = self.env.ref("aftersales_base.repair_order_action_my_queue")
        self.assertIn("search_default_my_queue", queue.context)
        # The technician's board shows the columns of his queue, not the reception's.
        queue_groups = (
            self.env["repair.order"]
            .with_user(self.technician)
            .with_context(as_kanban_stages=["dispatched", "in_progress", "quality_check"])
            .web_read_group([("id", "=", 0)], ["service_stage"], ["service_stage"])["groups"]
        )
        self.assertEqual([g["service_stage"] for g in queue_groups], ["dispatched", "in_progress", "quality_check"])
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        order.with_user(self.advisor).write({"estimate_approved_by": "刘先生"})
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).write({"technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.leader).action_dispatch()

        def queue(user):
            domain = [
                ("technician_ids", "in", user.id),
                ("service_stage", "in", ("dispatched", "in_progress", "quality_check")),
            ]
            return self.env["repair.order"].with_user(user).search(domain)

        self.assertIn(order, queue(self.technician))
        self.assertNotIn(order, queue(self.technician2))

    def test_the_form_shows_the_service_steps_not_repairs_own_buttons(self):
        view = self.env.ref("repair.view_repair_order_form")
        arch = self.env["repair.order"].with_user(self.advisor).get_views([(view.id, "form")])["views"]["form"]["arch"]
        # A new workshop order (no vehicle yet) hides repair's confirm/quotation buttons and its state bar.
        self.assertIn("state != 'draft' or vehicle_id or context.get('as_workshop')", arch)
        self.assertIn("quality_check,washing,ready", arch)
        action = self.env.ref("aftersales_base.repair_order_action_workshop")
        self.assertIn("as_workshop", action.context)

    def test_a_passed_check_is_not_offered_again_in_the_same_round(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        self._approve_and_work(order)
        self.assertFalse(order.self_check_passed)
        order.with_user(self.technician).with_context(check_type="self").action_check_pass()
        self.assertTrue(order.self_check_passed)
        self.assertFalse(order.mutual_check_passed)
        order.with_user(self.leader).with_context(check_type="mutual").action_check_pass()
        self.assertTrue(order.mutual_check_passed)
        # The inspector fails the final check: a new round begins, every check is offered again.
        order.with_user(self.inspector).with_context(check_type="final").action_check_fail("漆面有划痕")
        self.assertFalse(order.self_check_passed or order.mutual_check_passed or order.final_check_passed)

    def test_issue_parts_tells_the_technician_how_many_lines_went_out(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(
            order,
            parts=[(self.oil_filter, 1, "add", "customer"), (self.brake_pads, 1, "add", "customer")],
            labour=[(self.op_maint, "customer")],
        )
        order.with_user(self.advisor).write({"estimate_approved_by": "刘先生"})
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).write({"technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()
        order.with_user(self.technician).write(
            {
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.brake_pads.id,
                            "product_uom_qty": 1,
                            "repair_line_type": "remove",
                            "payer": "customer",
                        }
                    )
                ]
            }
        )
        result = order.with_user(self.technician).action_issue_parts()
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn("2 part line(s)", result["params"]["message"])
        self.assertEqual(result["params"]["next"]["tag"], "soft_reload")
        self.assertTrue(order.parts_issued_date)

    def test_stage_change_in_the_chatter_is_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        order = self._new_order().with_context(lang="zh_CN")
        self._receive(order)
        labels = dict(order._fields["service_stage"]._description_selection(order.env))
        self.assertNotEqual(labels["diagnosis"], "Diagnosis", "the stage has a Chinese label")
        bodies = " ".join(order.message_ids.mapped(lambda m: str(m.body)))
        self.assertIn(labels["diagnosis"], bodies)
        self.assertNotIn("Diagnosis", bodies)

    def test_new_users_of_a_chinese_company_live_in_shanghai_time(self):
        company = self.env["res.company"].create({"name": "深圳鹏达4S店", "country_id": self.env.ref("base.cn").id})
        user = self.env["res.users"].create(
            {
                "name": "新顾问",
                "login": "new_advisor_cn",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
            }
        )
        self.assertEqual(user.tz, "Asia/Shanghai")

    def test_printed_work_order_shows_the_users_time(self):
        self.advisor.tz = "Asia/Shanghai"
        order = self._new_order(reception_date=datetime(2026, 3, 2, 6, 46))
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.advisor)
            ._render_qweb_html("aftersales_base.report_work_order", order.ids)
        )
        html = html.decode()
        # 06:46 UTC is 14:46 in Shanghai (whatever the language's time format: 14:46 or 14时46分).
        self.assertRegex(html, r"Received <span>[^<]*14\D46")
        self.assertNotRegex(html, r"06\D46")

    def test_estimate_shows_the_taxes_the_invoice_will_charge(self):
        tax = self.env["account.tax"].create({"name": "增值税 13%", "amount": 13.0, "type_tax_use": "sale"})
        self.oil_filter.taxes_id = tax
        labour_products = (
            self.op_maint.product_id
            | self.company.as_labour_product_id
            | self.env.ref("aftersales_base.product_labour")
        )
        labour_products.taxes_id = tax
        order = self._ready_order(parts=[(self.oil_filter, 2, "add", "customer")], labour=[(self.op_maint, "customer")])
        untaxed = order.amount_customer
        self.assertAlmostEqual(order.amount_customer_tax, round(untaxed * 0.13, 2))
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html("aftersales_base.report_estimate", order.ids)
        self.assertIn("Customer Total", html.decode())
        order.with_user(self.advisor).action_settle()
        invoice = order.sale_order_id.invoice_ids
        self.assertAlmostEqual(invoice.amount_untaxed, untaxed)
        self.assertAlmostEqual(invoice.amount_total, order.amount_customer_taxed)

    def test_dashboard_opens_saved_and_averages_over_elapsed_days(self):
        action = self.env["aftersales.dashboard"].with_user(self.advisor).action_open_dashboard()
        self.assertEqual(action["view_mode"], "form")
        dashboard = self.env["aftersales.dashboard"].with_user(self.advisor).browse(action["res_id"])
        self.assertTrue(dashboard.exists(), "opened as a saved record, not a new one to save or discard")
        today = fields.Date.context_today(dashboard)
        self.assertLessEqual(dashboard.days_elapsed, today.day)
        self.assertGreater(dashboard.days_elapsed, 0)
        self.assertAlmostEqual(dashboard.intake_per_day, dashboard.intake / dashboard.days_elapsed)
        self.assertEqual(dashboard.intake_per_day_target, 20)
        self.assertEqual(dashboard.base_customers_target, 1500)
        self.assertEqual(dashboard.insurance_avg_target, 1800.0)
        self.assertEqual(dashboard.comeback_target, 2.0)
        dashboard.action_previous_month()
        self.assertEqual(dashboard.date_from.day, 1)
        self.assertLess(dashboard.date_from, today.replace(day=1))
        month_days = (dashboard.date_to - dashboard.date_from).days + 1
        self.assertGreater(dashboard.days_elapsed, 0)
        self.assertLessEqual(dashboard.days_elapsed, month_days)
