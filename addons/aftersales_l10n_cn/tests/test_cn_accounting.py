import unittest

from odoo import Command
from odoo.addons.aftersales_base.tests.common import AftersalesCase
from odoo.exceptions import ValidationError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestChineseAccounting(AftersalesCase):
    """The demo dealer on China's small-business chart: a work order through every step, in the books."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env.company.chart_template != "cn":
            raise unittest.SkipTest("the dealer is not on China's chart: install l10n_cn with the demo data")

    def _codes(self, lines):
        """(code, account type, balance) per account of the journal items, as the accountant's ledger sums them."""
        totals = {}
        for line in lines:
            key = (line.account_id.code, line.account_id.account_type)
            totals[key] = round(totals.get(key, 0.0) + line.balance, 2)
        return sorted((code, account_type, balance) for (code, account_type), balance in totals.items())

    def _settled_order(self):
        order = self._new_order()
        self._receive(order)
        self._estimate(
            order,
            parts=[
                (self.brake_pads, 1, "add", "customer"),
                (self.brake_pads, 1, "remove", "customer"),
                (self.oil_filter, 1, "add", "customer"),
            ],
            labour=[(self.op_brakes, "customer"), (self.op_maint, "customer")],
        )
        self._approve_and_work(order)
        self._checks(order)
        order.with_user(self.technician).action_wash_done()
        order.with_user(self.advisor).action_settle()
        return order

    def test_company_on_the_chinese_chart(self):
        """CNY, country CN, VAT 13 % by default, the stock accounts of the chart on the parts categories."""
        company = self.company
        self.assertEqual((company.currency_id.name, company.country_id.code), ("CNY", "CN"))
        self.assertEqual(company.account_sale_tax_id.amount, 13.0)
        self.assertEqual(company.account_purchase_tax_id.amount, 13.0)
        self.assertTrue(company.anglo_saxon_accounting)
        self.assertEqual(
            (
                self.category.property_stock_valuation_account_id.code,
                self.category.property_stock_account_input_categ_id.code,
                self.category.property_stock_account_output_categ_id.code,
            ),
            ("140500", "140201", "140202"),
        )
        self.assertEqual(company.as_internal_expense_account_id.code, "560101")
        if "as_stock_loss_account_id" in company._fields:  # aftersales_parts: stocktake and write-off results
            self.assertEqual(company.as_stock_loss_account_id.code, "571100")
            self.assertEqual(company.as_stock_gain_account_id.code, "530100")
            inventory = self.env["stock.location"].search(
                [("usage", "=", "inventory"), ("company_id", "=", company.id), ("as_opening", "=", False)]
            )
            self.assertEqual(set(inventory.valuation_in_account_id.mapped("code")), {"571100"})
            self.assertEqual(set(inventory.valuation_out_account_id.mapped("code")), {"530100"})

    def test_work_order_in_the_chinese_books(self):
        """Parts issued: 库存商品 140500 to 暂付存货 140202; the invoice: 应收账款 112200, 主营业务收入 500100, 13 %
        output VAT on 应交税费 222100, and the parts cost from 140202 to 主营业务成本 540100."""
        order = self._settled_order()
        pads = order.move_ids.filtered(lambda m: m.product_id == self.brake_pads and m.repair_line_type == "add")
        self.assertEqual(
            self._codes(pads.sudo().stock_valuation_layer_ids.account_move_id.line_ids),
            [("140202", "asset_current", 80.0), ("140500", "asset_current", -80.0)],
        )
        invoice = order.sale_order_id.invoice_ids
        invoice.with_user(self.advisor).action_post()
        self.assertEqual(invoice.currency_id.name, "CNY")
        untaxed = order.amount_customer
        self.assertEqual(untaxed, 245.0 + 2.2 * 120.0)
        self.assertAlmostEqual(invoice.amount_tax, round(untaxed * 0.13, 2))
        lines = invoice.line_ids
        revenue = lines.filtered(lambda line: line.display_type == "product")
        self.assertEqual(set(revenue.mapped("account_id.code")), {"500100"})
        self.assertEqual(set(revenue.mapped("account_id.account_type")), {"income"})
        self.assertAlmostEqual(sum(revenue.mapped("balance")), -untaxed)
        tax = lines.filtered(lambda line: line.display_type == "tax")
        self.assertEqual(self._codes(tax), [("222100", "liability_current", -round(untaxed * 0.13, 2))])
        receivable = lines.filtered(lambda line: line.display_type == "payment_term")
        self.assertEqual(self._codes(receivable), [("112200", "asset_receivable", invoice.amount_total)])
        cogs = lines.filtered(lambda line: line.display_type == "cogs")
        self.assertEqual(
            self._codes(cogs),
            [("140202", "asset_current", -100.0), ("540100", "expense_direct_cost", 100.0)],
        )
        self._pay(invoice)
        self.assertEqual(invoice.payment_state, "paid")
        order.with_user(self.advisor).action_deliver()

    def _count(self, product, quantity):
        quant = self.env["stock.quant"].search([("product_id", "=", product.id), ("location_id", "=", self.stock.id)])
        quant.with_context(inventory_mode=True).write({"inventory_quantity": quantity})
        quant.action_apply_inventory()
        move = self.env["stock.move"].search([("product_id", "=", product.id)], order="id desc", limit=1)
        return move.stock_valuation_layer_ids.account_move_id.line_ids

    def test_stocktake_loss_and_gain_in_the_chinese_books(self):
        """Counted less: the loss is 营业外支出 571100 out of 库存商品 140500; counted more: 营业外收入 530100."""
        if "as_stock_loss_account_id" not in self.company._fields:
            self.skipTest("aftersales_parts sets the loss and gain accounts")
        self.assertEqual(
            self._codes(self._count(self.oil_filter, 8)),
            [("140500", "asset_current", -40.0), ("571100", "expense", 40.0)],
        )
        self.assertEqual(
            self._codes(self._count(self.oil_filter, 9)),
            [("140500", "asset_current", 20.0), ("530100", "income_other", -20.0)],
        )

    def test_fapiao_number_8_or_20_digits(self):
        """A legacy fapiao has 8 digits, a fully digital e-invoice (数电票) 20: both accepted, nothing else."""
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [Command.create({"product_id": self.oil_filter.id, "quantity": 1})],
            }
        )
        invoice.write({"fapiao": "12345678", "as_fapiao_type": "general"})
        self.assertEqual(invoice.fapiao, "12345678")
        invoice.write({"fapiao": "26442000000123456789", "as_fapiao_type": "special"})
        self.assertEqual(invoice.fapiao, "26442000000123456789")
        for wrong in ("123456789012", "1234567A", "123456789012345678901"):
            with self.assertRaisesRegex(ValidationError, "8 digits, or 20 digits"):
                invoice.write({"fapiao": wrong})
            self.assertEqual(invoice.fapiao, "26442000000123456789")

    def test_settlement_prints_the_amount_in_capital_numerals(self):
        """The printed settlement (pick-up voucher) and the estimate show what the customer pays in 大写 and ¥."""
        order = self._settled_order()
        self.assertEqual(order.amount_customer, 509.0)
        for report in ("aftersales_base.report_work_order", "aftersales_base.report_estimate"):
            html, _fmt = self.env["ir.actions.report"]._render_qweb_html(report, order.ids)
            html = html.decode()
            self.assertIn("伍佰零玖元整", html, report)
            self.assertIn("¥", html, report)
