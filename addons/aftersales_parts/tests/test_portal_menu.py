from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPartsPortalMenu(HttpCase):
    """Ordering parts from the OEM and reporting unpacking damage are for the network's dealers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer = cls.env["res.partner"].create({"name": "杭州华通汽车服务有限公司", "is_company": True})
        cls.candidate = cls.env["res.partner"].create({"name": "钱塘汽车销售有限公司", "is_company": True})
        for login, company in (("as_menu_dealer", cls.dealer), ("as_menu_candidate", cls.candidate)):
            user = new_test_user(cls.env, login=login, password=login, groups="base.group_portal")
            user.partner_id.parent_id = company

    def _home(self, login):
        self.authenticate(login, login)
        return self.url_open("/my").text

    def test_candidate_does_not_see_the_dealers_parts_menu(self):
        if "is_network_dealer" not in self.dealer._fields:
            self.skipTest("without the dealer network every portal customer is a dealer")
        self.dealer.is_network_dealer = True
        self.assertIn("/my/parts/order", self._home("as_menu_dealer"))
        page = self._home("as_menu_candidate")
        self.assertNotIn("/my/parts/order", page)
        self.assertNotIn("/my/parts/feedback", page)
        # and typing the address does not open the order form either
        response = self.url_open("/my/parts/order")
        self.assertTrue(response.url.rstrip("/").endswith("/my"), response.url)

    def test_dealer_sees_the_parts_menu(self):
        if "is_network_dealer" in self.dealer._fields:
            self.dealer.is_network_dealer = True
        page = self._home("as_menu_dealer")
        self.assertIn("/my/parts/order", page)
        self.assertIn("/my/parts/feedback", page)
