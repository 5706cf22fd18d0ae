from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestPartReturnStock(WarrantyCommon):
    """Old parts travel back to the OEM as stock transfers, in quantity and without stock value."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.as_oem_partner_id = cls.oem
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)], limit=1)
        cls.stock_user = new_test_user(cls.env, login="wty_stock", groups="stock.group_stock_user")

    def _approved(self, **kw):
        claim = self._submitted_claim(
            line_ids=[Command.create({"line_type": "part", "product_id": self.part.id, "quantity": 2})], **kw
        )
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_approve()
        return claim

    def _quantity(self, location):
        return self.env["stock.quant"]._get_available_quantity(self.part, location, allow_negative=True)

    def test_oem_receives_returned_parts_without_value(self):
        """OEM site: the dealer ships, a receipt waits; the reviewer receives, the parts are in the returned
        warranty parts location, with no stock valuation."""
        ret = self._approved().return_ids
        self.assertEqual(ret.quantity, 2.0)
        ret.with_user(self.clerk).action_ship()
        returns_location = self.company._as_get_warranty_returns_location()
        self.assertTrue(returns_location.as_warranty_returns)
        move = ret.move_ids
        self.assertRecordValues(
            move,
            [
                {
                    "product_id": self.part.id,
                    "product_uom_qty": 2.0,
                    "state": "assigned",
                    "location_id": self.dealer.property_stock_customer.id,
                    "location_dest_id": returns_location.id,
                    "partner_id": self.dealer.id,
                }
            ],
        )
        self.assertEqual(move.picking_id.picking_type_id, self.warehouse.in_type_id)
        ret.with_user(self.reviewer).action_receive()
        self.assertRecordValues(move, [{"state": "done", "quantity": 2.0}])
        self.assertEqual(ret.location_id, returns_location)
        self.assertEqual(self._quantity(returns_location), 2.0)
        self.assertFalse(move.stock_valuation_layer_ids, "old parts carry no stock value")
        self.assertEqual(ret.with_user(self.stock_user).picking_ids, move.picking_id)

    def test_dealer_ships_old_parts_to_the_oem(self):
        """Dealer site: shipping moves the old parts out of the old-parts location to the OEM, without value."""
        old_parts = self.warehouse._as_old_parts_location()
        self.env["stock.quant"]._update_available_quantity(self.part, old_parts, 2.0)
        claim = self._approved(dealer_id=self.company.partner_id.id, oem_partner_id=self.oem.id)
        ret = claim.return_ids
        ret.with_user(self.clerk).action_ship()
        move = ret.move_ids
        self.assertRecordValues(
            move,
            [
                {
                    "product_id": self.part.id,
                    "quantity": 2.0,
                    "state": "done",
                    "location_id": old_parts.id,
                    "location_dest_id": self.oem.property_stock_customer.id,
                    "partner_id": self.oem.id,
                }
            ],
        )
        self.assertEqual(move.picking_id.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(self._quantity(old_parts), 0.0)
        self.assertFalse(move.stock_valuation_layer_ids, "old parts carry no stock value")
        # The OEM's receipt is in the OEM's system: nothing more moves at the dealer's.
        ret.with_user(self.reviewer).action_receive()
        self.assertEqual(ret.move_ids, move)

    def _received(self, **kw):
        ret = self._approved(**kw).return_ids
        ret.with_user(self.clerk).action_ship()
        ret.with_user(self.reviewer).action_receive()
        return ret

    def _judgement_move(self, ret):
        """The move the judgement added, after the receipt."""
        receipt = ret.move_ids.filtered(lambda m: m.picking_type_id == self.warehouse.in_type_id)
        return ret.move_ids - receipt

    def test_sent_back_part_goes_back_to_the_dealer(self):
        """Out of coverage: judging the part "sent back" delivers it from the returned parts location to the
        dealer, done, without value, and charges the dealer back."""
        ret = self._received()
        returns_location = self.company._as_get_warranty_returns_location()
        ret.with_user(self.reviewer).action_judge("sent_back", "人为损坏，不属三包")
        move = self._judgement_move(ret)
        self.assertRecordValues(
            move,
            [
                {
                    "product_id": self.part.id,
                    "quantity": 2.0,
                    "state": "done",
                    "location_id": returns_location.id,
                    "location_dest_id": self.dealer.property_stock_customer.id,
                    "partner_id": self.dealer.id,
                }
            ],
        )
        self.assertRecordValues(
            move.picking_id,
            [{"partner_id": self.dealer.id, "state": "done", "picking_type_id": self.warehouse.out_type_id.id}],
        )
        self.assertEqual(self._quantity(returns_location), 0.0, "the part left the returned parts location")
        self.assertEqual(ret.location_id, self.dealer.property_stock_customer)
        self.assertFalse(ret.move_ids.stock_valuation_layer_ids, "old parts carry no stock value")
        self.assertTrue(ret.chargeback_move_id)
        self.assertIn(move.picking_id, ret.with_user(self.stock_user).picking_ids)

    def _assert_returned_to_supplier(self, judgement):
        """In coverage: judging the part exchanged or repaired returns it to the causal part's supplier."""
        ret = self._received()
        returns_location = self.company._as_get_warranty_returns_location()
        self.assertEqual(ret.supplier_id, self.supplier)
        ret.with_user(self.reviewer).action_judge(judgement)
        move = self._judgement_move(ret)
        self.assertRecordValues(
            move,
            [
                {
                    "product_id": self.part.id,
                    "quantity": 2.0,
                    "state": "done",
                    "location_id": returns_location.id,
                    "location_dest_id": self.supplier.property_stock_supplier.id,
                    "partner_id": self.supplier.id,
                }
            ],
        )
        self.assertRecordValues(move.picking_id, [{"partner_id": self.supplier.id, "state": "done"}])
        self.assertEqual(ret.location_id, self.supplier.property_stock_supplier)
        self.assertEqual(self._quantity(returns_location), 0.0, "the part left the returned parts location")
        self.assertFalse(ret.move_ids.stock_valuation_layer_ids, "old parts carry no stock value")
        self.assertFalse(ret.chargeback_move_id, "in coverage: no charge-back")

    def test_exchanged_part_goes_back_to_the_supplier(self):
        self._assert_returned_to_supplier("exchanged")

    def test_repaired_part_goes_back_to_the_supplier(self):
        self._assert_returned_to_supplier("repaired")

    def test_in_coverage_part_without_supplier_stays(self):
        """A part outside the supply base has no supplier to go back to: it stays in the returned parts location."""
        orphan = self.env["product.product"].create(
            {"name": "杂牌雾灯", "is_storable": True, "categ_id": self.categ_chassis.id, "standard_price": 400.0}
        )
        claim = self._submitted_claim(
            causal_product_id=orphan.id,
            line_ids=[Command.create({"line_type": "part", "product_id": orphan.id, "quantity": 1})],
        )
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_approve()
        ret = claim.return_ids
        ret.with_user(self.clerk).action_ship()
        ret.with_user(self.reviewer).action_receive()
        ret.with_user(self.reviewer).action_judge("repaired")
        self.assertFalse(self._judgement_move(ret))
        self.assertEqual(ret.location_id, self.company._as_get_warranty_returns_location())

    def test_each_part_goes_back_to_its_own_supplier(self):
        """A claim with the causal part and another part: each returned part goes to its own vendor."""
        other_supplier = self.env["res.partner"].create({"name": "上海汽车电子有限公司", "is_company": True})
        bracket = self.env["product.product"].create(
            {
                "name": "减震器支架",
                "is_storable": True,
                "categ_id": self.categ_chassis.id,
                "standard_price": 80.0,
                "seller_ids": [Command.create({"partner_id": other_supplier.id, "price": 60.0})],
            }
        )
        claim = self._submitted_claim(
            line_ids=[
                Command.create({"line_type": "part", "product_id": self.part.id, "quantity": 1}),
                Command.create({"line_type": "part", "product_id": bracket.id, "quantity": 1}),
            ]
        )
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_approve()
        returns = claim.return_ids
        self.assertEqual(
            {r.product_id: r.supplier_id for r in returns}, {self.part: self.supplier, bracket: other_supplier}
        )
        returns.with_user(self.clerk).action_ship()
        returns.with_user(self.reviewer).action_receive()
        returns.with_user(self.reviewer).action_judge_exchanged()
        for ret in returns:
            move = self._judgement_move(ret)
            self.assertEqual(move.partner_id, ret.supplier_id, ret.product_id.name)
            self.assertEqual(move.location_dest_id, ret.supplier_id.property_stock_supplier)
