from odoo.addons.aftersales_warranty.tests.common import WarrantyCommon
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestOldPartLink(WarrantyCommon):
    def test_returned_warranty_part_is_the_ledger_entry_of_the_removed_part(self):
        order = self.env["repair.order"].create(
            {"vehicle_id": self.vehicle.id, "partner_id": self.vehicle.owner_id.id or self.dealer.id}
        )
        other_order = self.env["repair.order"].create(
            {"vehicle_id": self.vehicle.id, "partner_id": self.vehicle.owner_id.id or self.dealer.id}
        )
        OldPart = self.env["aftersales.old.part"]
        removed = OldPart.create({"repair_id": order.id, "product_id": self.part.id, "quantity": 1})
        elsewhere = OldPart.create({"repair_id": other_order.id, "product_id": self.part.id, "quantity": 1})
        claim = self._new_claim(repair_id=order.id)
        ret = self.env["aftersales.warranty.part.return"].create(
            {"claim_id": claim.id, "product_id": self.part.id, "quantity": 1}
        )
        self.assertEqual(ret.old_part_id, removed)
        self.assertEqual(removed.disposition, "warranty")  # held for the OEM, never back to the customer
        self.assertEqual(removed.warranty_claim_id, claim)
        self.assertEqual(elsewhere.disposition, "pending")
        # A second return of the same part does not take the same ledger entry twice.
        second = self.env["aftersales.warranty.part.return"].create(
            {"claim_id": claim.id, "product_id": self.part.id, "quantity": 1}
        )
        self.assertFalse(second.old_part_id)
        ret.tracking_ref = "SF1234567890"
        ret.action_ship()
        self.assertEqual(removed.warranty_return_state, "shipped")
        self.assertIn("SF1234567890", removed.message_ids[0].body)

    def test_dealer_ships_the_ledger_entry_from_its_location(self):
        """Dealer site: the returned part leaves from the ledger's location; the ledger then shows the OEM."""
        self.company.as_oem_partner_id = self.oem
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        shelf = self.env["stock.location"].create(
            {"name": "旧件架A", "usage": "internal", "location_id": warehouse._as_old_parts_location().id}
        )
        self.env["stock.quant"]._update_available_quantity(self.part, shelf, 1.0)
        order = self.env["repair.order"].create({"vehicle_id": self.vehicle.id, "partner_id": self.owner.id})
        removed = self.env["aftersales.old.part"].create(
            {"repair_id": order.id, "product_id": self.part.id, "quantity": 1, "location_id": shelf.id}
        )
        claim = self._new_claim(repair_id=order.id, dealer_id=self.company.partner_id.id, oem_partner_id=self.oem.id)
        ret = self.env["aftersales.warranty.part.return"].create(
            {"claim_id": claim.id, "product_id": self.part.id, "quantity": 1}
        )
        self.assertEqual(ret.old_part_id, removed)
        ret.with_user(self.clerk).action_ship()
        self.assertRecordValues(
            ret.move_ids,
            [
                {
                    "state": "done",
                    "quantity": 1.0,
                    "location_id": shelf.id,
                    "location_dest_id": self.oem.property_stock_customer.id,
                }
            ],
        )
        self.assertEqual(removed.location_id, self.oem.property_stock_customer)
        self.assertEqual(self.env["stock.quant"]._get_available_quantity(self.part, shelf), 0.0)
