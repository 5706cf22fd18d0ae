from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestStocktakeIntegrity(PartsCommon):
    """A count once submitted is the count: no line added, deleted or made negative."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.clutch, 10)
        cls._stock(cls.filter, 20)
        cls.finance = new_test_user(cls.env, login="as_finance_i", name="刘会计", groups="base.group_user")

    def _stocktake(self, kind="monthly"):
        form = Form(self.env["aftersales.stocktake"].with_user(self.manager))
        form.kind = kind
        form.location_id = self.stock
        form.categ_id = self.categ
        if kind == "quarterly":
            form.finance_user_id = self.finance
        stocktake = form.save()
        stocktake.action_start()
        return stocktake

    def test_count_lines_cannot_be_added_or_deleted_after_submission(self):
        stocktake = self._stocktake()
        stocktake.with_user(self.clerk).action_submit()
        Line = self.env["aftersales.stocktake.line"].with_user(self.manager)
        with self.assertRaisesRegex(UserError, "can no longer be edited, added or deleted"):
            Line.create(
                {
                    "stocktake_id": stocktake.id,
                    "product_id": self.pad.id,
                    "location_id": self.stock.id,
                    "counted_qty": 5.0,
                }
            )
        with self.assertRaisesRegex(UserError, "can no longer be edited, added or deleted"):
            stocktake.line_ids[:1].with_user(self.manager).unlink()
        self.assertEqual(stocktake.line_count, 2)
        self.assertEqual(stocktake.line_ids.product_id, self.clutch | self.filter)

    def test_negative_count_is_refused(self):
        stocktake = self._stocktake()
        line = stocktake.line_ids.filtered(lambda line: line.product_id == self.clutch)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            line.with_user(self.clerk).counted_qty = -2.0
        line.invalidate_recordset()
        self.assertEqual(line.counted_qty, 10.0)

    def test_blind_count_starts_empty_and_every_line_is_counted(self):
        """A blind count shows no quantity until the counter enters one; an uncounted line is no loss."""
        stocktake = self._stocktake(kind="quarterly")
        self.assertTrue(stocktake.blind_count)
        clutch, filter_line = (
            stocktake.line_ids.filtered(lambda line, p=p: line.product_id == p) for p in (self.clutch, self.filter)
        )
        self.assertRecordValues(
            clutch | filter_line,
            [{"inventory_quantity_set": False, "counter_id": False}] * 2,
        )
        clutch.with_user(self.clerk).counted_qty = 9.0
        with self.assertRaisesRegex(UserError, "not counted yet"):
            stocktake.with_user(self.clerk).action_submit()
        filter_line.with_user(self.clerk).counted_qty = 0.0  # really none found
        stocktake.with_user(self.clerk).action_submit()
        self.assertRecordValues(
            clutch | filter_line,
            [
                {"inventory_quantity_set": True, "counter_id": self.clerk.id, "difference_qty": -1.0},
                {"inventory_quantity_set": True, "counter_id": self.clerk.id, "difference_qty": -20.0},
            ],
        )

    def test_stocktake_counts_parts_only(self):
        """Other goods of the database (Odoo's demo furniture) and worn parts in Old Parts are not counted."""
        desk = self.env["product.product"].create({"name": "办公桌", "is_storable": True, "categ_id": self.categ.id})
        self._stock(desk, 3)
        self._stock(self.pad, 4, location=self.warehouse._as_old_parts_location())
        stocktake = (
            self.env["aftersales.stocktake"]
            .with_user(self.manager)
            .create({"location_id": self.warehouse.view_location_id.id})
        )
        stocktake.action_start()
        counted = stocktake.line_ids.product_id
        self.assertEqual(counted & (self.clutch | self.filter), self.clutch | self.filter)
        self.assertNotIn(desk, counted)
        self.assertTrue(all(counted.mapped("as_is_part")))
        self.assertNotIn(self.pad, counted, "worn pads in Old Parts are no stock to count")


@tagged("post_install", "-at_install")
class TestLossAccounts(PartsCommon):
    def test_losses_and_gains_accounts_follow_the_setting(self):
        """The company's loss (expense) and gain (income) accounts are the valuation accounts of its
        Inventory adjustment and Scrap locations, chosen by role on any chart, changed in the settings."""
        loss, gain = self.company._as_default_loss_accounts()
        self.assertEqual(loss.internal_group, "expense")
        self.assertEqual(gain.internal_group, "income")
        scrap = self.env["stock.location"].search(
            [("scrap_location", "=", True), ("company_id", "=", self.company.id)], limit=1
        )
        for location in self.inventory_loss | scrap:
            self.assertEqual(location.valuation_in_account_id, self.company.as_stock_loss_account_id)
            self.assertEqual(location.valuation_out_account_id, self.company.as_stock_gain_account_id)
        settings = self.env["res.config.settings"].create({})
        settings.as_stock_loss_account_id = self.acc_loss
        settings.execute()
        self.assertEqual(self.inventory_loss.valuation_in_account_id, self.acc_loss)
        self.assertEqual(scrap.valuation_in_account_id, self.acc_loss)


@tagged("post_install", "-at_install")
class TestOldPartsAreNoStock(PartsCommon):
    def test_old_parts_are_not_counted_as_stock(self):
        """5 pads on the shelf, 2 worn ones in Old Parts: health, availability and min/max see 5."""
        old_parts = self.warehouse._as_old_parts_location()
        self._stock(self.pad, 5)
        self._stock(self.pad, 2, location=old_parts)
        self.assertEqual(self.pad.qty_available, 5.0)
        self.assertEqual(self.pad.with_context(warehouse_id=self.warehouse.id).free_qty, 5.0)
        self.assertEqual(self.pad.with_context(location=old_parts.id).qty_available, 2.0, "the ledger's own view")
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.pad.id,
                "warehouse_id": self.warehouse.id,
                "location_id": self.warehouse.view_location_id.id,
                "product_min_qty": 6.0,
                "product_max_qty": 10.0,
            }
        )
        self.assertEqual(orderpoint.qty_forecast, 5.0)
        self.env.flush_all()
        health = self.env["aftersales.stock.health"].search(
            [("product_id", "=", self.pad.id), ("company_id", "=", self.company.id)]
        )
        self.assertRecordValues(health, [{"qty_on_hand": 5.0, "status": "below_min"}])


