from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestAccounting(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.as_oem_partner_id = cls.oem
        cls.labour_product = cls.company.as_labour_product_id or cls.env.ref("aftersales_base.product_labour")
        cls.handling = cls.env.ref("aftersales_warranty.product_warranty_handling")
        cls.recovery = cls.env.ref("aftersales_warranty.product_warranty_recovery")
        # China VAT 13 %, on the company's tax accounts.
        cls.vat_sale = cls.company.account_sale_tax_id.copy({"name": "销项税 13%", "amount": 13.0})
        cls.vat_purchase = cls.company.account_purchase_tax_id.copy({"name": "进项税 13%", "amount": 13.0})
        cls.company.write(
            {"as_warranty_sale_tax_id": cls.vat_sale.id, "as_warranty_purchase_tax_id": cls.vat_purchase.id}
        )
        cls.vat_sale_account = cls._tax_account(cls.vat_sale)
        cls.vat_purchase_account = cls._tax_account(cls.vat_purchase)
        cls.accountant = new_test_user(cls.env, login="wty_accountant", groups="account.group_account_invoice")

    @classmethod
    def _tax_account(cls, tax):
        return tax.invoice_repartition_line_ids.filtered(lambda r: r.repartition_type == "tax").account_id.id

    def _supplier_bill(self, amount):
        """An open vendor bill of the shock absorber's supplier, entered by the accountant."""
        bill = (
            self.env["account.move"]
            .with_user(self.accountant)
            .create(
                {
                    "move_type": "in_invoice",
                    "partner_id": self.supplier.id,
                    "invoice_date": self.today,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.part.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.set(self.vat_purchase.ids)],
                            }
                        )
                    ],
                }
            )
        )
        bill.action_post()
        return bill

    def _accounts(self, product, kind):
        return product.product_tmpl_id.get_product_accounts()[kind].id

    def _review_with_cut(self, claim):
        claim.with_user(self.reviewer).action_start_review()
        labour = claim.line_ids.filtered(lambda x: x.line_type == "labour")
        claim.with_user(self.reviewer).action_approve_with_cuts(
            [{"line_id": labour.id, "approved_quantity": 1.5, "cut_reason": "工时按1.5小时核定"}]
        )

    def test_dealer_side_receivable_then_credit_note_for_the_cut(self):
        """Dealer site: submission invoices the OEM 750 + 13 % VAT; the OEM cuts 50; settlement credits 50 + VAT."""
        claim = self._new_claim(dealer_id=self.company.partner_id.id, oem_partner_id=self.oem.id)
        claim.action_submit()
        invoice = claim.dealer_invoice_id
        self.assertEqual(invoice.state, "posted")
        receivable = self.oem.property_account_receivable_id.id
        self.assertRecordValues(
            invoice.line_ids.sorted(lambda l: (-l.debit, l.credit)),
            [
                {"account_id": receivable, "partner_id": self.oem.id, "debit": 847.5, "credit": 0.0},
                {
                    "account_id": self._accounts(self.handling, "income"),
                    "partner_id": self.oem.id,
                    "debit": 0.0,
                    "credit": 50.0,
                },
                {"account_id": self.vat_sale_account, "partner_id": self.oem.id, "debit": 0.0, "credit": 97.5},
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
        self.assertEqual(invoice.invoice_line_ids.tax_ids, self.vat_sale)
        self._review_with_cut(claim)
        claim.with_user(self.reviewer).action_settle()
        refund = claim.dealer_refund_id
        self.assertEqual(refund.move_type, "out_refund")
        self.assertRecordValues(
            refund.line_ids.sorted(lambda l: l.debit),
            [
                {"account_id": receivable, "partner_id": self.oem.id, "debit": 0.0, "credit": 56.5},
                {"account_id": self.vat_sale_account, "partner_id": self.oem.id, "debit": 6.5, "credit": 0.0},
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

    def test_oem_side_bill_to_dealer_and_recovery_offsets_supplier_bill(self):
        """OEM site: the approved 700 + VAT is owed to the dealer; the shock absorber's supplier gets a vendor
        credit note of 700 + VAT, reconciled with its open bill: the OEM owes the supplier 791 less."""
        supplier_bill = self._supplier_bill(2000.0)
        self.assertEqual(supplier_bill.amount_residual, 2260.0)
        claim = self._submitted_claim()
        self.assertFalse(claim.dealer_invoice_id)
        self._review_with_cut(claim)
        claim.with_user(self.reviewer).action_settle()
        payable = self.dealer.property_account_payable_id.id
        self.assertRecordValues(
            claim.oem_bill_id.line_ids.sorted(lambda l: (l.debit, -l.credit)),
            [
                {"account_id": payable, "partner_id": self.dealer.id, "debit": 0.0, "credit": 791.0},
                {
                    "account_id": self._accounts(self.handling, "expense"),
                    "partner_id": self.dealer.id,
                    "debit": 50.0,
                    "credit": 0.0,
                },
                {"account_id": self.vat_purchase_account, "partner_id": self.dealer.id, "debit": 91.0, "credit": 0.0},
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
        recovery = claim.recovery_invoice_id
        self.assertEqual(recovery.move_type, "in_refund")
        supplier_payable = self.supplier.property_account_payable_id.id
        self.assertRecordValues(
            recovery.line_ids.sorted(lambda l: (-l.debit, l.credit)),
            [
                {
                    "account_id": supplier_payable,
                    "partner_id": self.supplier.id,
                    "debit": 791.0,
                    "credit": 0.0,
                    "reconciled": True,
                },
                {
                    "account_id": self.vat_purchase_account,
                    "partner_id": self.supplier.id,
                    "debit": 0.0,
                    "credit": 91.0,
                    "reconciled": False,
                },
                {
                    "account_id": self._accounts(self.recovery, "expense"),
                    "partner_id": self.supplier.id,
                    "debit": 0.0,
                    "credit": 700.0,
                    "reconciled": False,
                },
            ],
        )
        # The accountant sees the supplier's bill reduced by the recovered amount, the credit note used up.
        supplier_bill.invalidate_recordset()
        self.assertRecordValues(
            supplier_bill.with_user(self.accountant),
            [{"amount_residual": 2260.0 - 791.0, "payment_state": "partial"}],
        )
        self.assertEqual(recovery.with_user(self.accountant).amount_residual, 0.0)
        self.assertFalse(claim.recovery_netting_id)
        self.assertEqual(claim.oem_bill_id.state, "posted")
        with self.assertRaisesRegex(UserError, "already settled"):
            claim.with_user(self.reviewer).action_settle()

    def test_recovery_credit_note_without_open_bill_stays_open(self):
        """No open bill of the supplier: the credit note stays on its payable, to offset its next bill."""
        claim = self._submitted_claim()
        self._review_with_cut(claim)
        claim.with_user(self.reviewer).action_settle()
        self.assertRecordValues(
            claim.recovery_invoice_id.with_user(self.accountant),
            [{"move_type": "in_refund", "state": "posted", "amount_residual": 791.0, "payment_state": "not_paid"}],
        )
        # The supplier's total payable is negative: it owes the recovery until its next bill offsets it.
        self.assertEqual(self.supplier.with_user(self.accountant).debit, -791.0)

    def test_recovery_invoice_netted_against_supplier_bill(self):
        """Company setting 'customer invoice': the supplier is invoiced 791 (receivable); a netting entry offsets
        its open bill of 565 (payable); 226 remains to be collected."""
        self.company.as_recovery_method = "invoice"
        supplier_bill = self._supplier_bill(500.0)
        claim = self._submitted_claim()
        self._review_with_cut(claim)
        claim.with_user(self.reviewer).action_settle()
        invoice = claim.recovery_invoice_id
        receivable = self.supplier.property_account_receivable_id.id
        self.assertRecordValues(
            invoice.line_ids.sorted(lambda l: (-l.debit, l.credit)),
            [
                {"account_id": receivable, "partner_id": self.supplier.id, "debit": 791.0, "credit": 0.0},
                {"account_id": self.vat_sale_account, "partner_id": self.supplier.id, "debit": 0.0, "credit": 91.0},
                {
                    "account_id": self._accounts(self.recovery, "income"),
                    "partner_id": self.supplier.id,
                    "debit": 0.0,
                    "credit": 700.0,
                },
            ],
        )
        self.assertRecordValues(
            claim.recovery_netting_id.line_ids.sorted(lambda l: -l.debit),
            [
                {
                    "account_id": self.supplier.property_account_payable_id.id,
                    "partner_id": self.supplier.id,
                    "debit": 565.0,
                    "credit": 0.0,
                    "reconciled": True,
                },
                {
                    "account_id": receivable,
                    "partner_id": self.supplier.id,
                    "debit": 0.0,
                    "credit": 565.0,
                    "reconciled": True,
                },
            ],
        )
        supplier_bill.invalidate_recordset()
        invoice.invalidate_recordset()
        self.assertEqual(supplier_bill.with_user(self.accountant).amount_residual, 0.0)
        self.assertEqual(invoice.with_user(self.accountant).amount_residual, 226.0)

    def test_out_of_coverage_part_is_charged_back(self):
        """The returned part is judged out of coverage: the claim amount of the part is charged back, with VAT."""
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
        # What the OEM paid for the line: the part 500 and its 10 % handling 50, plus 13 % VAT.
        handling = self.env.ref("aftersales_warranty.product_warranty_handling")
        self.assertRecordValues(
            ret.chargeback_move_id.line_ids.sorted(lambda l: (-l.debit, l.credit)),
            [
                {
                    "account_id": self.dealer.property_account_receivable_id.id,
                    "partner_id": self.dealer.id,
                    "debit": 621.5,
                    "credit": 0.0,
                },
                {
                    "account_id": self._accounts(handling, "income"),
                    "partner_id": self.dealer.id,
                    "debit": 0.0,
                    "credit": 50.0,
                },
                {"account_id": self.vat_sale_account, "partner_id": self.dealer.id, "debit": 0.0, "credit": 71.5},
                {
                    "account_id": self._accounts(self.part, "income"),
                    "partner_id": self.dealer.id,
                    "debit": 0.0,
                    "credit": 500.0,
                },
            ],
        )

    def test_charge_back_covers_part_labour_and_handling(self):
        """Out of coverage: the charge-back is what the OEM approved for the line, labour and handling included."""
        claim = self._submitted_claim()
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_approve()
        self.assertEqual(claim.amount_approved, 750.0)
        ret = claim.return_ids
        ret.with_user(self.clerk).action_ship()
        ret.with_user(self.reviewer).action_receive()
        ret.with_user(self.reviewer).action_judge_sent_back()
        move = ret.chargeback_move_id
        self.assertRecordValues(move, [{"amount_untaxed": 750.0, "amount_tax": 97.5, "state": "posted"}])
        self.assertEqual(
            sorted(move.invoice_line_ids.mapped("price_subtotal")), [50.0, 200.0, 500.0], "part, handling, labour"
        )

    def test_site_extends_the_bill_and_recovery_through_the_prepare_hooks(self):
        """A site adds its own reference to the dealer's bill and the supplier recovery by extending the
        ``_prepare_*_vals`` hooks with super(): the documents the settlement posts carry it."""
        Claim = type(self.env["aftersales.warranty.claim"])
        bill_vals, recovery_vals = Claim._prepare_oem_bill_vals, Claim._prepare_recovery_vals

        def site_bill_vals(claim):
            return dict(bill_vals(claim), narration=f"Site bill {claim.name}")

        def site_recovery_vals(claim, amount):
            return dict(recovery_vals(claim, amount), narration=f"Site recovery {claim.name}")

        claim = self._submitted_claim()
        self._review_with_cut(claim)
        with (
            patch.object(Claim, "_prepare_oem_bill_vals", site_bill_vals),
            patch.object(Claim, "_prepare_recovery_vals", site_recovery_vals),
        ):
            claim.with_user(self.reviewer).action_settle()
        self.assertIn(f"Site bill {claim.name}", str(claim.oem_bill_id.narration))
        self.assertIn(f"Site recovery {claim.name}", str(claim.recovery_invoice_id.narration))
        self.assertEqual(claim.oem_bill_id.amount_total, 791.0)
