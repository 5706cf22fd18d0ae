from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SIGNATURE, AftersalesCase


@tagged("post_install", "-at_install")
class TestWorkOrderFlow(AftersalesCase):
    def test_reception_to_delivery_as_each_role(self):
        """An advisor receives a car, a technician diagnoses and repairs it, three people check it,
        the advisor settles and delivers it; repair's own state follows; parts cost and invoice post."""
        with Form(self.env["repair.order"].with_user(self.advisor), view="repair.view_repair_order_form") as form:
            form.vehicle_id = self.vehicle
            self.assertEqual(form.partner_id, self.customer)  # owner proposed
            form.odometer_in = 12000
            form.complaint = "刹车有异响"
            form.job_type = "general"
        order = form.record
        self.assertEqual((order.service_stage, order.state), ("reception", "draft"))
        self._receive(order)
        self.assertEqual(order.service_stage, "diagnosis")
        self.assertEqual(order.odometer_id.value, 12000)
        self.assertEqual(self.vehicle.odometer, 12000)

        self._estimate(
            order,
            parts=[
                (self.brake_pads, 1, "add", "customer"),
                (self.brake_pads, 1, "remove", "customer"),
                (self.oil_filter, 1, "add", "customer"),
            ],
            labour=[(self.op_brakes, "customer"), (self.op_maint, "customer")],
        )
        self.assertEqual(order.service_stage, "estimate")
        self.assertEqual(order.amount_parts, 245.0)
        self.assertEqual(order.amount_labour, (1.2 + 1.0) * 120.0)
        self.assertEqual(order.amount_customer, order.amount_total)
        self._approve_and_work(order)
        self.assertEqual((order.service_stage, order.state), ("quality_check", "under_repair"))
        self._checks(order)
        self.assertEqual(order.service_stage, "washing")
        order.with_user(self.technician).action_wash_done()
        self.assertEqual((order.service_stage, order.state), ("ready", "done"))

        # Parts left the stock at cost, through Odoo's valuation.
        pad_move = order.move_ids.filtered(lambda m: m.product_id == self.brake_pads and m.repair_line_type == "add")
        self.assertEqual(pad_move.state, "done")
        valuation_lines = pad_move.sudo().stock_valuation_layer_ids.account_move_id.line_ids
        stock_account = self.category.property_stock_valuation_account_id
        self.assertRecordValues(
            valuation_lines.sorted("balance"),
            [
                {"account_id": stock_account.id, "debit": 0.0, "credit": 80.0},
                {"account_id": self.category.property_stock_account_output_categ_id.id, "debit": 80.0, "credit": 0.0},
            ],
        )
        # The removed old part is in the old-parts location, without value.
        old = order.move_ids.filtered(lambda m: m.repair_line_type == "remove")
        self.assertTrue(old.location_dest_id.as_old_parts)
        self.assertEqual((old.state, old.quantity), ("done", 1.0))
        self.assertFalse(old.sudo().stock_valuation_layer_ids)

        order.with_user(self.advisor).action_settle()
        invoice = order.sale_order_id.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.partner_id, self.customer)
        self.assertEqual(invoice.amount_untaxed, order.amount_customer)
        with self.assertRaisesRegex(UserError, "must be paid"):
            order.with_user(self.advisor).action_deliver()
        invoice.with_user(self.advisor).action_post()
        # Posted is not paid: the vehicle leaves once the cashier has the money (or credit approval).
        with self.assertRaisesRegex(UserError, "must be paid"):
            order.with_user(self.advisor).action_deliver()
        self._pay(invoice)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        revenue = invoice.line_ids.filtered(lambda line: line.display_type == "product")
        self.assertRecordValues(
            revenue.sorted("credit"),
            [
                {"product_id": self.oil_filter.id, "credit": 45.0},
                {"product_id": self.env.ref("aftersales_base.product_labour").id, "credit": 120.0},
                {"product_id": self.env.ref("aftersales_base.product_labour").id, "credit": 144.0},
                {"product_id": self.brake_pads.id, "credit": 200.0},
            ],
        )
        order.with_user(self.advisor).action_deliver()
        self.assertEqual(order.service_stage, "delivered")
        self.assertTrue(order.delivered_date)
        self.assertEqual(self.customer.visit_count, 1)
        self.assertEqual(str(self.vehicle.last_service_date), str(fields.Date.context_today(order)))

    def test_steps_cannot_be_skipped(self):
        order = self._new_order()
        with self.assertRaisesRegex(UserError, "needs stage"):
            order.with_user(self.leader).action_dispatch()
        with self.assertRaisesRegex(UserError, "missing: .*signature"):
            order.with_user(self.advisor).action_confirm_reception()
        # Repair's own buttons cannot jump over the service flow either.
        with self.assertRaisesRegex(UserError, "service steps"):
            order.with_user(self.advisor).action_validate()
        self.assertEqual(order.state, "draft")

    def test_odometer_going_backwards_at_reception_is_refused_and_nothing_is_written(self):
        first = self._new_order(odometer_in=30000)
        self._receive(first)
        second = self._new_order(odometer_in=29000)
        second.write({"customer_signature": SIGNATURE, "customer_signed_by": "刘先生"})
        second.action_customer_sign()
        second.with_user(self.leader).action_accept_vehicle()
        with self.assertRaisesRegex(ValidationError, "cannot go backwards"):
            second.with_user(self.advisor).action_confirm_reception()
        self.assertEqual(second.service_stage, "reception")
        self.assertFalse(second.odometer_id)
        # A manager records the odometer replacement and reception goes on.
        with self.assertRaises(AccessError):
            second.with_user(self.advisor).odometer_replaced = True
        second.with_user(self.manager).odometer_replaced = True
        second.with_user(self.advisor).action_confirm_reception()
        self.assertTrue(second.odometer_id.is_replacement)

    def test_approving_twice_is_refused(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        order.write({"estimate_approved_by": "刘先生"})
        order.with_user(self.advisor).action_approve_estimate()
        with self.assertRaisesRegex(UserError, "already approved"):
            order.with_user(self.advisor).action_approve_estimate()

    def test_technician_cannot_approve_estimate_or_settle(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        order.write({"estimate_approved_by": "刘先生"})
        with self.assertRaises(AccessError):
            order.with_user(self.technician).action_approve_estimate()
        self.assertFalse(order.estimate_approved)

    def test_new_part_needs_its_old_part(self):
        """交旧领新: the exchange part cannot be issued before the removed old part is recorded."""
        order = self._new_order()
        self._receive(order)
        self._estimate(order, parts=[(self.brake_pads, 2, "add", "customer")], labour=[(self.op_brakes, "customer")])
        order.write({"estimate_approved_by": "刘先生"})
        order.with_user(self.advisor).action_approve_estimate()
        order.write({"technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()
        with self.assertRaisesRegex(UserError, "old-for-new"):
            order.with_user(self.technician).action_issue_parts()
        self.assertFalse(order.move_ids.picked)
        # Additional removed-part line after approval; then the issue goes through.
        order.with_user(self.technician).write(
            {
                "move_ids": [
                    Command.create(
                        {"product_id": self.brake_pads.id, "product_uom_qty": 2, "repair_line_type": "remove"}
                    )
                ]
            }
        )
        order.with_user(self.technician).action_issue_parts()
        self.assertTrue(all(order.move_ids.filtered(lambda m: m.repair_line_type == "add").mapped("picked")))

    def test_issuing_more_than_available_is_refused(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, parts=[(self.oil_filter, 50, "add", "customer")])
        order.write({"estimate_approved_by": "刘先生", "technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()
        with self.assertRaisesRegex(UserError, "Not enough stock"):
            order.with_user(self.technician).action_issue_parts()

    def test_additional_work_needs_a_new_approval(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        order.write({"estimate_approved_by": "刘先生", "technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()
        order.with_user(self.technician).write(
            {"labour_line_ids": [Command.create({"operation_id": self.op_brakes.id})]}
        )
        extra = order.labour_line_ids.filtered("is_supplement")
        self.assertEqual(extra.operation_id, self.op_brakes)
        self.assertTrue(order.supplement_pending)
        with self.assertRaisesRegex(UserError, "approval"):
            order.with_user(self.technician).action_request_quality_check()
        with self.assertRaises(AccessError):
            order.with_user(self.technician).action_approve_supplement()
        order.with_user(self.advisor).action_approve_supplement()
        self.assertTrue(extra.approved)
        order.with_user(self.technician).action_request_quality_check()
        self.assertEqual(order.service_stage, "quality_check")

    def test_failed_check_sends_back_to_work_and_counts_rework(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        self._approve_and_work(order)
        with self.assertRaisesRegex(AccessError, "only 张技师 may make the self-check"):
            order.with_user(self.technician2).with_context(check_type="self").action_check_pass()
        order.with_user(self.manager).with_context(check_type="self").action_check_pass()
        with self.assertRaisesRegex(AccessError, "not allowed to make the mutual check"):
            order.with_user(self.technician).with_context(check_type="mutual").action_check_pass()
        with self.assertRaisesRegex(UserError, "different person"):
            order.with_user(self.manager).with_context(check_type="mutual").action_check_pass()
        with self.assertRaisesRegex(UserError, "in order"):
            order.with_user(self.inspector).with_context(check_type="final").action_check_pass()
        order.with_user(self.leader).with_context(check_type="mutual").action_check_pass()
        with self.assertRaises(AccessError):  # the final inspection is the inspector's
            order.with_user(self.technician2).with_context(check_type="final").action_check_pass()
        wizard = (
            self.env["aftersales.work.check.fail"]
            .with_user(self.inspector)
            .create({"repair_id": order.id, "check_type": "final", "reason": "机油液位过高"})
        )
        wizard.action_confirm()
        self.assertEqual((order.service_stage, order.rework_count), ("in_progress", 1))
        # The new round needs all three checks again.
        order.with_user(self.technician).action_request_quality_check()
        self._checks(order)
        self.assertEqual(order.service_stage, "washing")

    def test_washing_can_be_switched_off(self):
        self.company.as_washing_enabled = False
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        self._approve_and_work(order)
        self._checks(order)
        self.assertEqual((order.service_stage, order.state), ("ready", "done"))

    def test_payers_warranty_lines_never_reach_the_customer(self):
        """Customer, warranty, insurance and internal lines each go their own way at settlement."""
        insurer = self.env["res.partner"].create({"name": "中国人保财险", "is_company": True})
        order = self._new_order(is_insurance_claim=True, insurer_id=insurer.id)
        self._receive(order)
        self._estimate(
            order,
            parts=[
                (self.brake_pads, 1, "add", "warranty"),
                (self.brake_pads, 1, "remove", "warranty"),
                (self.oil_filter, 1, "add", "insurance"),
            ],
            labour=[(self.op_brakes, "warranty"), (self.op_maint, "customer"), (self.op_maint, "internal")],
        )
        self.assertEqual(order.amount_warranty, 200.0 + 1.2 * 100.0)
        self.assertEqual(order.amount_insurance, 45.0)
        self.assertEqual(order.amount_internal, 120.0)
        self.assertEqual(order.amount_customer, 120.0)
        self._approve_and_work(order)
        self._checks(order)
        order.with_user(self.technician).action_wash_done()
        self.company.as_internal_analytic_account_id = False
        with self.assertRaisesRegex(UserError, "internal work analytic account"):
            order.with_user(self.advisor).action_settle()
        plan = self.env["account.analytic.plan"].create({"name": "内部"})
        self.company.as_internal_analytic_account_id = self.env["account.analytic.account"].create(
            {"name": "内部维修", "plan_id": plan.id}
        )
        order.with_user(self.advisor).action_settle()
        self.assertRecordValues(
            order.internal_analytic_line_ids,
            [{"amount": -120.0, "unit_amount": 1.0, "account_id": self.company.as_internal_analytic_account_id.id}],
        )
        customer_lines = order.sale_order_id.order_line
        self.assertEqual(customer_lines.mapped("price_subtotal"), [120.0])
        self.assertEqual(order.insurance_invoice_id.partner_id, insurer)
        self.assertEqual(order.insurance_invoice_id.amount_untaxed, 45.0)
        # Invoicing a warranty part to the customer is refused.
        warranty_part = order.move_ids.filtered(lambda m: m.payer == "warranty" and m.repair_line_type == "add")
        with self.assertRaisesRegex(ValidationError, "cannot be invoiced to the customer"):
            warranty_part.sale_line_id = customer_lines[0]
        # The vehicle is not released before the insurance papers are complete.
        order.sale_order_id.invoice_ids.action_post()
        self._pay(order.sale_order_id.invoice_ids)
        with self.assertRaisesRegex(UserError, "insurance papers"):
            order.with_user(self.advisor).action_deliver()
        order.write(
            {
                "insurance_policy": "PDAA2025440100000001",
                "damage_report_ref": "DS-88001",
                "insurance_details_complete": True,
                "insurer_approved_amount": 40.0,
            }
        )
        self.assertEqual(order.insurance_difference, -5.0)
        order.with_user(self.advisor).action_deliver()
        self.assertEqual(order.service_stage, "delivered")

    def test_old_parts_of_warranty_lines_never_go_back_to_the_customer(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, parts=[(self.brake_pads, 1, "add", "warranty")])
        with self.assertRaisesRegex(ValidationError, "never back to the customer"):
            order.return_old_parts = True

    def test_credit_customer_leaves_before_payment_when_a_manager_approves(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        self._approve_and_work(order)
        self._checks(order)
        order.with_user(self.technician).action_wash_done()
        with self.assertRaises(AccessError):
            order.with_user(self.advisor).action_approve_credit()
        order.with_user(self.manager).action_approve_credit()
        order.with_user(self.advisor).action_deliver()
        self.assertEqual(order.service_stage, "delivered")

    def test_only_a_manager_cancels_after_approval(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        order.write({"estimate_approved_by": "刘先生"})
        order.with_user(self.advisor).action_approve_estimate()
        with self.assertRaises(AccessError):
            order.with_user(self.advisor).action_cancel_order()
        order.with_user(self.manager).action_cancel_order()
        self.assertEqual((order.service_stage, order.state), ("cancelled", "cancel"))

    def test_comeback_within_the_window_for_the_same_operation(self):
        first = self._new_order()
        self._receive(first)
        self._estimate(first, labour=[(self.op_brakes, "customer")])
        self._approve_and_work(first)
        self._checks(first)
        first.action_wash_done()
        first.with_user(self.manager).action_approve_credit()
        first.action_deliver()
        second = self._new_order(odometer_in=12500, complaint="刹车还是响")
        second.write({"labour_line_ids": [Command.create({"operation_id": self.op_brakes.id})]})
        self.assertEqual(second.comeback_of_id, first)
        other = self._new_order(odometer_in=12600, complaint="保养")
        other.write({"labour_line_ids": [Command.create({"operation_id": self.op_maint.id})]})
        self.assertFalse(other.is_comeback)
        # Outside the window it is a new job, not a comeback.
        late = self._new_order(odometer_in=13000, reception_date=fields.Datetime.now() + timedelta(days=31))
        late.write({"labour_line_ids": [Command.create({"operation_id": self.op_brakes.id})]})
        self.assertFalse(late.is_comeback)

    def test_commitment_overdue(self):
        simple = self._new_order(reception_date=fields.Datetime.now() - timedelta(hours=25))
        self.assertTrue(simple.is_overdue)
        self.assertIn(simple, self.env["repair.order"].search([("is_overdue", "=", True)]))
        complex_job = self._new_order(reception_date=fields.Datetime.now() - timedelta(hours=25))
        complex_job.write(
            {"labour_line_ids": [Command.create({"operation_id": self.env.ref("aftersales_base.operation_clutch").id})]}
        )
        self.assertEqual(complex_job.job_complexity, "complex")
        self.assertFalse(complex_job.is_overdue)
        self.assertNotIn(complex_job, self.env["repair.order"].search([("is_overdue", "=", True)]))

    def test_progress_reminder_for_the_advisor(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        order.write(
            {
                "estimate_approved_by": "刘先生",
                "estimate_signature": SIGNATURE,
                "technician_ids": [Command.set([self.technician.id])],
            }
        )
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()
        self.env["repair.order"]._cron_progress_reminder()
        self.assertFalse(order.activity_ids)  # not due yet
        order.sudo().next_progress_check = fields.Datetime.now() - timedelta(minutes=1)  # half an hour later
        self.assertGreaterEqual(self.env["repair.order"]._cron_progress_reminder(), 1)
        self.assertEqual(order.activity_ids.user_id, self.advisor)
        self.assertGreater(order.next_progress_check, fields.Datetime.now() + timedelta(minutes=29))

    def test_incomplete_archive_raises_an_activity_after_the_visit(self):
        self.company.as_archive_user_id = self.manager
        customer = self.env["res.partner"].create({"name": "周女士", "phone": "13900000000"})
        self.vehicle.owner_id = customer
        order = self._new_order(partner_id=customer.id)
        self._receive(order)
        self._estimate(order, labour=[(self.op_maint, "customer")])
        self._approve_and_work(order)
        self._checks(order)
        order.action_wash_done()
        order.with_user(self.manager).action_approve_credit()
        order.with_user(self.advisor).action_deliver()
        activity = customer.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        # two days after the visit, counted from the advisor's day (Asia/Shanghai), whatever the day is in UTC
        advisor_today = fields.Date.context_today(customer.with_user(self.advisor))
        self.assertEqual(activity.date_deadline, fields.Date.add(advisor_today, days=2))
        self.assertIn("Street", customer.archive_missing)
        # The "Archive Incomplete" filter finds the same customers as the form shows.
        Partner = self.env["res.partner"]
        self.assertIn(customer, Partner.search([("archive_complete", "=", False)]))
        customer.write({"street": "体育西路 8 号", "city": "广州", "phone": False, "mobile": "13811112222"})
        self.assertTrue(customer.archive_complete)  # a mobile stands in for the phone
        self.assertIn(customer, Partner.search([("archive_complete", "=", True)]))
        self.assertNotIn(customer, Partner.search([("archive_complete", "=", False)]))
