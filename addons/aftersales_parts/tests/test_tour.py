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

    def test_clerk_issues_a_demand_from_stock(self):
        """In the browser, as the parts clerk (not a manager, not admin): demand, confirm, issue."""
        self.env["res.partner"].create({"name": "柜台测试客户", "customer_rank": 1})
        part = self.env["product.product"].create(
            {"name": "空气滤清器（柜台）", "is_storable": True, "as_is_part": True, "list_price": 85.0}
        )
        stock = self.env["stock.warehouse"].search([("company_id", "=", self.env.company.id)], limit=1).lot_stock_id
        self.env["stock.quant"].with_context(inventory_mode=True).create(
            {"product_id": part.id, "location_id": stock.id, "inventory_quantity": 5}
        )._apply_inventory()
        new_test_user(
            self.env,
            login="as_tour_clerk",
            password="as_tour_clerk",
            name="巡回配件保管",
            groups="aftersales_parts.group_aftersales_parts_clerk",
        )
        self.start_tour(
            "/odoo/action-aftersales_parts.aftersales_parts_demand_action",
            "aftersales_parts_clerk_issue_tour",
            login="as_tour_clerk",
        )
        demand = self.env["aftersales.parts.demand"].search([("partner_id.name", "=", "柜台测试客户")])
        self.assertRecordValues(demand, [{"state": "issued", "amount_total": 170.0}])
        self.assertEqual(demand.user_id.login, "as_tour_clerk")
        self.assertEqual(demand.sale_order_id.state, "sale")
        self.assertEqual(demand.sale_order_id.picking_ids.move_ids.product_uom_qty, 2.0)
