from odoo.tests import HttpCase, new_test_user, tagged

from ..tools import vin_with_check_digit
from .common import SIGNATURE


@tagged("post_install", "-at_install")
class TestWorkOrderTour(HttpCase):
    def test_reception_to_delivery_in_the_web_client(self):
        self.env["res.lang"]._activate_lang("en_US")  # the tour reads English labels
        groups = "aftersales_base.group_aftersales_"
        advisor = new_test_user(self.env, "tour_advisor", groups=groups + "advisor", name="Tour Advisor", lang="en_US")
        technician = new_test_user(self.env, "tour_tech", groups=groups + "technician", name="Tour Technician")
        leader = new_test_user(self.env, "tour_leader", groups=groups + "technician", name="Tour Leader")
        inspector = new_test_user(self.env, "tour_inspector", groups=groups + "inspector", name="Tour Inspector")
        customer = self.env["res.partner"].create(
            {"name": "Mr Liu", "phone": "13800000001", "street": "1 Road", "city": "Guangzhou"}
        )
        vehicle = self.env["fleet.vehicle"].create(
            {
                "model_id": self.env["fleet.vehicle.model"]
                .create({"name": "Lavida", "brand_id": self.env.ref("fleet.brand_volkswagen").id})
                .id,
                "vin_sn": vin_with_check_digit("LSVAU2180N2155555"),
                "license_plate": "粤A66666",
                "owner_id": customer.id,
            }
        )
        order = (
            self.env["repair.order"]
            .with_user(advisor)
            .create(
                {
                    "vehicle_id": vehicle.id,
                    "partner_id": customer.id,
                    "odometer_in": 8000,
                    "complaint": "Brakes squeak",
                    "customer_signature": SIGNATURE,
                    "customer_signed_by": "Mr Liu",
                }
            )
        )
        order.action_customer_sign()
        url = f"/odoo/action-aftersales_base.repair_order_action_workshop/{order.id}"
        self.start_tour(url, "aftersales_work_order_reception_to_work_done", login="tour_advisor")
        self.assertEqual(order.service_stage, "quality_check")
        self.assertEqual(order.technician_ids, technician)
        # The three checks are made by three people in their own sessions.
        order.with_user(technician).with_context(check_type="self").action_check_pass()
        order.with_user(leader).with_context(check_type="mutual").action_check_pass()
        order.with_user(inspector).with_context(check_type="final").action_check_pass()
        order.with_user(technician).action_wash_done()
        self.start_tour(url, "aftersales_work_order_settle_and_deliver", login="tour_advisor")
        self.assertEqual(order.service_stage, "delivered")
        self.assertEqual(order.sale_order_id.invoice_ids.state, "posted")
