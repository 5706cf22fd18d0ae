from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..tools import vin_with_check_digit
from .common import AftersalesCase


@tagged("post_install", "-at_install")
class TestVehicle(AftersalesCase):
    def _vehicle(self, **vals):
        values = {"model_id": self.model.id, "owner_id": self.customer.id}
        values.update(vals)
        return self.env["fleet.vehicle"].with_user(self.advisor).create(values)

    def test_vin_is_normalised_and_decoded(self):
        """The advisor types a VIN in lower case with spaces: it is stored clean, year and brand decoded."""
        vin = vin_with_check_digit("LHGRT3840P8000123")
        vehicle = self._vehicle(vin_sn=" " + vin.lower()[:8] + " " + vin.lower()[8:], license_plate="粤 b 88888")
        self.assertEqual(vehicle.vin_sn, vin)
        self.assertEqual(vehicle.license_plate, "粤B88888")
        self.assertEqual(vehicle.vin_last6, vin[-6:])
        self.assertEqual(vehicle.vin_model_year, 2023)  # P = 2023
        self.assertEqual(vehicle.vin_brand_id, self.env.ref("fleet.brand_honda"))  # LHG = GAC Honda

    def test_invalid_vins_are_refused_with_the_reason(self):
        good = vin_with_check_digit("LSVAU2180N2100001")
        wrong_digit = good[:8] + ("1" if good[8] != "1" else "2") + good[9:]
        with self.assertRaisesRegex(ValidationError, "check digit"):
            self._vehicle(vin_sn=wrong_digit)
        with self.assertRaisesRegex(ValidationError, "17 characters"):
            self._vehicle(vin_sn="LSVAU2180N21")
        with self.assertRaisesRegex(ValidationError, "I, O and Q"):
            self._vehicle(vin_sn="LSVAU2180N21O0001")

    def test_vin_is_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._vehicle(vin_sn=self.vehicle.vin_sn)

    def test_chinese_plates(self):
        self.assertEqual(self._vehicle(license_plate="京AD12345").license_plate, "京AD12345")  # new energy
        self.assertEqual(self._vehicle(license_plate="沪A1234学").license_plate, "沪A1234学")
        with self.assertRaisesRegex(ValidationError, "not a Chinese plate"):
            self._vehicle(license_plate="AB12345")
        with self.assertRaisesRegex(ValidationError, "not a Chinese plate"):
            self._vehicle(license_plate="粤A1234")

    def test_lookup_by_vin_last6_plate_owner_and_phone(self):
        Vehicle = self.env["fleet.vehicle"].with_user(self.advisor)
        for term in (self.vehicle.vin_sn, self.vehicle.vin_sn[-6:], "粤a 12345", "刘先生", "13800138000"):
            self.assertIn(self.vehicle, Vehicle.search([("display_name", "ilike", term)]), term)
        self.assertFalse(Vehicle.search([("display_name", "ilike", "粤Z99999")]))

    def test_odometer_cannot_go_backwards_unless_a_manager_records_a_replacement(self):
        Odometer = self.env["fleet.vehicle.odometer"]
        Odometer.with_user(self.advisor).create({"vehicle_id": self.vehicle.id, "value": 20000, "date": "2025-01-01"})
        with self.assertRaisesRegex(ValidationError, "cannot go backwards"):
            Odometer.with_user(self.advisor).create(
                {"vehicle_id": self.vehicle.id, "value": 15000, "date": "2025-06-01"}
            )
        with self.assertRaisesRegex(ValidationError, "Only a service manager"):
            Odometer.with_user(self.advisor).create(
                {"vehicle_id": self.vehicle.id, "value": 150, "date": "2025-06-01", "is_replacement": True}
            )
        Odometer.with_user(self.manager).create(
            {"vehicle_id": self.vehicle.id, "value": 150, "date": "2025-06-01", "is_replacement": True}
        )
        # After the replacement, readings continue from the new odometer.
        Odometer.with_user(self.advisor).create({"vehicle_id": self.vehicle.id, "value": 900, "date": "2025-07-01"})
        self.assertEqual(self.vehicle.odometer, 20000)  # fleet's "last odometer" is the highest reading

    def test_maintenance_schedule_from_model_else_company_default(self):
        self.assertEqual(self.vehicle.maintenance_interval_months, 6)
        self.assertEqual(str(self.vehicle.next_maintenance_date), "2024-09-01")
        self.model.maintenance_interval_months = 12
        vehicle = self._vehicle(sale_date="2024-03-01")
        self.assertEqual(str(vehicle.next_maintenance_date), "2025-03-01")
        self.assertEqual(self.customer.next_maintenance_date, self.vehicle.next_maintenance_date)
