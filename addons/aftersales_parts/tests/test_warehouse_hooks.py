from odoo.addons.aftersales_parts.hooks import uninstall_hook
from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestPartsWarehouseHooks(PartsCommon):
    """The pending-disposal location comes with the warehouse; uninstalling takes the loss and gain accounts off
    stock's Inventory adjustment and Scrap locations."""

    def test_every_warehouse_has_its_pending_disposal_location(self):
        warehouse = self.env["stock.warehouse"].create({"name": "二号仓库", "code": "WH2"})
        pending = warehouse.as_pending_disposal_location_id
        self.assertRecordValues(pending, [{"usage": "internal", "active": True, "warehouse_id": warehouse.id}])
        self.assertTrue(pending._should_be_valued(), "approved write-offs stay valued until disposed of")
        main = self.env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        if not self.company.as_pending_disposal_location_id:
            self.assertEqual(self.company._as_get_pending_disposal_location(), main.as_pending_disposal_location_id)
        self.company.as_pending_disposal_location_id = pending
        self.assertEqual(self.company._as_get_pending_disposal_location(), pending)

    def test_uninstall_restores_the_inventory_locations(self):
        # the Opening Stock location (aftersales_base) posts to the opening-balance account: not this addon's
        locations = self.env["stock.location"].search(
            [("usage", "=", "inventory"), ("company_id", "=", self.company.id), ("as_opening", "=", False)]
        )
        self.assertIn(self.company.as_stock_loss_account_id, locations.valuation_in_account_id)
        # an account set by hand on one location is the user's: it stays
        kept = locations[:1]
        kept.valuation_in_account_id = self.acc_loss
        self.assertNotEqual(self.acc_loss, self.company.as_stock_loss_account_id)

        uninstall_hook(self.env)

        self.assertEqual(kept.valuation_in_account_id, self.acc_loss)
        for location in locations - kept:
            with self.subTest(location=location.display_name):
                self.assertFalse(location.valuation_in_account_id)
                self.assertFalse(location.valuation_out_account_id)
