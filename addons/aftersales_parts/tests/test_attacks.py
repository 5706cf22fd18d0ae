from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import PartsCommon

# Every context key a forger could think of: none of them may unlock anything.
FORGED_CONTEXT = {
    "aftersales_flow": True,
    "aftersales_claim_review": True,
    "aftersales_workflow": True,
    "default_state": "approved",
    "tracking_disable": True,
    "skip_alternative_check": True,
}


@tagged("post_install", "-at_install")
class TestPartsAttacks(HttpCase, PartsCommon):
    """Parts staff over Odoo's own JSON-RPC, as the web client calls it: workflow fields are refused
    to every role, whatever the context, and nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env, login="as_parts_tech", name="张技师", groups="aftersales_base.group_aftersales_technician"
        )
        for user in (cls.clerk, cls.manager, cls.technician):
            user.password = user.login
        cls._stock(cls.clutch, 10)
        cls._stock(cls.pad, 10)
        # a demand at the catalogue price
        cls.demand = (
            cls.env["aftersales.parts.demand"]
            .with_user(cls.clerk)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "line_ids": [(0, 0, {"product_id": cls.clutch.id, "product_uom_qty": 2.0})],
                }
            )
        )
        # a submitted count
        cls.stocktake = (
            cls.env["aftersales.stocktake"]
            .with_user(cls.manager)
            .create({"location_id": cls.stock.id, "categ_id": cls.categ.id})
        )
        cls.stocktake.action_start()
        cls.stocktake.with_user(cls.clerk).action_submit()
        # a write-off jointly confirmed and waiting for its tier approval
        cls.writeoff = (
            cls.env["aftersales.parts.writeoff"]
            .with_user(cls.clerk)
            .create(
                {
                    "warranty_supervisor_id": cls.warranty_supervisor.id,
                    "line_ids": [(0, 0, {"product_id": cls.pad.id, "quantity": 2.0})],
                }
            )
        )
        cls.writeoff.with_user(cls.clerk).action_submit()
        cls.writeoff.with_user(cls.service_manager).action_confirm_service()
        cls.writeoff.with_user(cls.warranty_supervisor).action_confirm_warranty()
        cls.writeoff.with_user(cls.manager).action_confirm_parts()
        cls.writeoff.with_user(cls.clerk).request_validation()

    def _call(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": dict(kwargs or {}, context=FORGED_CONTEXT),
            },
        )

    def _refused(self, user, model, method, args, kwargs=None):
        with self.assertRaises(JsonRpcException) as refusal:
            self._call(user, model, method, args, kwargs)
        self.assertRegex(
            str(refusal.exception), r"AccessError|UserError|ValidationError|not allowed|only through|may not"
        )
        self.env.invalidate_all()

    def test_clerk_cannot_write_a_demand_line_price(self):
        line = self.demand.line_ids
        self._refused(self.clerk, line._name, "write", [line.ids, {"price_unit": 1.0}])
        self.assertEqual(line.price_unit, 320.0)
        self.assertEqual(self.demand.amount_total, 640.0)

    def test_clerk_cannot_issue_a_demand_by_writing_its_state(self):
        self._refused(self.clerk, self.demand._name, "write", [self.demand.ids, {"state": "issued"}])
        self._refused(self.technician, self.demand._name, "write", [self.demand.ids, {"state": "confirmed"}])
        self.assertEqual(self.demand.state, "draft")
        self._refused(
            self.clerk,
            self.demand._name,
            "create",
            [[{"partner_id": self.customer.id, "state": "issued", "credit_approved_by_id": self.manager.id}]],
        )
        self.assertFalse(self.env["aftersales.parts.demand"].search([("state", "=", "issued")]) & self.demand)
        self.assertFalse(self.demand.credit_approved_by_id)

    def test_nobody_writes_a_stocktake_state(self):
        for user in (self.clerk, self.manager):
            self._refused(
                user,
                self.stocktake._name,
                "write",
                [self.stocktake.ids, {"state": "approved", "approved_by_id": user.id}],
            )
        self.assertRecordValues(self.stocktake, [{"state": "submitted", "approved_by_id": False}])
        self.assertFalse(self.stocktake.move_ids)
        self.assertEqual(self.clutch.qty_available, 10.0)

    def test_clerk_cannot_change_a_submitted_count(self):
        line = self.stocktake.line_ids.filtered(lambda line: line.product_id == self.clutch)
        self._refused(self.clerk, line._name, "write", [line.ids, {"counted_qty": 3.0}])
        self._refused(self.clerk, line._name, "write", [line.ids, {"difference_qty": -7.0, "is_variance": True}])
        self._refused(self.manager, line._name, "unlink", [line.ids])
        self.assertRecordValues(line, [{"counted_qty": 10.0, "theoretical_qty": 10.0, "is_variance": False}])
        self.assertEqual(self.stocktake.loss_value, 0.0)

    def test_clerk_cannot_approve_a_writeoff(self):
        writeoff = self.writeoff
        self._refused(
            self.clerk,
            writeoff._name,
            "write",
            [writeoff.ids, {"state": "approved", "approved_by_id": self.manager.id}],
        )
        review = writeoff.review_ids
        self.assertTrue(review)
        self._refused(
            self.clerk, review._name, "write", [review.ids, {"status": "approved", "done_by": self.manager.id}]
        )
        self._refused(self.clerk, review._name, "unlink", [review.ids])
        self._refused(self.clerk, writeoff._name, "validate_tier", [writeoff.ids])
        self._refused(self.technician, writeoff._name, "action_approve", [writeoff.ids])
        self.assertRecordValues(writeoff, [{"state": "confirmed", "approved_by_id": False, "picking_id": False}])
        self.assertEqual(review.status, "pending")
        self.assertFalse(review.done_by)

    def test_private_workflow_writer_is_not_callable(self):
        self._refused(
            self.clerk, self.stocktake._name, "_as_workflow_write", [self.stocktake.ids, {"state": "approved"}]
        )
        self.assertEqual(self.stocktake.state, "submitted")

    def test_clerk_cannot_approve_a_minimum_reserve(self):
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.clutch.id,
                "warehouse_id": self.warehouse.id,
                "product_min_qty": 1.0,
                "product_max_qty": 5.0,
            }
        )
        self._refused(
            self.clerk,
            orderpoint._name,
            "write",
            [orderpoint.ids, {"as_reserve_state": "approved", "as_approved_by_id": self.manager.id}],
        )
        self.assertRecordValues(orderpoint, [{"as_reserve_state": "draft", "as_approved_by_id": False}])
