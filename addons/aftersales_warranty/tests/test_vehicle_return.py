from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestVehicleReturn(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qa = new_test_user(cls.env, login="vr_qa", groups="aftersales_warranty.group_scrap_quality")
        cls.gm_manufacturing = new_test_user(
            cls.env, login="vr_gm_mfg", groups="aftersales_warranty.group_vehicle_return_gm_manufacturing"
        )
        cls.gm_marketing = new_test_user(
            cls.env, login="vr_gm_mkt", groups="aftersales_warranty.group_vehicle_return_gm_marketing"
        )
        cls.finance = new_test_user(
            cls.env,
            login="vr_finance",
            groups="account.group_account_invoice,aftersales_warranty.group_aftersales_warranty_reviewer",
        )
        # China VAT 13 %, the warranty sales tax of the company.
        cls.vat_sale = cls.company.account_sale_tax_id.copy({"name": "销项税 13%", "amount": 13.0})
        cls.company.as_warranty_sale_tax_id = cls.vat_sale

    def test_quality_return_approved_by_manufacturing_gm_and_offset(self):
        """经销商退车: marketing signs, QA finds a quality problem, the manufacturing GM approves, finance offsets."""
        ret = (
            self.env["aftersales.vehicle.return"]
            .with_user(self.reviewer)
            .create(
                {
                    "dealer_id": self.dealer.id,
                    "vehicle_id": self.vehicle.id,
                    "reason": "新车变速箱异响",
                    "amount": 150000,
                }
            )
        )
        ret.action_sign()
        ret.with_user(self.qa).action_judge("quality")
        with self.assertRaises(AccessError):
            ret.with_user(self.gm_marketing).action_approve()
        ret.with_user(self.gm_manufacturing).action_approve()
        with self.assertRaises(UserError):
            ret.with_user(self.reviewer).action_answer()
        ret.with_user(self.reviewer).answer = "同意退车，请将车辆送至旧件库"
        ret.with_user(self.reviewer).action_answer()
        ret.with_user(self.reviewer).action_receive()
        self.assertRecordValues(ret, [{"state": "received", "received_date": self.today}])
        ret.with_user(self.finance).action_offset()
        credit_note = ret.credit_note_id
        self.assertRecordValues(
            credit_note,
            [{"move_type": "out_refund", "state": "posted", "amount_untaxed": 150000.0, "amount_tax": 19500.0}],
        )
        self.assertEqual(credit_note.invoice_line_ids.tax_ids, self.vat_sale)
        self.assertRecordValues(
            credit_note.line_ids.sorted(lambda x: (x.display_type, x.balance)),
            [
                {
                    "display_type": "payment_term",
                    "partner_id": self.dealer.id,
                    "debit": 0.0,
                    "credit": 169500.0,
                    "tax_line_id": False,
                },
                {
                    "display_type": "product",
                    "partner_id": self.dealer.id,
                    "debit": 150000.0,
                    "credit": 0.0,
                    "tax_line_id": False,
                },
                {
                    "display_type": "tax",
                    "partner_id": self.dealer.id,
                    "debit": 19500.0,
                    "credit": 0.0,
                    "tax_line_id": self.vat_sale.id,
                },
            ],
        )
        ret.outcome = "repaired_sold"
        with self.assertRaises(AccessError):
            ret.with_user(self.gm_manufacturing).action_close()
        with self.assertRaisesRegex(UserError, "special price"):
            ret.with_user(self.gm_marketing).action_close()
        ret.special_price = 120000
        ret.with_user(self.gm_marketing).action_close()
        self.assertEqual(ret.state, "done")

    def test_offset_without_warranty_sales_tax(self):
        """With the warranty sales tax setting emptied, the credit note carries no tax."""
        self.company.as_warranty_sale_tax_id = False
        ret = self.env["aftersales.vehicle.return"].create(
            {"dealer_id": self.dealer.id, "vehicle_id": self.vehicle.id, "reason": "外观划伤", "amount": 80000}
        )
        ret.write({"state": "received"})
        ret.with_user(self.finance).action_offset()
        self.assertRecordValues(ret.credit_note_id, [{"amount_untaxed": 80000.0, "amount_tax": 0.0}])
        self.assertFalse(ret.credit_note_id.line_ids.filtered(lambda x: x.display_type == "tax"))
