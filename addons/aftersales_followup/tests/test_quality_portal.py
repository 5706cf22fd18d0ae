import hashlib
import hmac
import time

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
                    "c1_injury": True,
                    "compensation_demand": 60000.0,
                    "proposed_level": "1",
                }
            ],
        )
        photo = self.env["ir.attachment"].search([("res_model", "=", info._name), ("res_id", "=", info.id)])
        self.assertEqual(photo.name, "gearbox.png")

    def test_demo_dealer_reports_quality_information_on_the_portal(self):
        """Tour as the demo network dealer of Dalian (dalian_dealer / dalian_dealer), in Chinese."""
        user = self.env["res.users"].search([("login", "=", "dalian_dealer")])
        if not user:
            self.skipTest("demo data not installed")
        self.start_tour("/my/quality", "aftersales_quality_portal_tour", login="dalian_dealer")
        info = self.env["aftersales.quality.info"].search([("title", "=", "门店反馈：变速箱换挡顿挫")])
        self.assertRecordValues(
            info,
            [{"partner_id": user.partner_id.commercial_partner_id.id, "state": "submitted", "proposed_level": "1"}],
        )


@tagged("post_install", "-at_install")
class TestQualityPortalInput(HttpCase):
    """The portal form takes only sane input: each attack gets a translated error on the form (never an
    HTTP 500) and creates nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.dealer = cls.env["res.partner"].create(
            {"name": "营口特约服务中心", "is_company": True, "is_network_dealer": True}
        )
        cls.portal = new_test_user(
            cls.env, login="qi_dealer", password="qi_dealer_pw", groups="base.group_portal", lang="zh_CN"
        )
        cls.portal.partner_id.parent_id = cls.dealer
        candidate = cls.env["res.partner"].create({"name": "待审候选店", "is_company": True})
        cls.candidate = new_test_user(
            cls.env, login="qi_candidate", password="qi_candidate_pw", groups="base.group_portal"
        )
        cls.candidate.partner_id.parent_id = candidate
        cls.env.company.as_portal_upload_max_mb = 1

    def csrf_token(self):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        max_ts = int(time.time() + 3600)
        digest = hmac.new(secret.encode("ascii"), f"{self.session.sid}{max_ts}".encode(), hashlib.sha1).hexdigest()
        return f"{digest}o{max_ts}"

    def _infos(self, partner=None):
        return self.env["aftersales.quality.info"].search([("partner_id", "=", (partner or self.dealer).id)])

    def _post(self, files=None, **fields):
        data = {
            "csrf_token": self.csrf_token(),
            "form_token": "tok-1",
            "title": "后视镜异响",
            "description": "高速行驶时后视镜异响",
            "info_type": "general",
        }
        data.update(fields)
        return self.url_open("/my/quality/new", data=data, files=files)

    def test_hostile_numbers_and_dates_are_refused_on_the_form(self):
        self.authenticate("qi_dealer", "qi_dealer_pw")
        attacks = [
            {"mileage": "nan"},
            {"mileage": "inf"},
            {"mileage": "1e308"},
            {"mileage": "-5"},
            {"mileage": "一万二"},
            {"compensation_demand": "NaN"},
            {"compensation_demand": "-1"},
            {"occurred_date": "2026-02-30"},
            {"occurred_date": "2999-01-01"},
            {"title": ""},
        ]
        for fields in attacks:
            with self.subTest(**fields):
                response = self._post(**fields)
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_quality_errors", response.text)
                self.assertIn("后视镜异响" if fields.get("title") != "" else "高速行驶时后视镜异响", response.text)
                self.assertFalse(self._infos(), "nothing created")
        message = self._post(mileage="nan").text
        self.assertIn("必须", message, "the error is in Chinese for a Chinese user")

    def test_one_submit_is_one_report(self):
        self.authenticate("qi_dealer", "qi_dealer_pw")
        first = self._post(mileage="12,500", info_type="important", c1_injury="1", compensation_demand="60000")
        second = self._post(mileage="12,500", info_type="important", c1_injury="1", compensation_demand="60000")
        info = self._infos()
        self.assertEqual(len(info), 1, "a double click makes one report")
        self.assertTrue(first.url.endswith(f"/my/quality/{info.id}"))
        self.assertTrue(second.url.endswith(f"/my/quality/{info.id}"))
        self.assertRecordValues(
            info,
            [
                {
                    "mileage": 12500.0,
                    "compensation_demand": 60000.0,
                    "c1_injury": True,
                    "proposed_level": "1",
                    "state": "submitted",
                    "source": "dealer",
                    "user_id": False,
                }
            ],
        )
        self._post(form_token="tok-2", title="另一条信息")
        self.assertEqual(len(self._infos()), 2, "another form is another report")

    def test_attachments_by_type_and_size(self):
        self.authenticate("qi_dealer", "qi_dealer_pw")
        too_big = {"attachments": ("photo.jpg", b"\xff\xd8" + b"0" * (1024 * 1024 + 10), "image/jpeg")}
        response = self._post(files=too_big)
        self.assertIn("o_quality_errors", response.text)
        self.assertIn("photo.jpg", response.text)
        script = {"attachments": ("run.exe", b"MZ...", "application/x-msdownload")}
        self.assertIn("o_quality_errors", self._post(files=script).text)
        self.assertFalse(self._infos())
        Attachment = self.env["ir.attachment"]
        self.assertFalse(Attachment.search([("name", "in", ("photo.jpg", "run.exe"))]), "refused files are not kept")
        # A good photo sent with a bad number is kept on the form and attached once the form is right.
        photo = {"attachments": ("brake.png", b"\x89PNG\r\n\x1a\n0000", "image/png")}
        response = self._post(files=photo, mileage="nan")
        self.assertIn("brake.png", response.text)
        pending = Attachment.search([("name", "=", "brake.png")])
        self.assertEqual(len(pending), 1)
        self._post(mileage="100", pending_ids=str(pending.id), pending_tokens=pending.access_token)
        info = self._infos()
        self.assertEqual(len(info), 1)
        self.assertEqual(pending.res_id, info.id)
        # A forged token attaches nothing.
        stray = Attachment.create({"name": "other.png", "raw": b"x", "res_model": "aftersales.quality.info"})
        self._post(form_token="tok-3", pending_ids=str(stray.id), pending_tokens="forged")
        self.assertFalse(stray.res_id)

    def test_only_network_dealers_report(self):
        self.authenticate("qi_candidate", "qi_candidate_pw")
        page = self.url_open("/my/quality/new")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("o_quality_form", page.text)
        response = self._post()
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_quality_errors", response.text)
        self.assertFalse(self._infos(self.candidate.partner_id.parent_id))
        self.assertNotIn("o_quality_new", self.url_open("/my/quality").text)
