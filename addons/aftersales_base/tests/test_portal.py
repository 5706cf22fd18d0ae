import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from ..tools import vin_with_check_digit


@tagged("post_install", "-at_install")
class TestPortalBooking(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.model = cls.env["fleet.vehicle.model"].create(
            {"name": "朗逸", "brand_id": cls.env.ref("fleet.brand_volkswagen").id}
        )
        cls.customer = new_test_user(
            cls.env, "as_portal_liu", groups="base.group_portal", name="刘先生", tz="Asia/Shanghai"
        )
        cls.other = new_test_user(cls.env, "as_portal_chen", groups="base.group_portal", name="陈女士")
        cls.vehicle = cls.env["fleet.vehicle"].create(
            {
                "model_id": cls.model.id,
                "vin_sn": vin_with_check_digit("LSVAU2180N2177777"),
                "license_plate": "粤A77777",
                "owner_id": cls.customer.partner_id.id,
            }
        )
        cls.other_vehicle = cls.env["fleet.vehicle"].create(
            {"model_id": cls.model.id, "license_plate": "粤A88888", "owner_id": cls.other.partner_id.id}
        )

    def _book(self, vehicle, day):
        page = self.url_open("/my/appointments/new").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return self.url_open(
            "/my/appointments/new",
            data={
                "csrf_token": token,
                "vehicle_id": vehicle.id,
                "date": day,
                "time": "09:30",
                "job_type": "maintenance",
                "complaint": "5000 公里保养",
            },
        )

    def test_customer_books_online_and_sees_only_own_bookings(self):
        self.authenticate("as_portal_liu", "as_portal_liu")
        page = self.url_open("/my/appointments/new").text
        self.assertIn("粤A77777", page)
        self.assertNotIn("粤A88888", page)  # another customer's car is not offered
        day = (fields.Date.today() + timedelta(days=2)).isoformat()
        self._book(self.vehicle, day)
        booking = self.env["aftersales.appointment"].search([("vehicle_id", "=", self.vehicle.id)])
        self.assertRecordValues(
            booking, [{"partner_id": self.customer.partner_id.id, "source": "online", "state": "booked"}]
        )
        self.assertEqual(booking.start.strftime("%H:%M"), "01:30")  # 09:30 in Shanghai, stored in UTC
        self.assertIn(booking.name, self.url_open("/my/appointments").text)

        # Booking another customer's vehicle by tampering with the form is refused.
        self._book(self.other_vehicle, day)
        self.assertFalse(self.env["aftersales.appointment"].search([("vehicle_id", "=", self.other_vehicle.id)]))

        # The other customer sees nothing of it, by list or by id.
        self.authenticate("as_portal_chen", "as_portal_chen")
        self.assertNotIn(booking.name, self.url_open("/my/appointments").text)
        Appointment = self.env["aftersales.appointment"].with_user(self.other)
        self.assertFalse(Appointment.search([]))
        with self.assertRaises(AccessError):
            booking.with_user(self.other).read(["name"])

    def test_past_date_is_refused_with_a_message(self):
        self.authenticate("as_portal_liu", "as_portal_liu")
        response = self._book(self.vehicle, (fields.Date.today() - timedelta(days=1)).isoformat())
        self.assertIn("alert-danger", response.text)
        self.assertFalse(self.env["aftersales.appointment"].search([("vehicle_id", "=", self.vehicle.id)]))
