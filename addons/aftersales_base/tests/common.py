import base64
import unittest
from contextlib import contextmanager

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from ..tools import vin_with_check_digit

# A 1x1 PNG, as the signature widget stores it.
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
)


class AftersalesCase(TransactionCase):
    """A dealer with its workshop staff, a customer with a vehicle, and parts in stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.as_washing_enabled = True
        groups = "aftersales_base.group_aftersales_"
        cls.advisor = new_test_user(cls.env, "as_advisor", groups=groups + "advisor", name="王顾问")
        cls.leader = new_test_user(cls.env, "as_leader", groups=groups + "team_leader", name="李班长")
        cls.technician = new_test_user(cls.env, "as_tech", groups=groups + "technician", name="张技师")
        cls.technician2 = new_test_user(cls.env, "as_tech2", groups=groups + "technician", name="孙技师")
        cls.inspector = new_test_user(cls.env, "as_inspector", groups=groups + "inspector", name="赵质检")
        cls.manager = new_test_user(cls.env, "as_manager", groups=groups + "manager", name="陈经理")
        cls.customer = cls.env["res.partner"].create(
            {"name": "刘先生", "phone": "13800138000", "street": "天河路 1 号", "city": "广州"}
        )
        cls.brand = cls.env.ref("fleet.brand_volkswagen")
        cls.model = cls.env["fleet.vehicle.model"].create({"name": "朗逸", "brand_id": cls.brand.id})
        cls.vehicle = cls.env["fleet.vehicle"].create(
            {
                "model_id": cls.model.id,
                "vin_sn": vin_with_check_digit("LSVAU2180N2183294"),
                "license_plate": "粤A12345",
                "owner_id": cls.customer.id,
                "sale_date": "2024-03-01",
            }
        )
        cls.category = cls.env["product.category"].create(
            {"name": "Parts (real time)", "property_cost_method": "fifo", "property_valuation": "real_time"}
        )
        cls.brake_pads = cls._make_part("前刹车片", 80.0, 200.0, exchange=True)
        cls.oil_filter = cls._make_part("机油滤清器", 20.0, 45.0)
        cls.stock = cls.env.ref("stock.warehouse0").lot_stock_id
        for product, qty in ((cls.brake_pads, 10), (cls.oil_filter, 10)):
            cls.env["stock.quant"]._update_available_quantity(product, cls.stock, qty)
        cls.op_brakes = cls.env.ref("aftersales_base.operation_brake_pads")
        cls.op_maint = cls.env.ref("aftersales_base.operation_maint_small")

    @contextmanager
    def _raises_rolled_back(self, exception, regex):
        with unittest.TestCase.assertRaisesRegex(self, exception, regex), self.env.cr.savepoint():
            yield

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        """Like Odoo's assertRaises: what the refused call wrote is rolled back, as in the client."""
        if args or kwargs:
            return super().assertRaisesRegex(expected_exception, expected_regex, *args, **kwargs)
        return self._raises_rolled_back(expected_exception, expected_regex)

    @classmethod
    def _make_part(cls, name, cost, price, exchange=False):
        return cls.env["product.product"].create(
            {
                "name": name,
                "is_storable": True,
                "categ_id": cls.category.id,
                "standard_price": cost,
                "list_price": price,
                "as_exchange_part": exchange,
            }
        )

    def _new_order(self, user=None, **vals):
        values = {
            "vehicle_id": self.vehicle.id,
            "partner_id": self.customer.id,
            "odometer_in": 12000,
            "complaint": "刹车有异响",
            "job_type": "general",
        }
        values.update(vals)
        return self.env["repair.order"].with_user(user or self.advisor).create(values)

    def _receive(self, order):
        order.with_user(self.advisor).write({"customer_signature": SIGNATURE, "customer_signed_by": "刘先生"})
        order.with_user(self.advisor).action_customer_sign()
        order.with_user(self.leader).action_accept_vehicle()
        order.with_user(self.advisor).action_confirm_reception()

    def _estimate(self, order, parts=(), labour=()):
        order.with_user(self.technician).write({"diagnosis": "前刹车片磨损到极限"})
        order.with_user(self.technician).action_to_estimate()
        order.with_user(self.advisor).write(
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
                    for product, qty, line_type, payer in parts
                ],
                "labour_line_ids": [Command.create({"operation_id": op.id, "payer": payer}) for op, payer in labour],
            }
        )

    def _approve_and_work(self, order):
        order.with_user(self.advisor).write({"estimate_approved_by": "刘先生", "estimate_signature": SIGNATURE})
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).write({"technician_ids": [Command.set([self.technician.id])]})
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()
        if hasattr(order, "action_warranty_signoff") and order.amount_warranty:
            # With aftersales_warranty installed, the warranty clerk signs warranty parts off first.
            order.with_user(self.env.ref("base.user_admin")).action_warranty_signoff()
        order.with_user(self.technician).action_issue_parts()
        order.with_user(self.technician).action_request_quality_check()

    def _pay(self, invoices, user=None):
        """The cashier registers the customer's payment of posted invoices."""
        self.env["account.payment.register"].with_user(user or self.advisor).with_context(
            active_model="account.move", active_ids=invoices.ids
        ).create({})._create_payments()

    def _checks(self, order):
        order.with_user(self.technician).with_context(check_type="self").action_check_pass()
        order.with_user(self.leader).with_context(check_type="mutual").action_check_pass()
        order.with_user(self.inspector).with_context(check_type="final").action_check_pass()
