"""Issue 14, workshop: the work order does what the manuals say when the role users go through
every step (Issue Parts included), and the stock and the books show it."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SIGNATURE, AftersalesCase


@tagged("post_install", "-at_install")
class TestWorkshopCorrectness(AftersalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spark_plug = cls._make_part("火花塞", 15.0, 40.0)
        cls.env["stock.quant"]._update_available_quantity(cls.spark_plug, cls.stock, 10)
        cls.old_parts = cls.env.ref("stock.warehouse0")._as_old_parts_location()
        # The project plan: its accounts are the analytic lines' own account column.
        plan, _other_plans = cls.env["account.analytic.plan"]._get_all_plans()
        cls.internal_analytic = cls.env["account.analytic.account"].create({"name": "内部维修", "plan_id": plan.id})
        cls.company.as_internal_analytic_account_id = cls.internal_analytic

    # ------------------------------------------------------------ helpers
    def _qty(self, product, location=None):
        """Quantity on hand (reserved included)."""
        return sum(self.env["stock.quant"]._gather(product, location or self.stock).mapped("quantity"))

    def _start(self, order):
        """The customer approves, the team leader dispatches, the technician starts: parts not issued yet."""
        order.with_user(self.advisor).write({"estimate_approved_by": "刘先生", "estimate_signature": SIGNATURE})
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).write({"technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()

    def _close(self, order):
        """Issue, request the checks, three checks, washing: the vehicle is ready."""
        order.with_user(self.technician).action_issue_parts()
        order.with_user(self.technician).action_request_quality_check()
        self._checks(order)
        order.with_user(self.technician).action_wash_done()
        self.assertEqual((order.service_stage, order.state), ("ready", "done"))

    def _in_progress(self, parts, labour=((None, "customer"),)):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, parts=parts, labour=[(op or self.op_brakes, payer) for op, payer in labour])
        self._start(order)
        return order

    def _assert_in_old_part_ledger(self, move, **values):
        """With aftersales_parts installed, the done removal move is in the old-part ledger (旧件台账)."""
        if "aftersales.old.part" not in self.env:
            return
        entry = self.env["aftersales.old.part"].search([("move_id", "=", move.id)])
        self.assertRecordValues(entry, [dict({"quantity": move.quantity, "location_id": self.old_parts.id}, **values)])

    def _add_part(self, order, user, product, qty=1, line_type="add", payer="customer"):
        order.with_user(user).write(
            {
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "repair_line_type": line_type,
                            "payer": payer,
                        }
                    )
                ]
            }
        )
        return order.move_ids.filtered(lambda m: m.product_id == product and m.repair_line_type == line_type)[-1:]

    # ------------------------------------------------------------ 1. old for new
    def test_removed_old_part_reaches_old_parts_when_issued_and_stays_there(self):
        """交旧领新: when the technician is issued the new brake pads, the worn ones he hands in are
        moved (done, without value) to the Old Parts location, and they are still there when the job closes."""
        order = self._in_progress([(self.brake_pads, 1, "add", "customer"), (self.brake_pads, 1, "remove", "customer")])
        old = order.move_ids.filtered(lambda m: m.repair_line_type == "remove")
        self.assertEqual(self._qty(self.brake_pads, self.old_parts), 0)
        order.with_user(self.technician).action_issue_parts()
        self.assertRecordValues(old, [{"state": "done", "quantity": 1.0, "location_dest_id": self.old_parts.id}])
        self.assertEqual(self._qty(self.brake_pads, self.old_parts), 1)
        order.with_user(self.technician).action_request_quality_check()
        self._checks(order)
        order.with_user(self.technician).action_wash_done()
        self.assertEqual((order.service_stage, order.state), ("ready", "done"))
        self.assertEqual(old.state, "done")
        self.assertFalse(old.sudo().stock_valuation_layer_ids, "old parts carry no stock value")
        self.assertEqual(self._qty(self.brake_pads, self.old_parts), 1)
        self.assertEqual(self._qty(self.brake_pads), 9)  # one new pad left the stock
        self._assert_in_old_part_ledger(old, is_warranty=False, repair_id=order.id)

    def test_old_part_recorded_after_the_issue_reaches_old_parts_at_close(self):
        """A removed part the technician records after the parts were issued is moved in at close."""
        order = self._in_progress([(self.oil_filter, 1, "add", "customer")])
        order.with_user(self.technician).action_issue_parts()
        old = self._add_part(order, self.technician, self.oil_filter, line_type="recycle")
        self.assertFalse(order.supplement_pending)  # an old part handed in is no additional work
        order.with_user(self.technician).action_request_quality_check()
        self._checks(order)
        order.with_user(self.technician).action_wash_done()
        self.assertRecordValues(old, [{"state": "done", "quantity": 1.0, "location_dest_id": self.old_parts.id}])
        self.assertEqual(self._qty(self.oil_filter, self.old_parts), 1)

    def test_warranty_old_part_reaches_old_parts(self):
        """The old part of a warranty repair is kept for the OEM in the Old Parts location."""
        order = self._in_progress(
            [(self.brake_pads, 1, "add", "warranty"), (self.brake_pads, 1, "remove", "warranty")],
            labour=[(None, "warranty")],
        )
        if hasattr(order, "action_warranty_signoff"):
            order.with_user(self.env.ref("base.user_admin")).action_warranty_signoff()
        self._close(order)
        old = order.move_ids.filtered(lambda m: m.repair_line_type == "remove")
        self.assertRecordValues(
            old, [{"state": "done", "quantity": 1.0, "payer": "warranty", "location_dest_id": self.old_parts.id}]
        )
        self.assertFalse(old.sudo().stock_valuation_layer_ids)
        self._assert_in_old_part_ledger(old, is_warranty=True, disposition="warranty")

    # ------------------------------------------------------------ 2. nothing consumed unless issued
    def test_skipping_issue_parts_consumes_nothing_and_blocks_the_close(self):
        order = self._in_progress([(self.oil_filter, 2, "add", "customer"), (self.spark_plug, 1, "add", "warranty")])
        with self.assertRaisesRegex(UserError, r"parts 机油滤清器 \(0/2\), 火花塞 \(0/1\) are not issued"):
            order.with_user(self.technician).action_request_quality_check()
        self.assertEqual(order.service_stage, "in_progress")
        self.assertEqual((self._qty(self.oil_filter), self._qty(self.spark_plug)), (10, 10))
        self.assertFalse(order.move_ids.filtered(lambda m: m.state in ("done", "cancel")))
        if hasattr(order, "action_warranty_signoff"):
            order.with_user(self.env.ref("base.user_admin")).action_warranty_signoff()
        self._close(order)
        self.assertEqual(order.move_ids.mapped("state"), ["done", "done"])
        self.assertEqual((self._qty(self.oil_filter), self._qty(self.spark_plug)), (8, 9))

    def test_approved_additional_part_not_issued_blocks_the_close(self):
        """A spark plug found during the work is approved by the customer but never issued: the close
        is refused naming it; once issued it is consumed and nothing is dropped."""
        order = self._in_progress([(self.oil_filter, 1, "add", "customer")])
        order.with_user(self.technician).action_issue_parts()
        plug = self._add_part(order, self.technician, self.spark_plug)
        self.assertTrue(plug.as_supplement)
        order.with_user(self.advisor).action_approve_supplement()
        with self.assertRaisesRegex(UserError, r"parts 火花塞 \(0/1\) are not issued"):
            order.with_user(self.technician).action_request_quality_check()
        self.assertEqual(order.service_stage, "in_progress")
        self._close(order)
        self.assertRecordValues(plug, [{"state": "done", "quantity": 1.0}])
        self.assertEqual(self._qty(self.spark_plug), 9)

    def test_part_approved_during_the_checks_blocks_the_final_check_until_issued(self):
        order = self._in_progress([(self.oil_filter, 1, "add", "customer")])
        order.with_user(self.technician).action_issue_parts()
        order.with_user(self.technician).action_request_quality_check()
        order.with_user(self.technician).with_context(check_type="self").action_check_pass()
        plug = self._add_part(order, self.technician, self.spark_plug)
        order.with_user(self.advisor).action_approve_supplement()
        order.with_user(self.leader).with_context(check_type="mutual").action_check_pass()
        with self.assertRaisesRegex(UserError, r"火花塞 \(0/1\) are not issued"):
            order.with_user(self.inspector).with_context(check_type="final").action_check_pass()
        self.assertEqual(order.service_stage, "quality_check")
        self.assertNotIn("final", order.check_ids.mapped("check_type"))
        self.assertFalse(plug.picked)
        self.assertNotIn(plug.state, ("done", "cancel"))
        self.assertEqual(self._qty(self.spark_plug), 10)

    # ------------------------------------------------------------ 3. applicable vehicle models
    def test_part_for_other_models_is_issued_only_with_a_managers_reason(self):
        passat = self.env["fleet.vehicle.model"].create({"name": "帕萨特", "brand_id": self.brand.id})
        disc = self._make_part("帕萨特前刹车盘", 150.0, 380.0)
        disc.as_vehicle_model_ids = passat
        self.spark_plug.as_vehicle_model_ids = passat | self.model  # listed for this model: no question
        self.env["stock.quant"]._update_available_quantity(disc, self.stock, 5)
        order = self._in_progress([(disc, 1, "add", "customer"), (self.spark_plug, 1, "add", "customer")])
        with self.assertRaisesRegex(UserError, "帕萨特前刹车盘 do not fit the vehicle model .*朗逸"):
            order.with_user(self.technician).action_issue_parts()
        self.assertFalse(order.move_ids.filtered("picked"))
        disc_move = order.move_ids.filtered(lambda m: m.product_id == disc)
        # Neither the technician nor the advisor may allow it, nor write the manager's leave themselves.
        Override = self.env["aftersales.part.fit.override"].with_context(
            active_model="repair.order", active_id=order.id
        )
        for user in (self.technician, self.advisor):
            with self.assertRaises(AccessError):
                Override.with_user(user).create({"reason": "客户坚持"}).action_confirm()
        with self.assertRaises(AccessError):
            disc_move.with_user(self.advisor).write({"as_fit_override_by_id": self.manager.id})
        self.assertFalse(disc_move.as_fit_override_by_id)
        # The service manager allows it with a reason; the chatter keeps it.
        with Form(Override.with_user(self.manager)) as wizard:
            wizard.reason = "原厂确认同平台通用，技术通报 TB-2025-031"
        self.assertEqual(wizard.record.move_ids, disc_move)  # the parts that do not fit are proposed
        wizard.record.action_confirm()
        self.assertRecordValues(
            disc_move,
            [
                {
                    "as_fit_override_by_id": self.manager.id,
                    "as_fit_override_reason": "原厂确认同平台通用，技术通报 TB-2025-031",
                }
            ],
        )
        self.assertIn("TB-2025-031", order.message_ids[:1].body)
        self._close(order)
        self.assertEqual(disc_move.state, "done")
        self.assertEqual(self._qty(disc), 4)

    def test_override_needs_a_reason(self):
        Override = self.env["aftersales.part.fit.override"].with_user(self.manager)
        order = self._new_order()
        with self.assertRaisesRegex(UserError, "reason"):
            Override.create({"repair_id": order.id, "reason": "   "}).action_confirm()

    # ------------------------------------------------------------ 4. plates and customers
    def test_same_plate_twice_in_a_company_is_refused_normalized(self):
        Vehicle = self.env["fleet.vehicle"].with_user(self.advisor)
        count = Vehicle.search_count([])
        vals = {"model_id": self.model.id, "owner_id": self.customer.id}
        for plate in ("粤A 12345", "粤a-12345", "粤A12345"):
            with self.assertRaisesRegex(ValidationError, "Another vehicle already has plate 粤A12345"):
                Vehicle.create(dict(vals, license_plate=plate))
        other = Vehicle.create(dict(vals, license_plate="粤A54321"))
        with self.assertRaisesRegex(ValidationError, "Another vehicle already has plate 粤A12345"):
            other.write({"license_plate": "粤A·12345"})
        self.assertEqual(other.license_plate, "粤A54321")
        self.assertEqual(Vehicle.search_count([]), count + 1)
        # Another company (another dealer) may have its own vehicle with that plate.
        dealer = self.env["res.company"].create({"name": "佛山粤华"})
        self.env["fleet.vehicle"].create(dict(vals, owner_id=False, license_plate="粤A12345", company_id=dealer.id))

    def test_work_order_for_an_archived_customer_is_refused(self):
        former = self.env["res.partner"].create({"name": "黄女士", "phone": "13700000000"})
        former.action_archive()  # the customer left; the archive keeps the history
        count = self.env["repair.order"].search_count([])
        with self.assertRaisesRegex(ValidationError, "customer 黄女士 is archived"):
            self._new_order(partner_id=former.id)
        self.assertEqual(self.env["repair.order"].search_count([]), count)
        order = self._new_order()
        with self.assertRaisesRegex(ValidationError, "is archived"):
            order.with_user(self.advisor).partner_id = former
        self.assertEqual(order.partner_id, self.customer)

    # ------------------------------------------------------------ 5. internal job in the books
    def _internal_job(self):
        order = self._in_progress(
            [(self.brake_pads, 1, "add", "internal"), (self.brake_pads, 1, "remove", "internal")],
            labour=[(None, "internal")],
        )
        self._close(order)
        order.with_user(self.advisor).action_settle()
        pad = order.move_ids.filtered(lambda m: m.repair_line_type == "add")
        return order, pad.sudo().account_move_ids.line_ids

    def test_internal_part_cost_is_an_expense_of_internal_work(self):
        """The dealer's own car: the brake pads' cost leaves the stock to an expense account charged to
        the internal analytic account; nothing stays on the stock interim (output) account."""
        order, lines = self._internal_job()
        valuation = self.category.property_stock_valuation_account_id
        # the internal work expense account of the settings, else the category's (a chart's bridge may set one)
        expense = self.company.as_internal_expense_account_id or self.category.property_account_expense_categ_id
        self.assertIn(expense.account_type, ("expense", "expense_direct_cost"))
        lines = lines.sorted("balance")
        self.assertRecordValues(
            lines,
            [
                {"account_id": valuation.id, "balance": -80.0, "analytic_distribution": False},
                {
                    "account_id": expense.id,
                    "balance": 80.0,
                    "analytic_distribution": {str(self.internal_analytic.id): 100},
                },
            ],
        )
        self.assertEqual([line.account_id.account_type for line in lines], ["asset_current", expense.account_type])
        self.assertEqual(lines[1].account_id.code, expense.code)
        interim = self.category.property_stock_account_output_categ_id
        self.assertNotIn(interim, lines.account_id, "nothing left on the stock interim (output) account")
        self.assertRecordValues(
            order.internal_analytic_line_ids.sorted("amount"),
            [
                {"account_id": self.internal_analytic.id, "amount": -144.0, "product_id": False},
                {"account_id": self.internal_analytic.id, "amount": -80.0, "product_id": self.brake_pads.id},
            ],
        )

    def test_internal_work_expense_account_setting(self):
        """The dealer books internal work on its own expense account (After-Sales settings)."""
        account = self.env["account.account"].create(
            {"code": "660201", "name": "内部维修费用", "account_type": "expense", "company_ids": [self.company.id]}
        )
        self.env["res.config.settings"].create({"as_internal_expense_account_id": account.id}).execute()
        self.assertEqual(self.company.as_internal_expense_account_id, account)
        _order, lines = self._internal_job()
        debit = lines.filtered(lambda line: line.balance > 0)
        self.assertRecordValues(
            debit,
            [
                {
                    "account_id": account.id,
                    "balance": 80.0,
                    "analytic_distribution": {str(self.internal_analytic.id): 100},
                }
            ],
        )
        self.assertEqual(debit.account_id.code, "660201")

    def test_internal_part_needs_the_internal_analytic_account_before_the_close(self):
        self.company.as_internal_analytic_account_id = False
        order = self._in_progress([(self.oil_filter, 1, "add", "internal")], labour=[(None, "internal")])
        order.with_user(self.technician).action_issue_parts()
        order.with_user(self.technician).action_request_quality_check()
        order.with_user(self.technician).with_context(check_type="self").action_check_pass()
        order.with_user(self.leader).with_context(check_type="mutual").action_check_pass()
        order.with_user(self.inspector).with_context(check_type="final").action_check_pass()
        with self.assertRaisesRegex(UserError, "internal work analytic account"):
            order.with_user(self.technician).action_wash_done()
        self.assertEqual((order.service_stage, order.state), ("washing", "under_repair"))
        self.assertEqual(self._qty(self.oil_filter), 10)  # issued to the technician, not consumed

    # ------------------------------------------------------------ negative quantities
    def test_advisor_entering_negative_quantity_or_hours_in_the_estimate_saves_nothing(self):
        order = self._new_order()
        self._receive(order)
        order.with_user(self.technician).write({"diagnosis": "前刹车片磨损到极限"})
        order.with_user(self.technician).action_to_estimate()
        view = "repair.view_repair_order_form"
        with self.assertRaisesRegex(ValidationError, "quantity and price cannot be negative"):
            with Form(order.with_user(self.advisor), view=view) as form:
                with form.move_ids.new() as line:
                    line.product_id = self.oil_filter
                    line.product_uom_qty = -1
        with self.assertRaisesRegex(ValidationError, "hours and rate cannot be negative"):
            with Form(order.with_user(self.advisor), view=view) as form:
                with form.labour_line_ids.new() as line:
                    line.operation_id = self.op_maint
                    line.hours = -1
        order.invalidate_recordset()
        self.assertFalse(order.move_ids)
        self.assertFalse(order.labour_line_ids)
        self.assertEqual(order.amount_total, 0.0)
