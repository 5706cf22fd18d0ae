from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestPurchaseQuotes(PartsCommon):
    """A-class parts are bought after comparing three vendors' quotes (货比三家)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vendor3 = cls.env["res.partner"].create({"name": "博世汽车部件（苏州）有限公司", "supplier_rank": 1})
        cls.clutch.product_tmpl_id.as_abc_class = "a"
        cls.filter.product_tmpl_id.as_abc_class = "c"

    def _rfq(self, product=None, vendor=None, user=None):
        form = Form(self.env["purchase.order"].with_user(user or self.buyer))
        form.partner_id = vendor or self.vendor
        with form.order_line.new() as line:
            line.product_id = product or self.clutch
            line.product_qty = 2
        return form.save()

    def _alternative(self, order, vendor, user=None):
        """Create Alternative, as the button on the RFQ's Alternatives tab does."""
        action = order.with_user(user or self.buyer).action_create_alternative()
        wizard = Form(
            self.env["purchase.requisition.create.alternative"]
            .with_user(user or self.buyer)
            .with_context(**action["context"])
        )
        wizard.partner_id = vendor
        wizard.copy_products = True
        result = wizard.save().action_create_alternative()
        return self.env["purchase.order"].browse(result["res_id"])

    def test_a_class_rfq_is_confirmed_once_three_vendors_quoted(self):
        order = self._rfq()
        self.assertRecordValues(
            order, [{"as_quotes_missing": True, "as_quote_count": 1, "as_a_class_part_names": self.clutch.display_name}]
        )
        with self.assertRaisesRegex(
            UserError, rf"{order.name} buys A-class parts \(.*离合器压盘.*\).*3 quotes.*1 so far"
        ):
            order.with_user(self.manager).button_confirm()
        # a second quote of the same vendor is no comparison
        self._alternative(order, self.vendor)
        self.assertEqual(order.as_quote_count, 1)
        second = self._alternative(order, self.vendor2)
        self.assertEqual(second.order_line.product_id, self.clutch)
        self.assertRecordValues(order, [{"as_quote_count": 2, "as_quotes_missing": True}])
        self.assertIn("compare 3 quotes from different vendors before confirming, 2 so far", order.as_quote_warning)
        with self.assertRaisesRegex(UserError, "2 so far"):
            order.with_user(self.manager).button_confirm()
        third = self._alternative(order, self.vendor3)
        self.assertRecordValues(order | second | third, [{"as_quote_count": 3, "as_quotes_missing": False}] * 3)
        # the buyer compares and confirms the cheapest one, cancelling the other quotes
        third.order_line.with_user(self.buyer).price_unit = 185.0
        third.with_user(self.manager).action_as_approve_plan()
        action = third.with_user(self.buyer).button_confirm()
        warning = Form(self.env[action["res_model"]].with_user(self.buyer).with_context(**action["context"])).save()
        warning.action_cancel_alternatives()
        self.assertEqual(third.state, "purchase")
        self.assertEqual(set((order | second).mapped("state")), {"cancel"})

    def test_company_sets_the_number_of_quotes(self):
        self.company.as_quotes_required = 2
        order = self._rfq()
        self._alternative(order, self.vendor2)
        self.assertFalse(order.as_quotes_missing)
        action = order.with_user(self.manager).button_confirm()
        Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        ).save().action_keep_alternatives()
        self.assertEqual(order.state, "purchase")

    def test_other_parts_need_no_comparison(self):
        order = self._rfq(product=self.filter)
        self.assertFalse(order.as_quotes_missing)
        order.with_user(self.manager).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_parts_manager_confirms_with_fewer_quotes_and_a_reason(self):
        order = self._rfq()
        action = order.with_user(self.manager).action_as_waive_quotes()
        with self.assertRaises(AccessError):
            self.env[action["res_model"]].with_user(self.buyer).create({"purchase_id": order.id, "reason": "急件"})
        form = Form(self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"]))
        self.assertIn("with 1 of 3 quotes compared", form.summary)
        form.reason = "华晨金杯配送中心为唯一授权供货渠道"
        form.save().action_confirm()
        self.assertRecordValues(
            order,
            [
                {
                    "state": "purchase",
                    "as_quote_waived_by_id": self.manager.id,
                    "as_quote_waiver_reason": "华晨金杯配送中心为唯一授权供货渠道",
                    "as_plan_approved_by_id": self.manager.id,
                }
            ],
        )
        note = order.message_ids.filtered(lambda m: "唯一授权供货渠道" in (m.body or ""))
        self.assertEqual(note.author_id, self.manager.partner_id)
        self.assertIn("1 of 3 quotes", note.body)

    def test_demand_shortage_of_an_a_class_part_bought_from_an_alternative_vendor(self):
        """Convert to order, compare three vendors, buy from the cheapest: the demand follows the bought order
        and counts the quantity on order once."""
        demand = (
            self.env["aftersales.parts.demand"]
            .with_user(self.clerk)
            .create(
                {
                    "partner_id": self.customer.id,
                    "line_ids": [(0, 0, {"product_id": self.clutch.id, "product_uom_qty": 3})],
                }
            )
        )
        demand.with_user(self.clerk).action_confirm()
        demand.with_user(self.buyer).action_convert_to_order()
        order = demand.purchase_order_ids
        second = self._alternative(order, self.vendor2)
        third = self._alternative(order, self.vendor3)
        self.assertEqual(demand.purchase_order_ids, order | second | third)
        self.assertEqual(demand.line_ids.qty_on_order, 3.0)
        self.assertEqual(demand.line_ids.qty_to_order, 0.0)
        with self.assertRaisesRegex(UserError, "no shortage left"):
            demand.with_user(self.buyer).action_convert_to_order()
        action = second.with_user(self.manager).button_confirm()
        Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        ).save().action_cancel_alternatives()
        receipt = second.picking_ids
        receipt.move_ids.quantity = 3
        receipt.move_ids.picked = True
        receipt.with_user(self.clerk).button_validate()
        self.env.invalidate_all()
        self.assertFalse(demand.has_shortage)
        demand.with_user(self.clerk).action_generate_issue()
        self.assertEqual(demand.state, "issued")
        self.assertEqual(demand.line_ids.fill_rate, 0.0)
