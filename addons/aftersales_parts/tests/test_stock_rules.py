from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestStockRules(PartsCommon):
    def _orderpoint(self, product, min_qty, max_qty):
        return self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": product.id,
                "warehouse_id": self.warehouse.id,
                "location_id": self.stock.id,
                "product_min_qty": min_qty,
                "product_max_qty": max_qty,
                "trigger": "manual",
            }
        )

    def test_stock_health_flags_below_min_above_max_and_dead_stock(self):
        """Stock health shows a part below its minimum, one above its maximum and one untouched for a year."""
        self._stock(self.clutch, 1)
        self._stock(self.filter, 50)
        self._stock(self.pad, 3)
        self._orderpoint(self.clutch, 4, 10)
        self._orderpoint(self.filter, 4, 20)
        old = fields.Datetime.now() - timedelta(days=400)
        self.env["stock.move"].search([("product_id", "=", self.pad.id)]).write({"date": old})
        self.env.flush_all()
        health = (
            self.env["aftersales.stock.health"]
            .with_user(self.clerk)
            .search(
                [("product_id", "in", (self.clutch | self.filter | self.pad).ids), ("company_id", "=", self.company.id)]
            )
        )
        status = {row.product_id: row.status for row in health}
        self.assertEqual(status[self.clutch], "below_min")
        self.assertEqual(status[self.filter], "above_max")
        self.assertEqual(status[self.pad], "dead")
        self.assertEqual(health.filtered(lambda r: r.product_id == self.clutch).stock_value, 200.0)

    def test_part_price_changes_only_by_parts_manager(self):
        """A buyer cannot change a part's sales price; the parts manager can."""
        with self.assertRaisesRegex(UserError, "only by the parts manager"):
            self.clutch.product_tmpl_id.with_user(self.buyer).list_price = 999.0
        self.clutch.product_tmpl_id.with_user(self.manager).list_price = 350.0
        self.assertEqual(self.clutch.list_price, 350.0)

    def test_damaged_receipt_is_claimed_and_returned_to_the_supplier(self):
        """Two of five pads arrive damaged: the variance claims 160 from the supplier and returns them."""
        order = self.env["purchase.order"].create(
            {"partner_id": self.vendor2.id, "order_line": [(0, 0, {"product_id": self.pad.id, "product_qty": 5})]}
        )
        order.with_user(self.manager).button_confirm()
        receipt = order.picking_ids
        receipt.move_ids.quantity = 5
        receipt.move_ids.picked = True
        receipt.button_validate()
        action = receipt.with_user(self.clerk).action_as_record_variance()
        variance = self.env["aftersales.receipt.variance"].browse(action["res_id"])
        variance.line_ids.write({"variance_type": "damaged", "quantity": 2})
        self.assertEqual(variance.claim_partner_id, self.vendor2)
        variance.with_user(self.clerk).action_claim()
        self.assertRecordValues(variance, [{"state": "claimed", "amount_total": 160.0}])
        self.assertRecordValues(
            variance.return_picking_id.move_ids,
            [{"product_id": self.pad.id, "product_uom_qty": 2.0, "location_dest_id": receipt.location_id.id}],
        )
        with self.assertRaises(UserError):
            variance.with_user(self.clerk).action_settle()
        variance.with_user(self.manager).action_settle()
        self.assertEqual(variance.state, "settled")

    def test_accessory_form_checked_by_finance(self):
        """Mats sold below the minimum need the parts manager; a gift is valued at cost; finance checks the form."""
        mats = self._create_part("全包围脚垫", "90", "01", "001", "", "", cost=150.0, price=398.0)
        mats.write({"as_is_accessory": True, "as_min_sale_price": 300.0})
        finance = new_test_user(self.env, login="as_finance", groups="account.group_account_invoice")
        form = (
            self.env["aftersales.accessory.form"]
            .with_user(self.clerk)
            .create(
                {
                    "partner_id": self.customer.id,
                    "line_ids": [
                        (0, 0, {"product_id": mats.id, "kind": "sale", "price_unit": 280.0}),
                        (0, 0, {"product_id": mats.id, "kind": "gift"}),
                    ],
                }
            )
        )
        self.assertRecordValues(form, [{"amount_sale": 280.0, "amount_gift": 150.0}])
        with self.assertRaisesRegex(UserError, "minimum selling price"):
            form.with_user(self.clerk).action_submit()
        form.with_user(self.manager).action_approve_price()
        form.with_user(self.clerk).action_submit()
        with self.assertRaises(UserError):
            form.with_user(self.clerk).action_check()
        form.with_user(finance).action_check()
        self.assertEqual(form.checked_by_id, finance)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_parts.action_report_accessory_checklist", mats.product_tmpl_id.ids
        )[0]
        self.assertIn("全包围脚垫".encode(), html)
