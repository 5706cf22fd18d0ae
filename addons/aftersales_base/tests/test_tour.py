from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged

from ..tools import vin_with_check_digit
from .common import SIGNATURE


@tagged("post_install", "-at_install")
class TestRoleTours(HttpCase):
    """Each workshop role does its own part of a work order in the web client, as its own user.

    The users read English (the tours check a few labels); passwords are their logins."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Read the addons' manifests once here: the browser's first parallel requests would
        # otherwise parse them in several server threads at once, which CPython 3.11.7's
        # compiler does not survive ("AST constructor recursion depth mismatch").
        len(http.root.statics)
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env.company.as_washing_enabled = True
        groups = "aftersales_base.group_aftersales_"

        def user(login, role, name):
            return new_test_user(cls.env, login, groups=groups + role, name=name, lang="en_US", tz="Asia/Shanghai")

        cls.advisor = user("tour_advisor", "advisor", "Tour Advisor")
        cls.leader = user("tour_leader", "team_leader", "Tour Leader")
        cls.technician = user("tour_tech", "technician", "Tour Technician")
        cls.inspector = user("tour_inspector", "inspector", "Tour Inspector")
        cls.manager = user("tour_manager", "manager", "Tour Manager")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Mr Liu", "phone": "13800000001", "street": "1 Road", "city": "Guangzhou"}
        )
        model = cls.env["fleet.vehicle.model"].create(
            {"name": "Lavida", "brand_id": cls.env.ref("fleet.brand_volkswagen").id}
        )
        cls.vehicle, cls.vehicle2 = cls.env["fleet.vehicle"].create(
            [
                {
                    "model_id": model.id,
                    "vin_sn": vin_with_check_digit(vin),
                    "license_plate": plate,
                    "owner_id": cls.customer.id,
                }
                for vin, plate in (("LSVAU2180N2155555", "粤A66666"), ("LSVAU2180N2156666", "粤A77777"))
            ]
        )
        cls.oil_filter = cls.env["product.product"].create(
            {"name": "Tour Oil Filter", "is_storable": True, "standard_price": 20.0, "list_price": 45.0}
        )
        stock = cls.env.ref("stock.warehouse0").lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(cls.oil_filter, stock, 5)

    def _url(self, order):
        return f"/odoo/action-aftersales_base.repair_order_action_workshop/{order.id}"

    def _tour(self, order, tour, user):
        self.start_tour(self._url(order), tour, login=user.login)

    def test_one_work_order_role_by_role(self):
        """Reception to delivery, each step by its role in its own browser session."""
        self.start_tour("/odoo", "aftersales_advisor_reception", login="tour_advisor")
        order = self.env["repair.order"].search([("vehicle_id", "=", self.vehicle.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.service_stage, "reception")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.user_id, self.advisor)
        self.assertEqual((order.odometer_in, order.customer_signed_by), (8000, "Mr Liu"))
        self.assertTrue(order.customer_signature)
        self.assertTrue(order.customer_signed_on)

        self._tour(order, "aftersales_leader_accept", self.leader)
        self.assertEqual(order.accepted_by_id, self.leader)
        self.assertEqual(order.service_stage, "reception")

        self._tour(order, "aftersales_advisor_confirm_reception", self.advisor)
        self.assertEqual(order.service_stage, "diagnosis")
        self.assertEqual(order.odometer_id.value, 8000)

        self.start_tour("/odoo", "aftersales_technician_diagnosis", login="tour_tech")
        self.assertEqual(order.service_stage, "estimate")
        self.assertEqual(order.diagnosis_user_id, self.technician)
        self.assertEqual(order.diagnosis, "Front brake pads worn to the limit")

        self._tour(order, "aftersales_advisor_estimate", self.advisor)
        self.assertEqual(order.service_stage, "approved")
        self.assertTrue(order.estimate_approved)
        self.assertEqual(order.estimate_approved_by, "Mr Liu")
        self.assertEqual(order.labour_line_ids.operation_id, self.env.ref("aftersales_base.operation_brake_pads"))
        self.assertEqual(order.move_ids.product_id, self.oil_filter)

        self._tour(order, "aftersales_leader_dispatch", self.leader)
        self.assertEqual(order.service_stage, "dispatched")
        self.assertEqual(order.technician_ids, self.technician)

        self.start_tour("/odoo", "aftersales_technician_work", login="tour_tech")
        self.assertEqual(order.service_stage, "quality_check")
        self.assertTrue(order.parts_issued_date)
        self.assertTrue(order.move_ids.picked)
        self.assertEqual(order.check_ids.mapped(lambda c: (c.check_type, c.user_id)), [("self", self.technician)])

        self._tour(order, "aftersales_leader_mutual_check", self.leader)
        self._tour(order, "aftersales_inspector_final_check", self.inspector)
        self.assertEqual(order.service_stage, "washing")
        self.assertEqual(
            sorted(order.check_ids.mapped(lambda c: (c.check_type, c.user_id.login, c.result))),
            [("final", "tour_inspector", "pass"), ("mutual", "tour_leader", "pass"), ("self", "tour_tech", "pass")],
        )

        self._tour(order, "aftersales_technician_washed", self.technician)
        self.assertEqual(order.service_stage, "ready")
        self.assertEqual(order.move_ids.state, "done")

        self._tour(order, "aftersales_advisor_settle_and_collect", self.advisor)
        invoice = order.sale_order_id.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(invoice.amount_untaxed, order.amount_customer)
        self.assertEqual(order.service_stage, "ready")

        self._tour(order, "aftersales_advisor_deliver", self.advisor)
        self.assertEqual(order.service_stage, "delivered")
        self.assertTrue(order.delivered_date)
        self.assertFalse(order.credit_approved_by_id)

    def test_credit_approval_lets_the_car_leave_unpaid(self):
        """The service manager approves credit in the browser; the advisor then delivers unpaid."""
        order = self._order_ready(self.vehicle2)
        self._tour(order, "aftersales_manager_credit", self.manager)
        self.assertEqual(order.credit_approved_by_id, self.manager)
        order.with_user(self.advisor).action_settle()
        invoice = order.sale_order_id.invoice_ids
        self.assertEqual(invoice.payment_state, "not_paid")

        self._tour(order, "aftersales_advisor_deliver", self.advisor)
        self.assertEqual(order.service_stage, "delivered")
        self.assertEqual(invoice.payment_state, "not_paid")

    def test_each_role_opens_the_app_on_its_screen(self):
        """Every role has the After-Sales app; a technician starts on the queue, the others on the work orders."""
        self.start_tour("/odoo", "aftersales_home_queue", login="tour_tech")
        for login in ("tour_advisor", "tour_leader", "tour_inspector", "tour_manager"):
            with self.subTest(login=login):
                self.start_tour("/odoo", "aftersales_home_work_orders", login=login)

    def _order_ready(self, vehicle):
        """A labour-only order brought to Ready by each role through the steps (server side)."""
        order = (
            self.env["repair.order"]
            .with_user(self.advisor)
            .create(
                {
                    "vehicle_id": vehicle.id,
                    "partner_id": self.customer.id,
                    "odometer_in": 15000,
                    "complaint": "Periodic maintenance",
                    "customer_signature": SIGNATURE,
                    "customer_signed_by": "Mr Liu",
                }
            )
        )
        order.with_user(self.advisor).action_customer_sign()
        order.with_user(self.leader).action_accept_vehicle()
        order.with_user(self.advisor).action_confirm_reception()
        order.with_user(self.technician).write({"diagnosis": "Due for the 15,000 km service"})
        order.with_user(self.technician).action_to_estimate()
        order.with_user(self.advisor).write(
            {
                "labour_line_ids": [
                    Command.create({"operation_id": self.env.ref("aftersales_base.operation_maint_small").id})
                ],
                "estimate_approved_by": "Mr Liu",
            }
        )
        order.with_user(self.advisor).action_approve_estimate()
        order.with_user(self.leader).write({"technician_ids": [Command.set(self.technician.ids)]})
        order.with_user(self.leader).action_dispatch()
        order.with_user(self.technician).action_start_work()
        order.with_user(self.technician).action_request_quality_check()
        for user, check_type in ((self.technician, "self"), (self.leader, "mutual"), (self.inspector, "final")):
            order.with_user(user).with_context(check_type=check_type).action_check_pass()
        order.with_user(self.technician).action_wash_done()
        self.assertEqual(order.service_stage, "ready")
        return order
