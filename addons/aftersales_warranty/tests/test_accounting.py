from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestAccounting(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.as_oem_partner_id = cls.oem
        cls.labour_product = cls.company.as_labour_product_id or cls.env.ref("aftersales_base.product_labour")
        cls.handling = cls.env.ref("aftersales_warranty.product_warranty_handling")

    def _accounts(self, product, kind):
        return product.product_tmpl_id.get_product_accounts()[kind].id

    def _review_with_cut(self, claim):
        claim.with_user(self.reviewer).action_start_review()
        labour = claim.line_ids.filtered(lambda x: x.line_type == "labour")
        labour.with_user(self.reviewer).write({"approved_quantity": 1.5, "cut_reason": "工时按1.5小时核定"})
        claim.with_user(self.reviewer).action_approve()

    def test_dealer_side_receivable_then_credit_note_for_the_cut(self):
        """Dealer site: submission invoices the OEM 750; the OEM cuts 50; settlement credits 50."""
        claim = self._new_claim(dealer_id=self.company.partner_id.id, oem_partner_id=self.oem.id)
        claim.action_submit()
        invoice = claim.dealer_invoice_id
        self.assertEqual(invoice.state, "posted")
        receivable = self.oem.property_account_receivable_id.id
        self.assertRecordValues(
            invoice.line_ids.sorted(lambda l: (-l.debit, l.credit)),
            [
                {"account_id": receivable, "partner_id": self.oem.id, "debit": 750.0, "credit": 0.0},
                {
                    "account_id": self._accounts(self.handling, "income"),
                    "partner_id": self.oem.id,
                    "debit": 0.0,
                    "credit": 50.0,
                },
                {
                    "account_id": self._accounts(self.labour_product, "income"),
                    "partner_id": self.oem.id,
                    "debit": 0.0,
                    "credit": 200.0,
                },
                {
                    "account_id": self._accounts(self.part, "income"),
                    "partner_id": self.oem.id,
                    "debit": 0.0,
                    "credit": 500.0,
                },
            ],
        )
        self._review_with_cut(claim)
        claim.with_user(self.reviewer).action_settle()
        refund = claim.dealer_refund_id
        self.assertEqual(refund.move_type, "out_refund")
        self.assertRecordValues(
            refund.line_ids.sorted(lambda l: l.debit),
            [
                {"account_id": receivable, "partner_id": self.oem.id, "debit": 0.0, "credit": 50.0},
                {
                    "account_id": self._accounts(self.labour_product, "income"),
                    "partner_id": self.oem.id,
                    "debit": 50.0,
                    "credit": 0.0,
                },
            ],
        )
        self.assertEqual(claim.state, "settled")
        with self.assertRaisesRegex(UserError, "already settled"):
            claim.with_user(self.reviewer).action_settle()

    def test_oem_side_bill_to_dealer_and_recovery_from_supplier(self):
        """OEM site: the approved 700 is owed to the dealer; the shock absorber's supplier is billed 700."""
        claim = self._submitted_claim()
        self.assertFalse(claim.dealer_invoice_id)
        self._review_with_cut(claim)
        claim.with_user(self.reviewer).action_settle()
        payable = self.dealer.property_account_payable_id.id
        self.assertRecordValues(
            claim.oem_bill_id.line_ids.sorted(lambda l: (l.debit, -l.credit)),
            [
                {"account_id": payable, "partner_id": self.dealer.id, "debit": 0.0, "credit": 700.0},
                {
                    "account_id": self._accounts(self.handling, "expense"),
                    "partner_id": self.dealer.id,
                    "debit": 50.0,
                    "credit": 0.0,
                },
                {
                    "account_id": self._accounts(self.labour_product, "expense"),
                    "partner_id": self.dealer.id,
                    "debit": 150.0,
                    "credit": 0.0,
                },
                {
                    "account_id": self._accounts(self.part, "expense"),
                    "partner_id": self.dealer.id,
                    "debit": 500.0,
                    "credit": 0.0,
                },
            ],
        )
        recovery = self.env.ref("aftersales_warranty.product_warranty_recovery")
        self.assertRecordValues(
            claim.recovery_invoice_id.line_ids.sorted(lambda l: -l.debit),
            [
                {
                    "account_id": self.supplier.property_account_receivable_id.id,
                    "partner_id": self.supplier.id,
                    "debit": 700.0,
                    "credit": 0.0,
                },
                {
                    "account_id": self._accounts(recovery, "income"),
                    "partner_id": self.supplier.id,
                    "debit": 0.0,
                    "credit": 700.0,
                },
            ],
        )
        self.assertEqual(claim.oem_bill_id.state, "posted")
        with self.assertRaisesRegex(UserError, "already settled"):
            claim.with_user(self.reviewer).action_settle()

    def test_out_of_coverage_part_is_charged_back(self):
        """The returned part is judged out of coverage: the claim amount of the part is charged back."""
        claim = self._submitted_claim(
            line_ids=[Command.create({"line_type": "part", "product_id": self.part.id, "quantity": 1})]
        )
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_approve()
        ret = claim.return_ids
        self.assertRecordValues(ret, [{"state": "to_ship", "quantity": 1.0, "amount": 500.0}])
        ret.with_user(self.clerk).action_ship()
        ret.with_user(self.reviewer).action_receive()
        with self.assertRaisesRegex(UserError, "supply base"):
            ret.with_user(self.reviewer).action_judge("scrapped")
        ret.with_user(self.reviewer).action_judge("sent_back", "人为损坏")
        self.assertRecordValues(
            ret.chargeback_move_id.line_ids.sorted(lambda l: -l.debit),
            [
                {
                    "account_id": self.dealer.property_account_receivable_id.id,
                    "partner_id": self.dealer.id,
                    "debit": 500.0,
                    "credit": 0.0,
                },
                {
                    "account_id": self._accounts(self.part, "income"),
                    "partner_id": self.dealer.id,
                    "debit": 0.0,
                    "credit": 500.0,
                },
            ],
        )
