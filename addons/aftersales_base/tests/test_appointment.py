from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AftersalesCase


@tagged("post_install", "-at_install")
class TestAppointment(AftersalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bay = cls.env["aftersales.workshop.bay"].create({"name": "快保工位 1", "hours_per_day": 8})
        cls.start = fields.Datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)

    def _book(self, **vals):
        values = {
            "partner_id": self.customer.id,
            "vehicle_id": self.vehicle.id,
            "start": self.start,
            "duration": 2.0,
            "bay_id": self.bay.id,
            "technician_id": self.technician.id,
            "complaint": "5000 公里保养",
            "part_line_ids": [Command.create({"product_id": self.oil_filter.id, "quantity": 1})],
        }
        values.update(vals)
        return self.env["aftersales.appointment"].with_user(self.advisor).create(values)

    def test_booking_reserves_parts_and_becomes_a_work_order_at_reception(self):
        appointment = self._book()
        self.assertTrue(appointment.name.startswith("YY"))
        appointment.action_reserve_parts()
        self.assertTrue(appointment.parts_reserved)
        self.assertEqual(self.oil_filter.with_context(location=self.stock.id).free_qty, 9)
        appointment.action_receive()
        order = appointment.repair_id
        self.assertEqual((appointment.state, order.service_stage), ("arrived", "reception"))
        self.assertEqual(order.vehicle_id, self.vehicle)
        self.assertEqual(order.technician_ids, self.technician)
        self.assertEqual(order.move_ids.product_id, self.oil_filter)

    def test_bay_capacity_and_double_booking(self):
        self._book()
        with self.assertRaisesRegex(ValidationError, "already booked"):
            self._book(start=self.start + timedelta(hours=1))
        self._book(start=self.start + timedelta(hours=2), part_line_ids=False)
        load = self.env["aftersales.bay.load"].search([("bay_id", "=", self.bay.id), ("date", "=", self.start.date())])
        self.assertRecordValues(load, [{"capacity_hours": 8.0, "booked_hours": 4.0, "free_hours": 4.0}])

    def test_no_show_releases_the_parts(self):
        appointment = self._book()
        appointment.action_reserve_parts()
        appointment.action_no_show()
        self.assertEqual(appointment.state, "no_show")
        self.assertEqual(self.oil_filter.with_context(location=self.stock.id).free_qty, 10)
        with self.assertRaisesRegex(UserError, "not booked"):
            appointment.action_receive()

    def test_enquiry_is_logged_and_triggers_archive_completion(self):
        visitor = self.env["res.partner"].create({"name": "吴先生", "phone": "13600000000"})
        enquiry = (
            self.env["aftersales.enquiry"]
            .with_user(self.advisor)
            .create(
                {"partner_id": visitor.id, "enquiry_type": "quote", "quoted_amount": 680.0, "notes": "询问更换轮胎价格"}
            )
        )
        self.assertTrue(enquiry.name.startswith("ZX"))
        self.assertTrue(visitor.activity_ids)
