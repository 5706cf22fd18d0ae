"""Attacks of the integrity issue, over Odoo's real JSON-RPC and the portal forms, as the real role users.

Each test asserts the refusal and re-reads the records to prove nothing was written.
"""

import base64
import re

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import PNG, NetworkCommon

# Every context key an attacker may try: none of them may unlock a workflow field.
FORGED_CONTEXT = {
    "aftersales_flow": True,
    "aftersales_claim_review": True,
    "aftersales_network_workflow": True,
    "default_state": "approved",
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestNetworkAttacks(NetworkCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_network()
        cls.candidate_user = new_test_user(
            cls.env, login="nw_candidate", groups="base.group_portal", partner_id=cls.candidate_contact.id
        )
        cls.other_candidate = cls.env["res.partner"].create({"name": "营口海港汽车服务有限公司", "is_company": True})

    def _call(self, model, method, args, **kwargs):
        kwargs.setdefault("context", FORGED_CONTEXT)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": kwargs}
        )

    def _assert_refused(self, model, method, args, error="odoo.exceptions.AccessError", **kwargs):
        with self.assertRaises(JsonRpcException) as refusal:
            self._call(model, method, args, **kwargs)
        self.assertEqual(str(refusal.exception), error)

    # ------------------------------------------------------------------ back office
    def test_officer_cannot_write_an_application_to_approved(self):
        """An officer writes state=approved (and a committee decision) on a visited application: refused."""
        application = self._start()
        self._to_qualified(application)
        self.authenticate("nw_officer", "nw_officer")
        Application = "aftersales.network.application"
        self._assert_refused(Application, "write", [[application.id], {"state": "approved"}])
        self._assert_refused(Application, "write", [[application.id], {"committee_decision": "approve"}])
        self._assert_refused(Application, "write", [[application.id], {"acceptance_passed": True}])
        self._assert_refused(
            Application,
            "create",
            [{"partner_id": self.other_candidate.id, "state": "approved", "committee_decision": "approve"}],
        )
        # the decision button is the manager's, and needs the committee's votes anyway
        self._assert_refused(Application, "action_committee_decide", [[application.id]], "odoo.exceptions.UserError")
        application.invalidate_recordset()
        self.assertRecordValues(application, [{"state": "qualified", "committee_decision": False}])
        self.assertFalse(self.env[Application].search([("partner_id", "=", self.other_candidate.id)]))
        self.assertNotIn("approved", application.stage_log_ids.mapped("state"))

    def test_manager_cannot_vote_in_other_members_names(self):
        """A manager creates votes for two members and rewrites a member's vote: refused; a vote is the caller's."""
        application = self._start()
        self._to_committee(application)
        Vote = "aftersales.network.vote"
        self.authenticate("nw_manager", "nw_manager")
        for member in (self.member_1, self.member_2):
            self._assert_refused(
                Vote, "create", [{"application_id": application.id, "user_id": member.id, "decision": "approve"}]
            )
        self._assert_refused(
            "aftersales.network.application",
            "write",
            [
                [application.id],
                {"vote_ids": [Command.create({"user_id": self.member_1.id, "decision": "approve"})]},
            ],
        )
        self.assertFalse(application.vote_ids)
        # the vote button records the caller's vote, whatever default the context names
        self._call(
            "aftersales.network.application",
            "action_vote_approve",
            [[application.id]],
            context=dict(FORGED_CONTEXT, default_user_id=self.member_1.id),
        )
        self.assertEqual(application.vote_ids.user_id, self.manager)
        vote = application.vote_ids
        self._assert_refused(Vote, "write", [[vote.id], {"user_id": self.member_1.id, "decision": "archive"}])
        self._assert_refused(Vote, "unlink", [[vote.id]])
        # one vote per member, and the decision waits for the votes the rules ask for (2)
        self._assert_refused(
            "aftersales.network.application", "action_vote_archive", [[application.id]], "odoo.exceptions.UserError"
        )
        application.with_user(self.manager).committee_minutes = "<p>一票</p>"
        self._assert_refused(
            "aftersales.network.application", "action_committee_decide", [[application.id]], "odoo.exceptions.UserError"
        )
        vote.invalidate_recordset()
        self.assertRecordValues(vote, [{"user_id": self.manager.id, "decision": "approve"}])
        self.assertEqual(application.state, "committee")

    def test_officer_cannot_change_the_points_of_a_confirmed_sheet(self):
        """Once a scoring sheet is confirmed, neither its lines nor its results change, whatever the context."""
        application = self._start()
        self._to_qualified(application, points=70)
        sheet = application.evaluation_ids
        line = sheet.line_ids[0]
        points_before = sheet.line_ids.mapped("points")
        self.authenticate("nw_officer", "nw_officer")
        Line = "aftersales.network.evaluation.line"
        Sheet = "aftersales.network.evaluation"
        self._assert_refused(Line, "write", [[line.id], {"points": line.max_points}])
        self._assert_refused(Line, "unlink", [[line.id]])
        self._assert_refused(
            Line, "create", [{"evaluation_id": sheet.id, "criterion_id": line.criterion_id.id, "points": 1}]
        )
        self._assert_refused(Sheet, "write", [[sheet.id], {"line_ids": [Command.update(line.id, {"points": 0})]}])
        self._assert_refused(Sheet, "write", [[sheet.id], {"total_score": 100, "passed": True}])
        self._assert_refused(Sheet, "write", [[sheet.id], {"state": "draft"}])
        sheet.invalidate_recordset()
        self.assertEqual(sheet.line_ids.mapped("points"), points_before)
        self.assertRecordValues(sheet, [{"state": "done", "total_score": 70.0}])
        self.assertEqual(application.application_score, 70.0)

    def test_officer_cannot_forge_a_dealer_or_sign_for_the_candidate(self):
        """Becoming a network dealer and signing the letter of intent are not an officer's writes."""
        application = self._start()
        self._to_intent(application)
        self.authenticate("nw_officer", "nw_officer")
        self._assert_refused("res.partner", "write", [[self.candidate.id], {"is_network_dealer": True}])
        self._assert_refused(
            "aftersales.network.application",
            "action_sign_intent",
            [[application.id], "刘华达", base64.b64encode(PNG).decode()],
        )
        self._assert_refused("aftersales.network.intent", "write", [[application.intent_id.id], {"state": "signed"}])
        self.assertFalse(self.candidate.is_network_dealer)
        self.assertRecordValues(application.intent_id, [{"state": "draft", "signed_by": False}])
        self.assertEqual(application.state, "intent")

    # ------------------------------------------------------------------ portal
    def _csrf(self, url):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)

    def _portal_application(self):
        self.authenticate("nw_candidate", "nw_candidate")
        self.url_open("/my/network/new", data={"csrf_token": self._csrf("/my/account")})
        return self.env["aftersales.network.application"].search([("partner_id", "=", self.candidate.id)])

    def _post(self, application, files=None, **values):
        data = {"csrf_token": self._csrf("/my/account"), **values}
        return self.url_open(f"/my/network/{application.id}/save", data=data, files=files)

    def test_portal_numbers_are_parsed(self):
        """nan, inf, 1e308, negative and text are refused on the form, translated, and nothing is written."""
        application = self._portal_application()
        self.assertEqual(len(application), 1)
        for field, value in (
            ("site_area", "nan"),
            ("investment", "inf"),
            ("investment", "1e308"),
            ("workshop_area", "-100"),
            ("staff_count", "3.5"),
            ("technician_count", "十二"),
        ):
            response = self._post(application, city="深圳", **{field: value})
            self.assertEqual(response.status_code, 200, (field, value))
            self.assertIn("o_network_error", response.text, (field, value))
            self.assertIn(f'value="{value}"', response.text, "the form keeps what was typed")
            application.invalidate_recordset()
            self.assertRecordValues(
                application,
                [{"city": False, "site_area": 0, "investment": 0, "workshop_area": 0, "staff_count": 0}],
            )
        # a Chinese-speaking candidate reads the field of the refusal in Chinese
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "aftersales_network")])._update_translations(["zh_CN"])
        self.candidate_user.lang = "zh_CN"
        response = self._post(application, site_area="nan")
        self.assertIn("场地面积（m²）", response.text.split("o_network_error", 1)[1].split("</div>", 1)[0])

    def test_portal_province_only_china(self):
        """A province of another country is refused; China's provinces are offered in order."""
        application = self._portal_application()
        foreign = self.env["res.country.state"].search([("country_id.code", "=", "US")], limit=1)
        response = self._post(application, state_id=str(foreign.id))
        self.assertIn("o_network_error", response.text)
        self.assertFalse(application.state_id)
        page = self.url_open(f"/my/network/{application.id}").text
        beijing, anhui, zhejiang = (self.env.ref(f"base.state_cn_{code}") for code in ("BJ", "AH", "ZJ"))
        offered = [int(value) for value in re.findall(r'<option value="(\d+)"', page)]
        self.assertNotIn(foreign.id, offered)
        self.assertLess(offered.index(anhui.id), offered.index(beijing.id))
        self.assertLess(offered.index(beijing.id), offered.index(zhejiang.id))
        self._post(application, state_id=str(zhejiang.id), investment="2,250,000")
        self.assertEqual(application.state_id, zhejiang)
        page = self.url_open(f"/my/network/{application.id}").text
        self.assertIn('value="2,250,000"', page)
        # the amount is in the OEM company's currency, its symbol beside it (¥ for CNY)
        symbol = application.currency_id.symbol
        self.assertIn(f'<span class="input-group-text o_network_currency">{symbol}</span>', page)

    def test_portal_one_submit_one_application(self):
        """Two identical POSTs open one application; a candidate with an open application cannot open another."""
        application = self._portal_application()
        token = self._csrf("/my/account")
        response = self.url_open("/my/network/new", data={"csrf_token": token})
        self.assertIn(f"/my/network/{application.id}", response.url)
        self.assertIn("o_network_open", response.text)
        self.assertEqual(
            self.env["aftersales.network.application"].search_count([("partner_id", "=", self.candidate.id)]), 1
        )
        page = self.url_open("/my/network").text
        self.assertNotIn("o_network_new_application", page, "no apply button with an open application")
        # the same submission twice: one submission, no error page
        self._fill(application)
        self._attach_documents(application)
        for _attempt in range(2):
            response = self._post(application, submit="1", city="沈阳")
            self.assertIn("o_network_submitted", response.text)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.stage_log_ids.mapped("state"), ["draft"])

    def test_portal_uploads_by_type_and_size(self):
        """An oversized file and a file of another type are refused, nothing is attached; a PDF is accepted."""
        self.env.company.as_portal_upload_max_mb = 1
        application = self._portal_application()
        document = application.document_ids[0]
        field = f"document_{document.id}"
        big = ("licence.pdf", b"%PDF-1.4 " + b"0" * (1024 * 1024 + 10), "application/pdf")
        response = self._post(application, files={field: big}, city="沈阳")
        self.assertIn("o_network_error", response.text)
        self.assertIn("licence.pdf", response.text)
        script = ("licence.html", b"<script>alert(1)</script>", "text/html")
        response = self._post(application, files={field: script}, city="沈阳")
        self.assertIn("o_network_error", response.text)
        self.assertFalse(document.attachment_ids)
        self.assertFalse(application.city, "nothing of a refused form is written")
        self._post(application, files={field: ("licence.pdf", b"%PDF-1.4 ok", "application/pdf")})
        self.assertEqual(document.attachment_ids.mapped("name"), ["licence.pdf"])

    def test_portal_dealers_and_others_applications(self):
        """A live dealer gets no new application; a candidate never saves another's application."""
        other = self._start()  # the officer's application for this candidate, started from CRM
        self.authenticate("nw_candidate", "nw_candidate")
        self.url_open("/my/network/new", data={"csrf_token": self._csrf("/my/account")})
        self.assertEqual(
            self.env["aftersales.network.application"].search([("partner_id", "=", self.candidate.id)]), other
        )
        stranger_partner = self.env["res.partner"].create(
            {"name": "大连远航", "is_company": True, "is_network_dealer": True}
        )
        stranger = new_test_user(
            self.env,
            login="nw_dealer",
            groups="base.group_portal",
            partner_id=self.env["res.partner"].create({"name": "孙经理", "parent_id": stranger_partner.id}).id,
        )
        self.authenticate("nw_dealer", "nw_dealer")
        response = self.url_open("/my/network/new", data={"csrf_token": self._csrf("/my/account")})
        self.assertIn("o_network_dealer", response.text)
        self.assertFalse(self.env["aftersales.network.application"].search([("partner_id", "=", stranger_partner.id)]))
        response = self.url_open(
            f"/my/network/{other.id}/save",
            data={"csrf_token": self._csrf("/my/account"), "city": "大连"},
        )
        self.assertTrue(response.url.endswith("/my"), response.url)
        self.assertFalse(other.city)
        self.assertFalse(stranger.partner_id.commercial_partner_id.network_application_ids)

    def test_candidate_reads_no_internal_field(self):
        """Over JSON-RPC the candidate reads its application's stage, never the scores, votes or minutes."""
        application = self._start()
        self._to_committee(application)
        application.with_user(self.manager).committee_minutes = "<p>内部讨论</p>"
        self.authenticate("nw_candidate", "nw_candidate")
        Application = "aftersales.network.application"
        [values] = self._call(Application, "read", [[application.id], ["name", "state"]])
        self.assertEqual(values["state"], "committee")
        for field in ("committee_minutes", "interview_record", "application_score", "vote_approve_count"):
            self._assert_refused(Application, "read", [[application.id], [field]])
        self._assert_refused("aftersales.network.vote", "search_read", [[]])
        self._assert_refused(Application, "action_vote_approve", [[application.id]])
        self.assertFalse(application.vote_ids)

    # ------------------------------------------------------------------ provinces and cities
    def _cities(self):
        """A city in 广东省 and one in 四川省 (the test does not rely on l10n_cn_city's list being installed)."""
        china = self.env.ref("base.cn")
        china.enforce_cities = True
        City = self.env["res.city"]
        guangdong, sichuan = self.env.ref("base.state_cn_GD"), self.env.ref("base.state_cn_SC")
        nanshan = City.create(
            {"name": "深圳市南山区", "state_id": guangdong.id, "country_id": china.id, "zipcode": "518000"}
        )
        wuhou = City.create(
            {"name": "成都市武侯区", "state_id": sichuan.id, "country_id": china.id, "zipcode": "610000"}
        )
        return guangdong, nanshan, wuhou

    def test_portal_city_of_the_chosen_province(self):
        """The form offers the cities of the chosen province and takes one of them by id: city, postcode and
        province follow; the province's cities come from the cities route (the form's province change)."""
        guangdong, nanshan, wuhou = self._cities()
        application = self._portal_application()
        self._post(application, state_id=str(guangdong.id), city_id=str(nanshan.id))
        self.assertRecordValues(
            application, [{"state_id": guangdong.id, "city_id": nanshan.id, "city": "深圳市南山区", "zip": "518000"}]
        )
        page = self.url_open(f"/my/network/{application.id}").text
        self.assertRegex(page, rf'<option value="{nanshan.id}" selected="[^"]+">深圳市南山区</option>')
        self.assertNotIn("成都市武侯区", page)
        cities = self.make_jsonrpc_request("/my/network/cities", {"state_id": guangdong.id})
        self.assertIn([nanshan.id, "深圳市南山区"], cities)
        self.assertNotIn(wuhou.id, [city_id for city_id, _name in cities])
        foreign = self.env["res.country.state"].search([("country_id.code", "=", "US")], limit=1)
        self.assertEqual(self.make_jsonrpc_request("/my/network/cities", {"state_id": foreign.id}), [])
        self.assertEqual(self.make_jsonrpc_request("/my/network/cities", {"state_id": "1 OR 1=1"}), [])

    def test_portal_hostile_city_ids_refused(self):
        """A city of another province, an unknown id, text, a negative or huge number: refused on the form, which
        shows the chosen province's cities again, and nothing of the form is written."""
        guangdong, nanshan, wuhou = self._cities()
        application = self._portal_application()
        for hostile in (str(wuhou.id), str(nanshan.id + 100000), "深圳", "-1", "1e308", f"{nanshan.id} OR 1=1"):
            response = self._post(application, state_id=str(guangdong.id), city_id=hostile, site_area="1200")
            self.assertIn("o_network_error", response.text, hostile)
            self.assertIn("深圳市南山区", response.text, "the province typed keeps its cities on the form")
            application.invalidate_recordset()
            self.assertRecordValues(application, [{"state_id": False, "city_id": False, "site_area": 0}])
        # a city without its province is refused too (no province, no city to choose)
        response = self._post(application, city_id=str(nanshan.id))
        self.assertIn("o_network_error", response.text)
        self.assertFalse(application.city_id)

    def test_city_outside_the_province_refused_in_the_back_office(self):
        """The officer cannot file 成都市武侯区 under 广东省."""
        guangdong, _nanshan, wuhou = self._cities()
        application = self._start()
        with self.assertRaisesRegex(ValidationError, "成都市武侯区"):
            application.with_user(self.officer).write({"state_id": guangdong.id, "city_id": wuhou.id})
