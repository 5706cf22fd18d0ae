from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

GROUPS = "aftersales_followup.group_aftersales_"
FORGED = {"aftersales_followup_flow": True, "aftersales_claim_review": True, "default_state": "closed"}


@tagged("post_install", "-at_install")
class TestFollowupIntegrity(HttpCase):
    """Attacks over Odoo's own JSON-RPC as the real role users, with forged context keys: each is refused
    and nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, group, **kw):
            return new_test_user(cls.env, login=login, password=login + "_pw", groups=group, **kw)

        cls.clerk = user("att_clerk", GROUPS + "followup_clerk", name="回访员甲")
        cls.other_clerk = user("att_clerk2", GROUPS + "followup_clerk", name="回访员乙")
        cls.officer = user("att_officer", GROUPS + "quality_officer", name="质量信息员甲")
        cls.qa = user("att_qa", GROUPS + "quality_assurance", name="质保工程师甲")
        cls.manager = user("att_manager", GROUPS + "aftersales_manager", name="售后经理甲")
        cls.company = cls.env.company
        cls.company.write({"as_followup_user_id": cls.clerk.id, "as_qa_user_id": cls.qa.id})
        cls.customer = cls.env["res.partner"].create({"name": "钱女士", "phone": "13900001234"})
        cls.dealer = cls.env["res.partner"].create({"name": "锦州特约服务中心", "is_company": True})
        cls.dealer.is_network_dealer = True
        cls.portal = user("att_portal", "base.group_portal", name="锦州门店")
        cls.portal.partner_id.parent_id = cls.dealer
        cause = cls.env.ref("aftersales_followup.complaint_cause_repair")
        cls.complaint = cls.env["aftersales.complaint"].create(
            {
                "partner_id": cls.customer.id,
                "description": "保养后机油灯亮",
                "user_id": cls.clerk.id,
                "cause_id": cause.id,
                "cause_analysis": "机油滤清器未拧紧",
                "solution": "重新紧固并补充机油",
            }
        )
        Info = cls.env["aftersales.quality.info"]
        cls.info = Info.create(
            {
                "partner_id": cls.dealer.id,
                "title": "制动异响",
                "description": "多台车辆制动异响",
                "info_type": "major",
                "c2_accident": True,
                "user_id": cls.officer.id,
            }
        )
        cls.info.action_submit()
        cls.info.with_user(cls.manager).action_confirm()
        cls.info.write({"qa_analysis": "制动片批次问题，待回复经销商", "measures": "更换同批次制动片"})
        cls.call = cls.env["aftersales.followup"].create(
            {"partner_id": cls.customer.id, "call_type": "first", "user_id": cls.clerk.id}
        )

    def _rpc(self, login, model, method, args, **kwargs):
        self.authenticate(login, login + "_pw")
        kwargs.setdefault("context", dict(FORGED))
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": kwargs}
        )

    def _refused(self, login, model, method, args, **kwargs):
        with self.assertRaises(JsonRpcException) as refusal:
            self._rpc(login, model, method, args, **kwargs)
        self.assertIn(refusal.exception.args[0], ("odoo.exceptions.AccessError", "odoo.exceptions.UserError"))

    def test_clerk_cannot_close_a_complaint_by_writing_its_state(self):
        """The clerk writes state=closed with forged context keys: refused, the complaint stays received."""
        self._refused(
            "att_clerk",
            "aftersales.complaint",
            "write",
            [[self.complaint.id], {"state": "closed", "closed_date": "2026-03-01 10:00:00"}],
        )
        self.complaint.invalidate_recordset()
        self.assertRecordValues(self.complaint, [{"state": "received", "closed_date": False}])
        count = self.env["aftersales.complaint"].search_count([])
        self._refused(
            "att_clerk",
            "aftersales.complaint",
            "create",
            [{"partner_id": self.customer.id, "description": "伪造", "state": "closed"}],
        )
        self.assertEqual(self.env["aftersales.complaint"].search_count([]), count, "nothing created")
        # default_state in the context is ignored: the complaint starts received.
        new_id = self._rpc(
            "att_clerk", "aftersales.complaint", "create", [{"partner_id": self.customer.id, "description": "正常登记"}]
        )
        self.assertEqual(self.env["aftersales.complaint"].browse(new_id).state, "received")

    def test_only_the_responsible_moves_a_complaint_on(self):
        """Another clerk cannot analyse (nor take over) a complaint that names its responsible."""
        self._refused("att_clerk2", "aftersales.complaint", "action_analyse", [[self.complaint.id]])
        self._refused(
            "att_clerk2", "aftersales.complaint", "write", [[self.complaint.id], {"user_id": self.other_clerk.id}]
        )
        self.complaint.invalidate_recordset()
        self.assertRecordValues(self.complaint, [{"state": "received", "user_id": self.clerk.id}])
        self._rpc("att_clerk", "aftersales.complaint", "action_analyse", [[self.complaint.id]])
        self.complaint.invalidate_recordset()
        self.assertEqual(self.complaint.state, "analysed")

    def test_confirmed_level_cannot_be_written(self):
        """Once after-sales confirmed level 2, nobody writes the level directly, the manager included."""
        for login in ("att_officer", "att_manager"):
            self._refused(login, "aftersales.quality.info", "write", [[self.info.id], {"level": "3"}])
            self._refused(login, "aftersales.quality.info", "write", [[self.info.id], {"level_confirmed": False}])
        self._refused("att_officer", "aftersales.quality.info", "write", [[self.info.id], {"state": "replied"}])
        self._refused(
            "att_officer", "aftersales.quality.info", "write", [[self.info.id], {"qa_user_id": self.officer.id}]
        )
        self.info.invalidate_recordset()
        self.assertRecordValues(
            self.info, [{"level": "2", "level_confirmed": True, "state": "confirmed", "qa_user_id": self.qa.id}]
        )

    def test_quality_steps_check_group_and_person(self):
        """An officer cannot confirm; only the named QA engineer closes the analysis."""
        draft = self.env["aftersales.quality.info"].create(
            {"partner_id": self.dealer.id, "title": "异响", "description": "异响", "c3_breakdown": True}
        )
        draft.action_submit()
        self._refused("att_officer", "aftersales.quality.info", "action_confirm", [[draft.id]])
        other_qa = new_test_user(self.env, login="att_qa2", password="att_qa2_pw", groups=GROUPS + "quality_assurance")
        self.assertTrue(other_qa)
        self._refused("att_qa2", "aftersales.quality.info", "action_analyse", [[self.info.id]])
        (draft | self.info).invalidate_recordset()
        self.assertEqual(draft.state, "submitted")
        self.assertEqual(self.info.state, "confirmed")
        self._rpc("att_qa", "aftersales.quality.info", "action_analyse", [[self.info.id]])
        self.info.invalidate_recordset()
        self.assertEqual(self.info.state, "analysed")

    def test_clerk_cannot_forge_a_call_result(self):
        """Writing a call done or escalated to a supervisor of one's choice is refused; another clerk
        cannot log this clerk's call."""
        self._refused("att_clerk", "aftersales.followup", "write", [[self.call.id], {"state": "done", "reached": True}])
        self._refused("att_clerk", "aftersales.followup", "write", [[self.call.id], {"supervisor_id": self.clerk.id}])
        self._refused("att_clerk2", "aftersales.followup", "action_log_call", [[self.call.id]])
        self.call.invalidate_recordset()
        self.assertRecordValues(self.call, [{"state": "planned", "reached": False, "supervisor_id": False}])

    def test_campaign_and_letter_move_only_through_their_buttons(self):
        campaign = self.env["aftersales.campaign"].create({"name": "冬季检测", "event_date": "2026-12-20"})
        letter = self.env["aftersales.letter"].create({"partner_id": self.customer.id, "subject": "邀请函"})
        self._refused("att_clerk", "aftersales.campaign", "action_cancel", [[campaign.id]])
        self._refused("att_clerk", "aftersales.letter", "write", [[letter.id], {"state": "done"}])
        campaign.invalidate_recordset()
        letter.invalidate_recordset()
        self.assertEqual(campaign.state, "draft")
        self.assertEqual(letter.state, "draft")

    def test_portal_dealer_cannot_move_or_read_internal_fields(self):
        """The dealer reads its own report, but not QA's analysis, and cannot submit or confirm over RPC."""
        self.info.invalidate_recordset()
        rows = self._rpc("att_portal", "aftersales.quality.info", "read", [[self.info.id]], fields=[])
        self.assertEqual(rows[0]["title"], "制动异响")
        for internal in ("qa_analysis", "measures", "qa_user_id", "level_change_reason"):
            self.assertNotIn(internal, rows[0])
        self._refused("att_portal", "aftersales.quality.info", "read", [[self.info.id]], fields=["qa_analysis"])
        self._refused("att_portal", "aftersales.quality.info", "search_read", [[("qa_analysis", "ilike", "制动")]])
        draft = self.env["aftersales.quality.info"].create(
            {"partner_id": self.dealer.id, "title": "草稿", "description": "草稿"}
        )
        self._refused("att_portal", "aftersales.quality.info", "action_submit", [[draft.id]])
        self._refused("att_portal", "aftersales.quality.info", "action_close", [[self.info.id]])
        (draft | self.info).invalidate_recordset()
        self.assertEqual(draft.state, "draft")
        self.assertEqual(self.info.state, "confirmed")
