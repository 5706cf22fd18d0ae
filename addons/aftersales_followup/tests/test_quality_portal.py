from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestQualityPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.dealer_a = Partner.create({"name": "大连特约服务中心", "is_company": True, "is_network_dealer": True})
        cls.dealer_b = Partner.create({"name": "沈阳特约服务中心", "is_company": True, "is_network_dealer": True})
        cls.portal_a = new_test_user(cls.env, login="dealer_a", password="dealer_a_pw", groups="base.group_portal")
        cls.portal_a.partner_id.parent_id = cls.dealer_a
        cls.portal_b = new_test_user(cls.env, login="dealer_b", groups="base.group_portal")
        cls.portal_b.partner_id.parent_id = cls.dealer_b
        Info = cls.env["aftersales.quality.info"]
        cls.info_a = Info.create({"partner_id": cls.dealer_a.id, "title": "A", "description": "A 的信息"})
        cls.info_b = Info.create({"partner_id": cls.dealer_b.id, "title": "B", "description": "B 的信息"})

    def test_portal_dealer_sees_only_its_own(self):
        Info = self.env["aftersales.quality.info"].with_user(self.portal_a)
        self.assertEqual(Info.search([]), self.info_a)
        self.info_a.with_user(self.portal_a).check_access("read")
        with self.assertRaises(AccessError):
            self.info_b.with_user(self.portal_a).read(["title"])
        with self.assertRaises(AccessError):
            Info.create({"partner_id": self.dealer_a.id, "title": "x", "description": "x"})

    def test_portal_dealer_cannot_open_another_dealers_page(self):
        self.authenticate("dealer_a", "dealer_a_pw")
        own = self.url_open(f"/my/quality/{self.info_a.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("A 的信息", own.text)
        other = self.url_open(f"/my/quality/{self.info_b.id}", allow_redirects=False)
        self.assertIn(other.status_code, (302, 303))
        self.assertNotIn("B 的信息", other.text)
        listing = self.url_open("/my/quality")
        self.assertIn(self.info_a.name, listing.text)
        self.assertNotIn(self.info_b.name, listing.text)

    def test_dealer_reports_quality_information_on_the_portal(self):
        """Tour: a dealer fills the portal form; the record is submitted for its own company."""
        self.start_tour("/my/quality", "aftersales_quality_portal_tour", login="dealer_a")
        info = self.env["aftersales.quality.info"].search([("title", "=", "门店反馈：变速箱换挡顿挫")])
        self.assertRecordValues(
            info,
            [
                {
                    "partner_id": self.dealer_a.id,
                    "source": "dealer",
                    "state": "submitted",
                    "info_type": "important",
                    "vin": "LSVAU218XN2183294",
                    "mileage": 12500.0,
                }
            ],
        )
