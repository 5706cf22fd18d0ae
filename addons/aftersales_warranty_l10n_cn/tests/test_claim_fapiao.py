import unittest

from odoo.addons.aftersales_warranty.tests.common import WarrantyCommon
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestClaimFapiao(WarrantyCommon):
    """OEM site on China's chart: the dealer's fapiao on the claim, required to settle where the OEM asks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env.company.chart_template != "cn":
            raise unittest.SkipTest("the company is not on China's chart: install l10n_cn with the demo data")

    def _approved_claim(self):
        claim = self._submitted_claim()
        claim.with_user(self.reviewer).action_start_review()
        labour = claim.line_ids.filtered(lambda x: x.line_type == "labour")
        claim.with_user(self.reviewer).action_approve_with_cuts(
            [{"line_id": labour.id, "approved_quantity": 1.5, "cut_reason": "工时按1.5小时核定"}]
        )
        return claim

    def test_settlement_without_the_setting_needs_no_fapiao(self):
        claim = self._approved_claim()
        claim.with_user(self.reviewer).action_settle()
        self.assertEqual(claim.state, "settled")
        self.assertFalse(claim.oem_bill_id.fapiao)

    def test_settlement_needs_the_dealers_fapiao_when_the_oem_asks(self):
        """Setting on: refused without the dealer's fapiao (nothing posted); with its 20-digit number the claim
        is settled and the bill from the dealer carries the number: 应付账款 220200 to the dealer, the cost on
        主营业务成本 540100 and the input VAT on 应交税费 222100."""
        self.env["res.config.settings"].create({"as_claim_needs_fapiao": True}).execute()
        self.assertTrue(self.company.as_claim_needs_fapiao)
        claim = self._approved_claim()
        with self.assertRaisesRegex(UserError, "fapiao number is not recorded"):
            claim.with_user(self.reviewer).action_settle()
        self.assertEqual(claim.state, "partially_approved")
        self.assertFalse(claim.oem_bill_id)
        with self.assertRaisesRegex(ValidationError, "8 digits, or 20 digits"):
            claim.with_user(self.clerk).write({"as_dealer_fapiao": "123456789012"})
        claim.with_user(self.clerk).write(
            {"as_dealer_fapiao": "26332000000987654321", "as_dealer_fapiao_type": "special"}
        )
        claim.with_user(self.reviewer).action_settle()
        self.assertEqual(claim.state, "settled")
        bill = claim.oem_bill_id
        self.assertEqual((bill.fapiao, bill.as_fapiao_type), ("26332000000987654321", "special"))
        self.assertEqual(claim.as_oem_bill_fapiao, "26332000000987654321")
        payable = bill.line_ids.filtered(lambda line: line.display_type == "payment_term")
        self.assertEqual(
            (payable.account_id.code, payable.account_id.account_type, payable.balance),
            ("220200", "liability_payable", -bill.amount_total),
        )
        costs = bill.line_ids.filtered(lambda line: line.display_type in ("product", "tax"))
        self.assertEqual(sorted(set(costs.mapped("account_id.code"))), ["222100", "540100"])

    def test_claim_report_prints_the_approved_amount_in_capital_numerals(self):
        claim = self._approved_claim()
        self.assertEqual(claim.amount_approved, 700.0)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_warranty.report_warranty_claim", claim.ids
        )
        html = html.decode()
        self.assertIn("柒佰元整", html)
        self.assertIn("¥", html)
