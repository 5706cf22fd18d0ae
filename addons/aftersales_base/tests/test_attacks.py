"""Attacks on the work order over Odoo's own JSON-RPC, as the workshop's real role users.

Each attack forges what a user can send (any field, any context key) and must be refused
with nothing written.
"""

from odoo import Command
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common import AftersalesCase

FORGED = {"aftersales_flow": True, "aftersales_claim_review": True, "check_type": "final"}


@tagged("post_install", "-at_install")
class TestWorkOrderAttacks(AftersalesCase, HttpCase):
    def _rpc(self, login, model, method, *args, **kwargs):
        self.authenticate(login, login)
        kwargs.setdefault("context", FORGED)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": list(args), "kwargs": kwargs}
        )

    def assertRefused(self, login, model, method, *args, **kwargs):
        with self.assertRaises(JsonRpcException) as caught:
            self._rpc(login, model, method, *args, **kwargs)
        self.assertRegex(
            str(caught.exception),
            r"AccessError|UserError|ValidationError",
            "refused with a business error, not a crash",
        )
        self.env.invalidate_all()

    def _in_progress_order(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, parts=[(self.oil_filter, 1, "add", "customer")], labour=[(self.op_maint, "customer")])
        order.with_user(self.advisor).write({"estimate_approved_by": "刘先生"})
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).write({"technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()
        return order

    def test_technician_cannot_move_the_order_by_writing_its_stage(self):
        order = self._in_progress_order()
        for stage in ("approved", "ready", "delivered"):
            self.assertRefused("as_tech", "repair.order", "write", order.ids, {"service_stage": stage})
        self.assertRefused("as_tech", "repair.order", "write", order.ids, {"state": "done"})
        self.assertEqual((order.service_stage, order.state), ("in_progress", "under_repair"))

    def test_technician_cannot_forge_a_managers_credit_approval(self):
        order = self._in_progress_order()
        self.assertRefused("as_tech", "repair.order", "write", order.ids, {"credit_approved_by_id": self.manager.id})
        self.assertRefused("as_tech", "repair.order", "action_approve_credit", order.ids)
        self.assertFalse(order.credit_approved_by_id)

    def test_repairs_own_buttons_refuse_a_workshop_order_whatever_the_context(self):
        order = self._in_progress_order()
        for method in ("action_validate", "action_repair_start", "action_repair_end", "action_repair_done"):
            self.assertRefused("as_tech", "repair.order", method, order.ids)
        self.assertRefused("as_advisor", "repair.order", "action_repair_cancel", order.ids)
        self.assertEqual((order.service_stage, order.state), ("in_progress", "under_repair"))

    def test_nobody_deletes_a_work_order_past_reception(self):
        order = self._in_progress_order()
        for login in ("as_tech", "as_advisor", "as_manager"):
            self.assertRefused(login, "repair.order", "unlink", order.ids)
        self.assertTrue(order.exists())
        fresh = self._new_order()
        self.assertRefused("as_tech", "repair.order", "unlink", fresh.ids)
        self.assertTrue(fresh.exists())

    def test_a_work_order_cannot_be_created_at_a_later_stage(self):
        count = self.env["repair.order"].search_count([])
        vals = {
            "vehicle_id": self.vehicle.id,
            "partner_id": self.customer.id,
            "complaint": "x",
            "service_stage": "delivered",
            "estimate_approved": True,
        }
        self.assertRefused("as_advisor", "repair.order", "create", vals)
        self.assertEqual(self.env["repair.order"].search_count([]), count)

    def test_default_context_keys_do_not_set_the_stage(self):
        order_id = self._rpc(
            "as_advisor",
            "repair.order",
            "create",
            {"vehicle_id": self.vehicle.id, "partner_id": self.customer.id, "complaint": "异响"},
            context={"default_service_stage": "delivered", "default_estimate_approved": True},
        )
        order = self.env["repair.order"].browse(order_id)
        self.assertEqual((order.service_stage, order.estimate_approved), ("reception", False))

    def test_technician_cannot_record_the_final_inspection_in_the_inspectors_name(self):
        order = self._in_progress_order()
        order.with_user(self.technician).action_issue_parts()
        order.with_user(self.technician).action_request_quality_check()
        checks = {"repair_id": order.id, "check_type": "final", "result": "pass", "user_id": self.inspector.id}
        self.assertRefused("as_tech", "aftersales.work.check", "create", checks)
        self.assertRefused("as_tech", "repair.order", "write", order.ids, {"check_ids": [Command.create(checks)]})
        self.assertRefused("as_tech", "repair.order", "action_check_pass", order.ids, context={"check_type": "final"})
        self.assertFalse(order.check_ids)

    def test_labour_and_parts_approval_cannot_be_written(self):
        order = self._in_progress_order()
        extra = (
            self.env["aftersales.labour.line"]
            .with_user(self.technician)
            .create({"repair_id": order.id, "operation_id": self.op_brakes.id})
        )
        self.assertTrue(extra.is_supplement)
        self.assertRefused("as_tech", "aftersales.labour.line", "write", extra.ids, {"approved": True})
        part = order.move_ids[:1]
        self.assertRefused("as_tech", "stock.move", "write", part.ids, {"as_approved": False, "as_supplement": False})
        self.assertFalse(extra.approved)
        self.assertTrue(part.as_approved)

    def test_more_hours_on_an_approved_line_is_additional_work(self):
        order = self._in_progress_order()
        line = order.labour_line_ids
        self.assertTrue(line.approved)
        self._rpc("as_tech", "aftersales.labour.line", "write", line.ids, {"hours": line.hours + 2}, context={})
        self.assertEqual((line.approved, line.is_supplement), (False, True))
        self.assertTrue(order.supplement_pending)

    def test_negative_hours_and_quantities_are_refused(self):
        order = self._in_progress_order()
        line = order.labour_line_ids
        hours = line.hours
        self.assertRefused("as_tech", "aftersales.labour.line", "write", line.ids, {"hours": -3})
        part = order.move_ids[:1]
        self.assertRefused("as_advisor", "stock.move", "write", part.ids, {"product_uom_qty": -1})
        self.assertEqual((line.hours, part.product_uom_qty), (hours, 1))

    def test_technician_cannot_deliver_and_posted_invoices_stay_posted(self):
        order = self._in_progress_order()
        self.assertRefused("as_tech", "repair.order", "action_deliver", order.ids)
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [Command.create({"name": "保养", "quantity": 1, "price_unit": 100})],
            }
        )
        invoice.action_post()
        self.assertRefused("as_advisor", "account.move", "button_draft", invoice.ids)
        self.assertRefused("as_advisor", "account.move", "button_cancel", invoice.ids)
        self.assertRefused("as_advisor", "account.move", "unlink", invoice.ids)
        self.assertEqual(invoice.state, "posted")
