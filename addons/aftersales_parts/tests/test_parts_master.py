from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestPartsMaster(PartsCommon):
    def _found(self, term):
        return [pid for pid, __ in self.env["product.product"].with_user(self.clerk).name_search(term, limit=50)]

    def test_part_number_is_built_from_its_structure(self):
        """The OEM number is composed from group, sub-group, part no., structure and change codes."""
        self.assertEqual(self.clutch.as_part_number, "1601-100-A-01")
        self.assertEqual(self.clutch.as_part_number_normalized, "1601100a01")
        self.assertEqual(self.clutch.as_pinyin_initials, "lhqyp")

    def test_clerk_finds_a_clutch_by_pinyin_initials(self):
        """A clerk types 'lhq' and gets the clutch (离合器) parts, not the oil filter."""
        found = self._found("lhq")
        self.assertIn(self.clutch.id, found)
        self.assertNotIn(self.filter.id, found)

    def test_part_number_found_with_or_without_separators(self):
        """'1601-100-A-01', '1601100A01' and '1601 100' all find the clutch plate."""
        for term in ("1601-100-A-01", "1601100A01", "1601 100"):
            self.assertIn(self.clutch.id, self._found(term), term)

    def test_name_search_is_one_query(self):
        """The whole search (name, number, pinyin) answers in a single SQL query."""
        Product = self.env["product.product"]
        Product.name_search("lhq")  # warm caches
        with self.assertQueryCount(1):
            Product.with_context(prefetch_fields=False).search(Product._search_display_name("ilike", "lhq"), limit=8)

    def test_old_superseded_number_finds_the_current_part(self):
        """A clutch plate superseded twice: the first number still finds the latest part."""
        second = self._create_part("离合器压盘（改进型）", "16", "01", "100", "A", "02", cost=210.0, price=330.0)
        third = self._create_part("离合器压盘（第三代）", "16", "01", "100", "A", "03", cost=220.0, price=340.0)
        self.clutch.product_tmpl_id.as_replaced_by_id = second.product_tmpl_id
        second.product_tmpl_id.as_replaced_by_id = third.product_tmpl_id
        self.assertEqual(self.clutch.product_tmpl_id.as_current_part_id, third.product_tmpl_id)
        self.assertIn(third.id, self._found("1601100A01"))
        with self.assertRaises(ValidationError):
            third.product_tmpl_id.as_replaced_by_id = self.clutch.product_tmpl_id

    def test_technology_class_from_points(self):
        """Points map to high-tech (>= 35), technical (25-35) and general (< 25), from the company settings."""
        tmpl = self.clutch.product_tmpl_id
        for points, expected in ((40, "high_tech"), (30, "technical"), (10, "general")):
            tmpl.as_tech_points = points
            self.assertEqual(tmpl.as_tech_class, expected)

    def test_abc_class_from_consumption_value(self):
        """The scheduled action ranks parts by 12 months of consumption value: 80/15/5 by default."""
        customer_location = self.env.ref("stock.stock_location_customers")
        for product, qty in ((self.clutch, 40), (self.pad, 10), (self.filter, 5)):
            self._stock(product, qty)
            move = self.env["stock.move"].create(
                {
                    "name": product.name,
                    "product_id": product.id,
                    "product_uom_qty": qty,
                    "product_uom": product.uom_id.id,
                    "location_id": self.stock.id,
                    "location_dest_id": customer_location.id,
                }
            )
            move._action_confirm()
            move._action_assign()
            move.picked = True
            move._action_done()
        self.env["product.template"]._cron_compute_abc_class()
        # values: clutch 8000, pad 800, filter 100 -> 89.9 % / 9 % / 1.1 %
        self.assertEqual(self.clutch.as_abc_class, "a")
        self.assertEqual(self.pad.as_abc_class, "b")
        self.assertEqual(self.filter.as_abc_class, "c")

    def test_accessory_below_minimum_price_needs_parts_manager(self):
        """A clerk cannot sell an accessory below its minimum price; a parts manager can approve it."""
        mats = self._create_part("全包围脚垫", "90", "01", "001", "", "", cost=150.0, price=398.0)
        mats.write({"as_is_accessory": True, "as_min_sale_price": 300.0})
        self._stock(mats, 5)
        with self.assertRaises(ValidationError):
            mats.list_price = 280.0
        order_form = Form(self.env["sale.order"].with_user(self.clerk))
        order_form.partner_id = self.customer
        with order_form.order_line.new() as line:
            line.product_id = mats
            line.price_unit = 250.0
        order = order_form.save()
        with self.assertRaisesRegex(UserError, "minimum selling price"):
            order.with_user(self.clerk).action_confirm()
        with self.assertRaises(UserError):
            order.with_user(self.clerk).action_as_approve_below_min_price()
        order.with_user(self.manager).action_as_approve_below_min_price()
        order.with_user(self.clerk).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.as_min_price_approved_by_id, self.manager)

    def test_four_number_location(self):
        """A bin records warehouse, rack, level and position as its four-number location."""
        bin_location = self.env["stock.location"].create(
            {"name": "A-03-2-05", "location_id": self.stock.id, "as_rack": "A03", "as_level": "2", "as_position": "05"}
        )
        self.assertEqual(bin_location.as_four_number, f"{self.warehouse.code}-A03-2-05")
        self.clutch.product_tmpl_id.as_bin_location_id = bin_location
        order = self.env["purchase.order"].create(
            {"partner_id": self.vendor.id, "order_line": [(0, 0, {"product_id": self.clutch.id, "product_qty": 2})]}
        )
        order.with_user(self.manager).button_confirm()
        self.assertEqual(order.picking_ids.move_ids.move_line_ids.location_dest_id, bin_location)
