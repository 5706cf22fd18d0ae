from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPartsTour(HttpCase):
    def test_demand_shortage_purchase_receipt_issue(self):
        """In the browser: a demand with a shortage is converted to an RFQ, received, then issued."""
        vendor = self.env["res.partner"].create({"name": "华晨配件供应有限公司"})
        self.env["res.partner"].create({"name": "巡回测试客户", "customer_rank": 1})
        self.env["product.product"].create(
            {
                "name": "离合器分泵（巡回）",
                "is_storable": True,
                "as_is_part": True,
                "list_price": 260.0,
                "seller_ids": [(0, 0, {"partner_id": vendor.id, "price": 150.0})],
            }
        )
        new_test_user(
            self.env,
            login="as_tour_parts",
            password="as_tour_parts",
            name="巡回配件经理",
            groups="aftersales_parts.group_aftersales_parts_manager,purchase.group_purchase_manager",
        )
        self.start_tour(
            "/odoo/action-aftersales_parts.aftersales_parts_demand_action",
            "aftersales_parts_demand_tour",
            login="as_tour_parts",
        )
        demand = self.env["aftersales.parts.demand"].search([("partner_id.name", "=", "巡回测试客户")])
        self.assertEqual(demand.state, "issued")
        self.assertEqual(demand.purchase_order_ids.state, "purchase")
        self.assertEqual(demand.purchase_order_ids.picking_ids.state, "done")
        self.assertTrue(demand.sale_order_id.picking_ids)
