from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import WarrantyCommon, make_vin


@tagged("post_install", "-at_install")
class TestCampaign(WarrantyCommon):
    def _campaign(self, **vals):
        return self.env["aftersales.warranty.campaign"].create(
            {"name": "整车控制器软件升级召回", "code": "RC-T-01", "operation_id": self.operation.id, **vals}
        )

    def test_vin_range_compares_the_serial_not_the_check_digit(self):
        """Serials 100002-100005 of one prefix: exactly those four, whatever their check digits."""
        vins = {serial: make_vin(serial) for serial in range(6100001, 6100009)}
        vehicles = {
            serial: self.env["fleet.vehicle"].create({"model_id": self.model.id, "vin_sn": vin})
            for serial, vin in vins.items()
        }
        # The range crosses check digits: its first VIN's check digit (9) is above its last's (4), so a plain
        # string comparison of whole VINs lists none of its vehicles.
        first, last = vins[6100002], vins[6100005]
        self.assertGreater(first[8], last[8])
        self.assertFalse([v for v in vins.values() if first <= v <= last])
        campaign = self._campaign(vin_from=first, vin_to=last)
        campaign.action_load_vehicles()
        expected = {vehicles[s] for s in (6100002, 6100003, 6100004, 6100005)}
        self.assertEqual(set(campaign.vehicle_line_ids.vehicle_id), expected)
        # Another model year / plant (positions 10-11) is another prefix: refused.
        other = first[:9] + "S9" + first[11:]
        with self.assertRaisesRegex(UserError, "positions 1-8"):
            self._campaign(code="RC-T-02", vin_from=first, vin_to=other).action_load_vehicles()

    def test_warranty_clerk_performs_a_recall(self):
        """The warranty clerk alone (no workshop rights) performs the recall on a work order."""
        clerk = new_test_user(
            self.env, login="recall_clerk", groups="aftersales_warranty.group_aftersales_warranty_clerk"
        )
        campaign = self._campaign(vin_list=self.vehicle.vin_sn)
        campaign.action_load_vehicles()
        campaign.action_open()
        order = self.env["repair.order"].create(
            {"vehicle_id": self.vehicle.id, "partner_id": self.owner.id, "odometer_in": 23000, "complaint": "召回"}
        )
        order.with_user(clerk).action_perform_campaign()
        claim = order.warranty_claim_ids
        self.assertRecordValues(claim, [{"claim_type": "campaign", "campaign_id": campaign.id}])
        self.assertEqual(order.labour_line_ids.operation_id, self.operation)
        self.assertEqual(campaign.vehicle_line_ids.claim_id, claim)
        # The campaign vehicle's claim is the workflow's: nobody links another claim by hand.
        with self.assertRaises(UserError):
            campaign.vehicle_line_ids.with_user(clerk).write({"claim_id": False})
