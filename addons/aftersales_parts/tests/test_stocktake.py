from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

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
        # the loss is an expense and the gain income, not the stock interim (asset) accounts
        loss_lines = self._journal_lines(loss_move)
        self.assertRecordValues(
            loss_lines,
            [
                {"account_id": self.acc_valuation.id, "debit": 0.0, "credit": 400.0},
                {"account_id": self.company.as_stock_loss_account_id.id, "debit": 400.0, "credit": 0.0},
            ],
        )
        self.assertEqual(loss_lines.mapped("account_id.internal_group"), ["asset", "expense"])
        gain_lines = self._journal_lines(gain_move)
        self.assertRecordValues(
            gain_lines,
            [
                {"account_id": self.company.as_stock_gain_account_id.id, "debit": 0.0, "credit": 20.0},
                {"account_id": self.acc_valuation.id, "debit": 20.0, "credit": 0.0},
            ],
        )
        self.assertEqual(gain_lines.mapped("account_id.internal_group"), ["income", "asset"])

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


@tagged("post_install", "-at_install")
class TestBlindCount(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.clutch, 10)
        cls.finance = new_test_user(cls.env, login="as_finance", name="刘会计", groups="base.group_user")

    def _quarterly(self):
        form = Form(self.env["aftersales.stocktake"].with_user(self.manager))
        form.kind = "quarterly"
        form.location_id = self.stock
        form.categ_id = self.categ
        form.finance_user_id = self.finance
        stocktake = form.save()
        stocktake.counter_ids = self.clerk
        stocktake.action_start()
        return stocktake

    def test_quarterly_count_is_blind_by_default(self):
        """The default setting makes quarterly counts blind and monthly ones open; "all" blinds every count."""
        self.assertEqual(self.company.as_blind_count, "quarterly")
        self.assertTrue(self._quarterly().blind_count)
        Stocktake = self.env["aftersales.stocktake"].with_user(self.manager)
        self.assertFalse(Stocktake.create({"location_id": self.stock.id}).blind_count)
        self.company.as_blind_count = "all"
        self.assertTrue(Stocktake.create({"location_id": self.stock.id}).blind_count)

    def test_counter_does_not_see_the_book_quantity(self):
        """In a blind count the counter sees neither the book quantity nor a variance, and counts from empty."""
        stocktake = self._quarterly()
        line = stocktake.line_ids.filtered(lambda line: line.product_id == self.clutch)
        self.assertEqual(line.theoretical_qty, 10.0)  # the books, as the system knows them
        view = self.env.ref("aftersales_parts.aftersales_stocktake_line_view_form_count")
        with Form(line.with_user(self.clerk), view=view) as count:
            self.assertTrue(count.as_hide_book_qty)
            self.assertFalse(count.theoretical_qty)  # the field is hidden and its value withheld
            self.assertFalse(count.counted_qty)  # the count starts empty
            self.assertFalse(count.counter_id)
            count.counted_qty = 9.0
        self.assertEqual(line.with_user(self.clerk).read(["theoretical_qty"])[0]["theoretical_qty"], False)
        # in the stocktake form the book quantity and difference columns are hidden from the counter
        with Form(stocktake.with_user(self.clerk)) as form:
            self.assertTrue(form.as_hide_book_qty)
            self.assertEqual(form.line_ids._records[0]["theoretical_qty"], False)
        # nothing gives the book quantity away before submission
        self.assertRecordValues(
            line, [{"counted_qty": 9.0, "counter_id": self.clerk.id, "difference_qty": 0.0, "is_variance": False}]
        )
        # the parts manager still sees the books
        manager_view = Form(line.with_user(self.manager), view=view)
        self.assertFalse(manager_view.as_hide_book_qty)
        self.assertEqual(manager_view.theoretical_qty, 10.0)
        stocktake.action_submit()
        self.assertRecordValues(
            line, [{"difference_qty": -1.0, "is_variance": True, "variance_type": "loss", "difference_value": -200.0}]
        )
        self.assertEqual(stocktake.loss_value, 200.0)
        self.assertEqual(line.with_user(self.clerk).read(["theoretical_qty"])[0]["theoretical_qty"], 10.0)

    def test_open_count_prefills_the_books(self):
        """A monthly (not blind) count still starts from the book quantity, visible to the counter."""
        stocktake = (
            self.env["aftersales.stocktake"]
            .with_user(self.manager)
            .create({"location_id": self.stock.id, "categ_id": self.categ.id})
        )
        stocktake.action_start()
        line = stocktake.line_ids.filtered(lambda line: line.product_id == self.clutch)
        count = Form(line.with_user(self.clerk), view="aftersales_parts.aftersales_stocktake_line_view_form_count")
        self.assertFalse(count.as_hide_book_qty)
        self.assertEqual(count.theoretical_qty, 10.0)
        self.assertEqual(count.counted_qty, 10.0)
