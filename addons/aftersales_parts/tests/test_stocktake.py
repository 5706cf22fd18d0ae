from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestStocktake(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.clutch, 10)
        cls._stock(cls.filter, 20)

    def _stocktake(self):
        form = Form(self.env["aftersales.stocktake"].with_user(self.manager))
        form.location_id = self.stock
        form.categ_id = self.categ
        stocktake = form.save()
        stocktake.counter_ids = self.clerk
        stocktake.action_start()
        return stocktake

    def test_monthly_count_gain_and_loss_post_valuation(self):
        """Counted 8 clutches (2 lost) and 21 filters (1 found): approval posts the loss and the gain."""
        stocktake = self._stocktake()
        self.assertTrue(stocktake.name.startswith("PD"))
        lines = {line.product_id: line for line in stocktake.line_ids}
        self.assertEqual(lines[self.clutch].theoretical_qty, 10.0)
        lines[self.clutch].with_user(self.clerk).counted_qty = 8.0
        lines[self.filter].with_user(self.clerk).counted_qty = 21.0
        self.assertEqual(lines[self.clutch].counter_id, self.clerk)
        stocktake.action_submit()
        self.assertRecordValues(
            stocktake,
            [{"gain_value": 20.0, "loss_value": 400.0, "state": "submitted"}],
        )
        with self.assertRaisesRegex(UserError, "explain the variance"):
            stocktake.action_approve()
        lines[self.clutch].write({"reason": "领料未登记", "responsible_id": self.clerk.id})
        lines[self.filter].write({"reason": "上月多发", "responsible_id": self.clerk.id})
        with self.assertRaises(UserError):
            stocktake.with_user(self.clerk).action_approve()
        stocktake.action_approve()
        self.assertEqual(stocktake.state, "approved")
        self.assertEqual(self.clutch.qty_available, 8.0)
        self.assertEqual(self.filter.qty_available, 21.0)
        loss_move = stocktake.move_ids.filtered(lambda m: m.product_id == self.clutch)
        gain_move = stocktake.move_ids.filtered(lambda m: m.product_id == self.filter)
        self.assertRecordValues(
            self._journal_lines(loss_move),
            [
                {"account_id": self.acc_valuation.id, "debit": 0.0, "credit": 400.0},
                {"account_id": self.acc_output.id, "debit": 400.0, "credit": 0.0},
            ],
        )
        self.assertRecordValues(
            self._journal_lines(gain_move),
            [
                {"account_id": self.acc_input.id, "debit": 0.0, "credit": 20.0},
                {"account_id": self.acc_valuation.id, "debit": 20.0, "credit": 0.0},
            ],
        )

    def test_submitted_count_cannot_be_edited(self):
        """After submission the counter cannot change a count any more."""
        stocktake = self._stocktake()
        line = stocktake.line_ids[:1]
        stocktake.action_submit()
        with self.assertRaisesRegex(UserError, "can no longer be edited"):
            line.with_user(self.clerk).counted_qty = 1.0

    def test_quarterly_count_needs_finance(self):
        """The quarterly full count does not start without finance."""
        stocktake = (
            self.env["aftersales.stocktake"]
            .with_user(self.manager)
            .create({"kind": "quarterly", "location_id": self.stock.id})
        )
        with self.assertRaisesRegex(UserError, "finance"):
            stocktake.action_start()

    def test_clerk_cannot_create_a_stocktake(self):
        """Counters count; only the parts manager plans a stocktake."""
        with self.assertRaises(AccessError):
            self.env["aftersales.stocktake"].with_user(self.clerk).create({"location_id": self.stock.id})

    def test_variance_reports_render(self):
        """The count sheet, the variance PDF and the xlsx render."""
        stocktake = self._stocktake()
        stocktake.line_ids[:1].counted_qty = 3.0
        stocktake.action_submit()
        for xmlid in ("action_report_stocktake_sheet", "action_report_stocktake_variance"):
            html = self.env["ir.actions.report"]._render_qweb_html(f"aftersales_parts.{xmlid}", stocktake.ids)[0]
            self.assertIn(stocktake.name.encode(), html)
        content, kind = self.env["ir.actions.report"]._render(
            "aftersales_parts.action_report_stocktake_variance_xlsx", stocktake.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
