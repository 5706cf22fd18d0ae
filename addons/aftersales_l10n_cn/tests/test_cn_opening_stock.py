import unittest

from odoo.addons.aftersales_base.tests.common import AftersalesCase
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOpeningStock(AftersalesCase):
    """The stock a dealer takes over is an opening balance (期初), not an inventory gain on 营业外收入 530100."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env.company.chart_template != "cn":
            raise unittest.SkipTest("the dealer is not on China's chart: install l10n_cn with the demo data")
        cls.stock_manager = new_test_user(
            cls.env, "as_stock_manager", groups="base.group_user,stock.group_stock_manager", name="钱库管"
        )
        cls.stock_user = new_test_user(cls.env, "as_stock_user", groups="base.group_user,stock.group_stock_user")

    def _codes(self, moves):
        totals = {}
        for line in moves.sudo().stock_valuation_layer_ids.account_move_id.line_ids:
            key = (line.account_id.code, line.account_id.account_type)
            totals[key] = round(totals.get(key, 0.0) + line.balance, 2)
        return sorted((code, account_type, balance) for (code, account_type), balance in totals.items())

    def _count(self, product, qty):
        return (
            self.env["stock.quant"]
            .with_context(inventory_mode=True)
            .create({"product_id": product.id, "location_id": self.stock.id, "inventory_quantity": qty})
        )

    def test_opening_stock_on_the_opening_account(self):
        """15 oil filters counted, 10 on hand: 5 x 20 = 100 on 库存商品 140500 against the chart's opening-balance
        account 本年利润 310300 (Odoo's opening entries balance there), nothing on 530100."""
        quant = self._count(self.oil_filter, 15)
        with self.assertRaisesRegex(AccessError, "inventory administrator|库存管理员"):
            quant.with_user(self.stock_user).action_as_apply_opening_inventory()
        quant.with_user(self.stock_manager).action_as_apply_opening_inventory()
        self.assertEqual(self.oil_filter.with_context(location=self.stock.id).qty_available, 15)
        moves = self.env["stock.move"].search(
            [("product_id", "=", self.oil_filter.id), ("location_id.as_opening", "=", True)]
        )
        self.assertEqual(moves.mapped("quantity"), [5.0])
        self.assertEqual(
            self._codes(moves), [("140500", "asset_current", 100.0), ("310300", "equity_unaffected", -100.0)]
        )

    def test_opening_stock_never_takes_stock_away(self):
        """A count below the stock on hand is a stocktake loss, not an opening: refused, nothing moved."""
        quant = self._count(self.brake_pads, 4)
        with self.assertRaisesRegex(UserError, "前刹车片"):
            quant.with_user(self.stock_manager).action_as_apply_opening_inventory()
        self.assertEqual(self.brake_pads.with_context(location=self.stock.id).qty_available, 10)

    def test_demo_opening_stock_is_an_opening_balance(self):
        """The demo's opening stock (期初库存) of the dealer posts to the opening account, never to 530100."""
        opening = self.env["stock.move"].search(
            [
                ("company_id", "=", self.company.id),
                ("is_inventory", "=", True),
                "|",
                ("location_id.as_opening", "=", True),
                ("name", "=like", "期初库存%"),
            ]
        )
        if not opening:
            self.skipTest("no demo data")
        self.assertEqual(
            set(opening.location_id.mapped("as_opening")),
            {True},
            "the demo's opening stock comes in " "from the opening stock location, not from Inventory adjustment",
        )
        codes = {code for code, _type, _balance in self._codes(opening)}
        self.assertEqual(codes, {"140500", "310300"})
