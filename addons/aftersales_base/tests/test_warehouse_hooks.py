from odoo.addons.aftersales_base.hooks import uninstall_hook
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWarehouseHooks(TransactionCase):
    """The old-parts location comes with the warehouse (stock's location hooks); uninstalling gives back what the
    addon changed in repair and stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.main = cls.env.ref("stock.warehouse0")
        cls.warehouse = cls.env["stock.warehouse"].create({"name": "二号仓库", "code": "WH2"})
        cls.worn_pads = cls.env["product.product"].create({"name": "旧刹车片", "is_storable": True})

    def _scrap(self, warehouse):
        return self.env["stock.location"].search(
            [("scrap_location", "=", True), ("company_id", "in", [warehouse.company_id.id, False])], limit=1
        )

    def test_every_warehouse_has_its_old_parts_location(self):
        for warehouse in self.main | self.warehouse:
            with self.subTest(warehouse=warehouse.code):
                old_parts = warehouse.as_old_parts_location_id
                self.assertRecordValues(old_parts, [{"as_old_parts": True, "usage": "internal", "active": True}])
                self.assertEqual(old_parts.warehouse_id, warehouse)
                self.assertFalse(old_parts._should_be_valued(), "worn parts carry no stock value")
                self.assertEqual(warehouse._as_old_parts_location(), old_parts)
                self.assertRecordValues(
                    warehouse.repair_type_id,
                    [
                        {
                            "default_remove_location_dest_id": old_parts.id,
                            "default_recycle_location_dest_id": old_parts.id,
                        }
                    ],
                )

    def test_uninstall_restores_repair_and_stock(self):
        old_parts = self.main.as_old_parts_location_id
        self.env["stock.quant"]._update_available_quantity(self.worn_pads, old_parts, 2)
        # a destination chosen by hand is the user's: it stays
        self.warehouse.repair_type_id.default_recycle_location_dest_id = self.warehouse.lot_stock_id
        chosen = self.env["stock.location"].create(
            {"name": "返厂件", "usage": "internal", "location_id": self.warehouse.view_location_id.id}
        )
        self.warehouse.repair_type_id.default_remove_location_dest_id = chosen

        uninstall_hook(self.env)

        self.assertRecordValues(
            self.main.repair_type_id,
            [
                {
                    "default_remove_location_dest_id": self._scrap(self.main).id,
                    "default_recycle_location_dest_id": self.main.lot_stock_id.id,
                }
            ],
        )
        self.assertEqual(self.warehouse.repair_type_id.default_remove_location_dest_id, chosen)
        # the worn parts are scrapped, not left as available stock; the old-parts locations are archived
        self.assertEqual(self.worn_pads.qty_available, 0.0)
        scrapped = self.env["stock.quant"].search(
            [("product_id", "=", self.worn_pads.id), ("location_id", "=", self._scrap(self.main).id)]
        )
        self.assertEqual(sum(scrapped.mapped("quantity")), 2.0)
        self.assertFalse((self.main | self.warehouse).as_old_parts_location_id.filtered("active"))