@tagged("post_install", "-at_install")
class TestDemandIntegrity(PartsCommon):
    def _demand(self, user=None, **values):
        form = Form(self.env["aftersales.parts.demand"].with_user(user or self.clerk))
        form.partner_id = self.customer
        for name, value in values.items():
            setattr(form, name, value)
        with form.line_ids.new() as line:
            line.product_id = self.clutch
            line.product_uom_qty = 2
        return form.save()

    def test_only_a_parts_manager_changes_the_catalogue_price(self):
        """The clerk sells at the catalogue price; the parts manager may change it, and it is logged."""
        demand = self._demand()
        line = demand.line_ids
        self.assertEqual(line.price_unit, 320.0)
        self.assertFalse(line.with_user(self.clerk).as_can_edit_price)
        with self.assertRaises(AccessError):
            line.with_user(self.clerk).price_unit = 250.0
        self.assertEqual(line.price_unit, 320.0)
        with Form(demand.with_user(self.manager)) as form, form.line_ids.edit(0) as edited:
            edited.price_unit = 300.0
        self.assertEqual(line.price_unit, 300.0)
        self.assertIn("from 320.0 to 300.0", demand.message_ids[:1].body)
        self.assertIn(self.manager.name, demand.message_ids[:1].body)
        demand.with_user(self.clerk).action_confirm()
        self.assertEqual(demand.amount_total, 600.0)

    def test_repair_demand_takes_the_plate_of_its_work_order(self):
        brand = self.env["fleet.vehicle.model.brand"].create({"name": "华晨"})
        model = self.env["fleet.vehicle.model"].create({"name": "中华V7", "brand_id": brand.id})
        vehicle = self.env["fleet.vehicle"].create({"model_id": model.id, "license_plate": "粤A12345"})
        repair = self.env["repair.order"].create({"partner_id": self.customer.id, "vehicle_id": vehicle.id})
        demand = self._demand(category="repair", repair_id=repair)
        self.assertRecordValues(demand, [{"vehicle_id": vehicle.id, "license_plate": "粤A12345"}])


@tagged("post_install", "-at_install")
class TestEmptyQuotes(PartsCommon):
    def test_empty_alternative_rfqs_are_no_quotes(self):
        """Two alternative RFQs sent to other vendors but not priced yet compare nothing."""
        self.clutch.product_tmpl_id.as_abc_class = "a"
        vendor3 = self.env["res.partner"].create({"name": "博世汽车部件（苏州）有限公司", "supplier_rank": 1})
        form = Form(self.env["purchase.order"].with_user(self.buyer))
        form.partner_id = self.vendor
        with form.order_line.new() as line:
            line.product_id = self.clutch
            line.product_qty = 2
        order = form.save()
        alternatives = self.env["purchase.order"]
        for vendor in (self.vendor2, vendor3):
            action = order.with_user(self.buyer).action_create_alternative()
            wizard = Form(
                self.env["purchase.requisition.create.alternative"]
                .with_user(self.buyer)
                .with_context(**action["context"])
            )
            wizard.partner_id = vendor
            wizard.copy_products = True
            alternatives |= self.env["purchase.order"].browse(wizard.save().action_create_alternative()["res_id"])
        alternatives.order_line.with_user(self.buyer).price_unit = 0.0
        self.assertRecordValues(order, [{"as_quote_count": 1, "as_quotes_missing": True}])
        with self.assertRaisesRegex(UserError, "1 so far"):
            order.with_user(self.manager).button_confirm()
        # the second vendor answers with a price: two quotes now
        alternatives[:1].order_line.with_user(self.buyer).price_unit = 210.0
        self.assertEqual(order.as_quote_count, 2)
