from odoo import Command
from odoo.tests import tagged

from .common import AftersalesCase


@tagged("post_install", "-at_install")
class TestMembershipDiscount(AftersalesCase):
    """Regular customers' discounts come from Odoo loyalty programs restricted to a membership level."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Only this gold program restricts by level here (the demo data may bring others).
        cls.env["loyalty.program"].search([("as_membership_level", "!=", False)]).action_archive()
        cls.gold_program = cls.env["loyalty.program"].create(
            {
                "name": "金卡会员 95 折 (测试)",
                "program_type": "promotion",
                "trigger": "auto",
                "applies_on": "current",
                "as_membership_level": "gold",
                "rule_ids": [Command.create({"reward_point_mode": "order", "minimum_qty": 0})],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 5,
                            "discount_mode": "percent",
                            "discount_applicability": "order",
                        }
                    )
                ],
            }
        )

    def _settled_order(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(order, parts=[(self.oil_filter, 1, "add", "customer")], labour=[(self.op_maint, "customer")])
        self._approve_and_work(order)
        self._checks(order)
        order.with_user(self.technician).action_wash_done()
        order.with_user(self.advisor).action_settle()
        return order

    def test_gold_customer_gets_the_gold_discount_on_the_invoice(self):
        self.customer.membership_level = "gold"
        order = self._new_order()
        self.assertIn(self.gold_program.name, order.with_user(self.technician).membership_programs)
        order.unlink()
        order = self._settled_order()
        self.assertEqual(order.amount_customer, 45.0 + 120.0)
        discount = order.sale_order_id.order_line.filtered("reward_id")
        self.assertEqual(discount.reward_id.program_id, self.gold_program)
        invoice = order.sale_order_id.invoice_ids
        self.assertAlmostEqual(invoice.amount_untaxed, (45.0 + 120.0) * 0.95)
        invoice.action_post()
        discount_items = invoice.line_ids.filtered(lambda line: line.product_id == discount.product_id)
        self.assertRecordValues(discount_items, [{"debit": round((45.0 + 120.0) * 0.05, 2), "credit": 0.0}])
        # The invoice is the customer's part: once paid, the car can leave.
        self._pay(invoice)
        order.with_user(self.advisor).action_deliver()
        self.assertEqual(order.service_stage, "delivered")

    def test_other_levels_do_not_get_the_gold_discount(self):
        self.customer.membership_level = "silver"
        self.assertFalse(self._new_order().membership_programs)
        order = self._settled_order()
        self.assertFalse(order.sale_order_id.order_line.filtered("reward_id"))
        self.assertEqual(order.sale_order_id.invoice_ids.amount_untaxed, 45.0 + 120.0)
        # Nor does a plain sale order of that customer see the program.
        sale = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "order_line": [Command.create({"product_id": self.oil_filter.id})]}
        )
        self.assertNotIn(self.gold_program, self.env["loyalty.program"].search(sale._get_program_domain()))
        self.customer.membership_level = "gold"
        self.assertIn(self.gold_program, self.env["loyalty.program"].search(sale._get_program_domain()))
