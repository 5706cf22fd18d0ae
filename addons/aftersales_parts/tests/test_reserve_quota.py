from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestReserveQuota(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "金杯"})
        cls.haishi = cls.env["fleet.vehicle.model"].create({"name": "海狮", "brand_id": brand.id})
        cls.granse = cls.env["fleet.vehicle.model"].create({"name": "阁瑞斯", "brand_id": brand.id})
        cls.s50 = cls.env["fleet.vehicle.model"].create({"name": "金杯S50", "brand_id": brand.id})
        cls.jilin = cls.env.ref("base.state_cn_JL")
        cls.liaoning = cls.env.ref("base.state_cn_LN")
        with Form(cls.env["aftersales.parts.region"].with_user(cls.manager)) as form:
            form.name = "辽宁省"
            form.state_ids.add(cls.liaoning)
            for model, count in ((cls.haishi, 2500), (cls.granse, 1200), (cls.s50, 800)):
                with form.population_ids.new() as line:
                    line.vehicle_model_id = model
                    line.vehicle_count = count
        cls.region = form.record
        cls.warehouse.partner_id.write({"country_id": cls.liaoning.country_id.id, "state_id": cls.liaoning.id})
        # the clutch plate fits the 海狮 and the 阁瑞斯; the OEM keeps 0.8 per 1,000 of those vehicles
        cls.clutch.product_tmpl_id.write(
            {"as_vehicle_model_ids": [(6, 0, (cls.haishi | cls.granse).ids)], "as_reserve_per_thousand": 0.8}
        )

    def _orderpoint(self, product, min_qty, max_qty):
        return (
            self.env["stock.warehouse.orderpoint"]
            .with_user(self.clerk)
            .create(
                {
                    "product_id": product.id,
                    "warehouse_id": self.warehouse.id,
                    "location_id": self.stock.id,
                    "product_min_qty": min_qty,
                    "product_max_qty": max_qty,
                    "trigger": "manual",
                }
            )
        )

    def test_quota_derived_from_the_vehicle_population_of_the_region(self):
        """3,700 海狮 and 阁瑞斯 in 辽宁省 x 0.8 per 1,000 = 2.96: the quota of the clutch plate is 3."""
        self.assertEqual(self.region.vehicle_count, 4500)
        orderpoint = self._orderpoint(self.clutch, 2, 10)
        self.assertRecordValues(
            orderpoint,
            [
                {
                    "as_region_id": self.region.id,
                    "as_vehicle_population": 3700,
                    "as_derived_quota": 3.0,
                    "as_regional_quota": 3.0,
                    "as_quota_overridden": False,
                    "as_below_quota": True,
                }
            ],
        )
        # the OEM updates the population: 5,000 more 海狮 raise the quota to ceil(8.7 x 0.8) = 7
        self.region.population_ids.filtered(lambda p: p.vehicle_model_id == self.haishi).with_user(
            self.manager
        ).vehicle_count = 7500
        orderpoint.invalidate_recordset()
        self.assertEqual(orderpoint.as_regional_quota, 7.0)
        # a part without applicable models is kept for every vehicle of the region: ceil(9.5 x 0.5) = 5
        self.filter.product_tmpl_id.as_reserve_per_thousand = 0.5
        self.assertEqual(self._orderpoint(self.filter, 4, 20).as_regional_quota, 5.0)
        # a part without a reserve coefficient has no quota
        self.assertEqual(self._orderpoint(self.pad, 1, 5).as_regional_quota, 0.0)

    def test_warehouse_outside_every_region_uses_the_company_region(self):
        """A warehouse in a province of no region takes the region set on its company, else has no quota."""
        self.warehouse.partner_id.state_id = self.jilin
        self.company.as_parts_region_id = False
        orderpoint = self._orderpoint(self.clutch, 2, 10)
        self.assertFalse(orderpoint.as_region_id)
        self.assertEqual(orderpoint.as_regional_quota, 0.0)
        self.company.as_parts_region_id = self.region
        orderpoint.invalidate_recordset()
        self.assertEqual(orderpoint.as_region_id, self.region)
        self.assertEqual(orderpoint.as_regional_quota, 3.0)

    def test_a_province_belongs_to_one_region(self):
        with self.assertRaisesRegex(ValidationError, "辽宁省"):
            self.env["aftersales.parts.region"].with_user(self.manager).create(
                {"name": "华南", "state_ids": [(6, 0, self.liaoning.ids)]}
            )
        with self.assertRaises(AccessError):  # the clerk does not edit the OEM's figures
            self.region.with_user(self.clerk).name = "粤"

    def test_dealer_reserve_approved_against_the_derived_quota(self):
        """The dealer drafts 2, below the derived quota of 3: the parts manager cannot approve it until it is
        raised; once approved, the clerk cannot lower it."""
        orderpoint = self._orderpoint(self.clutch, 2, 10)
        orderpoint.with_user(self.clerk).action_as_submit_reserve()
        with self.assertRaisesRegex(UserError, r"\(2\.0\) is below the regional quota 3\.0"):
            orderpoint.with_user(self.manager).action_as_approve_reserve()
        orderpoint.with_user(self.clerk).product_min_qty = 3
        with self.assertRaises(UserError):
            orderpoint.with_user(self.clerk).action_as_approve_reserve()
        orderpoint.with_user(self.manager).action_as_approve_reserve()
        self.assertRecordValues(
            orderpoint,
            [{"as_reserve_state": "approved", "as_approved_min_qty": 3.0, "as_approved_by_id": self.manager.id}],
        )
        with self.assertRaisesRegex(UserError, "only the parts manager can lower it"):
            orderpoint.with_user(self.clerk).product_min_qty = 1
        orderpoint.with_user(self.clerk).product_min_qty = 5
        orderpoint.with_user(self.manager).product_min_qty = 2
        self.assertEqual(orderpoint.product_min_qty, 2)

    def test_quota_set_by_hand_only_by_the_parts_manager_and_logged_on_the_part(self):
        orderpoint = self._orderpoint(self.clutch, 4, 10)
        with self.assertRaisesRegex(UserError, "Only the parts manager sets a regional quota by hand"):
            orderpoint.with_user(self.clerk).as_regional_quota = 1
        with self.assertRaisesRegex(UserError, "Only the parts manager sets a regional quota by hand"):
            orderpoint.with_user(self.clerk).action_as_reset_quota()
        orderpoint.with_user(self.manager).as_regional_quota = 6
        self.assertRecordValues(
            orderpoint,
            [
                {
                    "as_regional_quota": 6.0,
                    "as_derived_quota": 3.0,
                    "as_quota_overridden": True,
                    "as_quota_override_by_id": self.manager.id,
                }
            ],
        )
        message = self.clutch.product_tmpl_id.message_ids[:1]
        self.assertIn("set by hand to 6.0", message.body)
        self.assertEqual(message.author_id, self.manager.partner_id)
        orderpoint.with_user(self.clerk).action_as_submit_reserve()
        with self.assertRaisesRegex(UserError, "below the regional quota 6.0"):
            orderpoint.with_user(self.manager).action_as_approve_reserve()
        orderpoint.with_user(self.manager).action_as_reset_quota()
        self.assertRecordValues(
            orderpoint, [{"as_regional_quota": 3.0, "as_quota_overridden": False, "as_quota_override_by_id": False}]
        )
        self.assertIn("derived again", self.clutch.product_tmpl_id.message_ids[:1].body)
        orderpoint.with_user(self.manager).action_as_approve_reserve()
        self.assertEqual(orderpoint.as_reserve_state, "approved")
