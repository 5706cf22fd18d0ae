import base64
import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG, NetworkCommon


@tagged("post_install", "-at_install")
class TestNetworkPortal(NetworkCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_network()
        cls.candidate_user = new_test_user(
            cls.env,
            login="nw_candidate",
            password="nw_candidate",
            groups="base.group_portal",
            partner_id=cls.candidate_contact.id,
        )
        cls.other_company = cls.env["res.partner"].create({"name": "大连远航汽车维修有限公司", "is_company": True})
        cls.other_contact = cls.env["res.partner"].create(
            {"name": "孙经理", "parent_id": cls.other_company.id, "email": "sun@yuanhang.example"}
        )
        cls.other_user = new_test_user(
            cls.env,
            login="nw_other",
            password="nw_other",
            groups="base.group_portal",
            partner_id=cls.other_contact.id,
        )

    def _csrf(self, url):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)

    def test_candidate_reads_only_its_own_application(self):
        """Another candidate can neither read the application by id nor open it by its route."""
        application = self._start()
        own = application.with_user(self.candidate_user)
        self.assertEqual(own.read(["name"])[0]["name"], application.name)
        self.assertEqual(self.env["aftersales.network.application"].with_user(self.other_user).search([]).ids, [])
        with self.assertRaises(AccessError):
            application.with_user(self.other_user).read(["name"])
        with self.assertRaises(AccessError):
            application.document_ids.with_user(self.other_user).read(["type_id"])

        self.authenticate("nw_other", "nw_other")
        response = self.url_open(f"/my/network/{application.id}")
        self.assertNotIn(application.name, response.text)
        self.assertTrue(response.url.endswith("/my"), response.url)

        self.authenticate("nw_candidate", "nw_candidate")
        response = self.url_open(f"/my/network/{application.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(application.name, response.text)

    def test_candidate_signs_the_letter_of_intent_on_the_portal(self):
        """The portal signature route signs the letter and generates the starter orders."""
        application = self._start()
        self._to_intent(application)
        self.authenticate("nw_other", "nw_other")
        result = self.make_jsonrpc_request(
            f"/my/network/{application.id}/sign", {"name": "孙经理", "signature": base64.b64encode(PNG).decode()}
        )
        self.assertIn("error", result)
        self.assertEqual(application.state, "intent")

        self.authenticate("nw_candidate", "nw_candidate")
        response = self.url_open(f"/my/network/{application.id}")
        self.assertIn("o_network_sign", response.text)
        result = self.make_jsonrpc_request(
            f"/my/network/{application.id}/sign", {"name": "刘华达", "signature": base64.b64encode(PNG).decode()}
        )
        self.assertNotIn("error", result)
        application.invalidate_recordset()
        self.assertEqual(application.state, "orders")
        self.assertEqual(application.intent_id.signed_by, "刘华达")
        self.assertEqual(len(application.starter_order_ids), 3)
        letter = self.url_open(f"/my/network/{application.id}/intent")
        self.assertEqual(letter.status_code, 200)
        self.assertIn(application.intent_id.name, letter.text)

    def test_portal_submit_refused_without_documents(self):
        """Submitting on the portal without the required documents shows the refusal, the state stays draft."""
        self.authenticate("nw_candidate", "nw_candidate")
        self.url_open("/my/network/new", data={"csrf_token": self._csrf("/my/network")})
        application = self.env["aftersales.network.application"].search([("partner_id", "=", self.candidate.id)])
        self.assertEqual(len(application), 1)
        response = self.url_open(
            f"/my/network/{application.id}/save",
            data={
                "csrf_token": self._csrf(f"/my/network/{application.id}"),
                "business_licence_no": "91X",
                "submit": "1",
            },
        )
        self.assertIn("o_network_error", response.text)
        self.assertEqual(application.state, "draft")
        self.assertEqual(application.business_licence_no, "91X")

    def test_tour_candidate_applies_and_submits(self):
        """Browser tour: a candidate applies on the portal, attaches its documents and submits."""
        self.start_tour("/my/network", "aftersales_network_portal_apply", login="nw_candidate")
        application = self.env["aftersales.network.application"].search([("partner_id", "=", self.candidate.id)])
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.business_licence_no, "91440300MA5TOUR01X")
        self.assertEqual(application.site_area, 2800)
        self.assertEqual(application.state_id, self.env.ref("base.state_cn_GD"))
        self.assertIn("深圳", application.city)
        self.assertTrue(application.documents_complete)

    def test_tour_candidate_signs_the_letter_of_intent(self):
        """Browser tour: the candidate signs its letter of intent with the portal signature widget."""
        application = self._start()
        self._to_intent(application)
        self.start_tour(f"/my/network/{application.id}", "aftersales_network_portal_sign", login="nw_candidate")
        self.assertEqual(application.intent_id.state, "signed")
        self.assertEqual(application.intent_id.signed_by, "刘华达")
        self.assertTrue(application.intent_id.signature)
        self.assertEqual(application.state, "orders")

    def test_tour_officer_opens_the_application_form(self):
        """Browser tour: the officer opens a qualified application in the back end without client errors."""
        application = self._start()
        self._to_qualified(application)
        self.env["res.users"].browse(self.officer.id).lang = "en_US"
        self.start_tour(
            "/odoo/action-aftersales_network.aftersales_network_application_action",
            "aftersales_network_backend_form",
            login="nw_officer",
        )
