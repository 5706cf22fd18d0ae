from odoo.addons.aftersales_base.tests.common import AftersalesCase
from odoo.exceptions import ValidationError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestChineseAddresses(AftersalesCase):
    """The customer archive on China's provinces and cities (l10n_cn_city)."""

    def test_customer_with_a_city_of_the_list(self):
        """Picking 广州市天河区 gives the customer its province 广东省, country CN and postcode."""
        city = self.env.ref("l10n_cn_city.china_city_510000")
        self.customer.with_user(self.advisor).write({"city_id": city.id})
        self.assertEqual(
            (self.customer.city, self.customer.state_id.name, self.customer.country_id.code, self.customer.zip),
            ("广州市天河区", "广东省", "CN", "510000"),
        )
        self.assertTrue(self.env.ref("base.cn").enforce_cities, "China's addresses take their city from the list")

    def test_city_outside_the_province_is_refused(self):
        """成都市武侯区 is in 四川省: a customer in 广东省 cannot have it as its city (alone, the city brings its
        province)."""
        guangdong, wuhou = self.env.ref("base.state_cn_GD"), self.env.ref("l10n_cn_city.china_city_610000_738")
        self.customer.write({"country_id": self.env.ref("base.cn").id, "state_id": guangdong.id})
        with self.assertRaisesRegex(ValidationError, "成都市武侯区.*四川省"):
            self.customer.with_user(self.advisor).write({"state_id": guangdong.id, "city_id": wuhou.id})
        self.assertFalse(self.customer.city_id)
        self.customer.with_user(self.advisor).write({"city_id": wuhou.id})
        self.assertEqual(self.customer.state_id.name, "四川省")
        # moved to another province: the former province's city is dropped with its name
        self.customer.with_user(self.advisor).write({"state_id": guangdong.id})
        self.assertRecordValues(self.customer, [{"state_id": guangdong.id, "city_id": False, "city": False}])
        with self.assertRaisesRegex(ValidationError, "不在|not in"):
            self.env["res.partner"].create(
                {
                    "name": "王女士",
                    "state_id": self.env.ref("base.state_cn_SH").id,
                    "city_id": self.env.ref("l10n_cn_city.china_city_510000").id,
                }
            )

    def test_demo_customers_in_real_cities(self):
        """The demo dealer and its customers: 广东省 广州市 (and one from 上海市), each city in its province."""
        customer = self.env.ref("aftersales_base.demo_customer_0", raise_if_not_found=False)
        if not customer:
            self.skipTest("no demo data")
        self.assertEqual((customer.state_id.name, customer.city_id.name), ("广东省", "广州市天河区"))
        dealer = self.env.ref("base.main_partner")
        self.assertEqual((dealer.state_id.name, dealer.city_id.name, dealer.zip), ("广东省", "广州市天河区", "510627"))
        shanghai = self.env.ref("aftersales_base.demo_customer_8")
        self.assertEqual((shanghai.state_id.name, shanghai.city_id.name), ("上海市", "浦东新区"))
