from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..models.aftersales_network_application import STATES
from .common import NetworkCommon


@tagged("post_install", "-at_install")
class TestNetworkIntegrity(NetworkCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_network()

    def _crm_candidate(self, email="boss@jinqiao.example"):
        """A lead as the officer types it: company name, contact name and one e-mail, no partner yet."""
        lead = self.env["crm.lead"].create(
            {
                "name": "营口金桥申请加入服务网络",
                "type": "opportunity",
                "team_id": self.team.id,
                "user_id": self.officer.id,
                "partner_name": "营口金桥汽车服务有限公司",
                "contact_name": "高金桥",
                "email_from": email,
            }
        )
        action = lead.with_user(self.officer).action_start_network_application()
        return self.env["aftersales.network.application"].browse(action["res_id"])

    def _to_contract(self, application):
        self._to_acceptance(application)
        self._score(application, "acceptance", self.officer, 90)
        application.with_user(self.manager).action_contract()

    # ------------------------------------------------------------------ issue 14: contract and portal users
    def test_contract_for_an_ordinary_crm_candidate(self):
        """Company and contact created from one lead share its e-mail: the contract is signed and the contact
        (one user for the e-mail) gets the portal."""
        application = self._crm_candidate()
        company = application.partner_id
        contact = company.child_ids
        self.assertEqual((company.email, contact.email), ("boss@jinqiao.example", "boss@jinqiao.example"))
        self._to_contract(application)
        self.assertEqual(application.state, "contracted")
        self.assertTrue(company.is_network_dealer)
        users = self.env["res.users"].with_context(active_test=False).search([("login", "=", "boss@jinqiao.example")])
        self.assertEqual(users.partner_id, contact)
        self.assertTrue(users.has_group("base.group_portal"))
        self.assertFalse(company.user_ids)

    def test_invite_candidate_with_a_shared_email(self):
        """The officer invites the same CRM candidate to fill in its application: one portal user."""
        application = self._crm_candidate()
        application.with_user(self.officer).action_invite_candidate()
        contact = application.partner_id.child_ids
        self.assertTrue(contact.user_ids.has_group("base.group_portal"))
        # invited again (or at the contract): the existing user is kept, nothing fails
        application.with_user(self.officer).action_invite_candidate()
        self.assertEqual(len(contact.with_context(active_test=False).user_ids), 1)

    def test_contract_when_an_email_is_another_users_login(self):
        """A contact whose e-mail is already another user's login is not invited; the contract is signed."""
        new_test_user(self.env, login="liu@huada.example", groups="base.group_user")
        application = self._start()
        self._to_contract(application)
        self.assertEqual(application.state, "contracted")
        self.assertFalse(self.candidate_contact.user_ids)
        notes = [body for body in application.message_ids.mapped("body") if "Not invited to the portal" in body]
        self.assertEqual(len(notes), 1)
        self.assertIn(self.candidate_contact.name, notes[0])

    def test_contract_with_a_candidate_already_on_the_portal(self):
        """The candidate's contact that filled in on the portal keeps its user; the contract adds none."""
        user = new_test_user(
            self.env, login="nw_candidate", groups="base.group_portal", partner_id=self.candidate_contact.id
        )
        application = self._start()
        self._to_contract(application)
        self.assertEqual(self.candidate_contact.user_ids, user)
        self.assertEqual(application.state, "contracted")

    def test_one_open_application_per_candidate(self):
        """A second lead of the same candidate cannot open a second application until the first is closed."""
        application = self._start()
        second_lead = self.lead.copy({"name": "沈阳华达再次申请"})
        with self.assertRaisesRegex(ValidationError, "one open application"):
            second_lead.with_user(self.officer).action_start_network_application()
        application.with_user(self.officer).action_cancel()
        second_lead.with_user(self.officer).action_start_network_application()
        self.assertEqual(len(self.candidate.network_application_ids), 2)

    # ------------------------------------------------------------------ integrity of the steps
    def test_only_interviewers_score_the_interview(self):
        application = self._start()
        self._to_qualified(application)
        application.with_user(self.officer).write({"interviewer_ids": [Command.set([self.member_1.id])]})
        application.with_user(self.officer).action_plan_visit()
        with self.assertRaisesRegex(UserError, "not an interviewer"):
            application.with_user(self.officer).action_score_interview()
        self._score(application, "interview", self.member_1, 80)
        self.assertEqual(application.interview_score, 80.0)

    def test_a_sheet_follows_its_scorecard(self):
        """A line of a foreign criterion added to a draft sheet makes it refuse confirmation."""
        application = self._start()
        self._fill(application)
        self._attach_documents(application)
        application.with_user(self.officer).action_submit()
        action = application.with_user(self.officer).action_start_scoring()
        sheet = self.env["aftersales.network.evaluation"].with_user(self.officer).browse(action["res_id"])
        foreign = self.interview_scorecard.criterion_ids[0]
        sheet.write({"line_ids": [Command.create({"criterion_id": foreign.id, "points": 50})]})
        with self.assertRaisesRegex(UserError, "does not follow its scorecard"):
            sheet.action_confirm()
        self.assertEqual(sheet.state, "draft")
        self.assertEqual(application.state, "scoring")

    def test_only_the_scorer_or_a_manager_confirms(self):
        application = self._start()
        self._fill(application)
        self._attach_documents(application)
        application.with_user(self.officer).action_submit()
        action = application.with_user(self.officer).action_start_scoring()
        sheet = self.env["aftersales.network.evaluation"].browse(action["res_id"])
        with self.assertRaisesRegex(UserError, "only that person or a network manager"):
            sheet.with_user(self.member_1).action_confirm()
        sheet.with_user(self.manager).action_confirm()
        self.assertEqual(sheet.state, "done")

    # ------------------------------------------------------------------ issue 12: pipeline and menus
    def test_pipeline_stages_in_the_flows_order(self):
        """The kanban shows every stage in the flow's order, only closed stages folded; reports follow it."""
        Application = self.env["aftersales.network.application"]
        draft = self._start()
        for state, name in (("committee", "武汉江城"), ("approved", "长沙湘江")):
            partner = self.env["res.partner"].create({"name": name, "is_company": True})
            Application.create({"partner_id": partner.id}).write({"state": state})  # superuser sets the scene
        groups = Application.with_user(self.officer).web_read_group([], ["state"], ["state"])["groups"]
        self.assertEqual([group["state"] for group in groups], [state for state, _label in STATES])
        folded = {group["state"] for group in groups if group["__fold"]}
        self.assertEqual(folded, {"contracted", "cancelled"})
        counts = {group["state"]: group["state_count"] for group in groups}
        self.assertEqual((counts["draft"], counts["committee"], counts["approved"]), (1, 1, 1))
        # the pivot of the pipeline (not lazy: no empty stages) keeps the same order
        rows = Application.with_user(self.officer).read_group([], ["state"], ["state"], lazy=False)
        self.assertEqual([row["state"] for row in rows], ["draft", "committee", "approved"])
        self.assertTrue(draft)
        # the days-per-stage report
        self._to_qualified(draft)
        Log = self.env["aftersales.network.stage.log"].with_user(self.officer)
        logged = [state for (state,) in Log._read_group([("application_id", "=", draft.id)], ["state"])]
        self.assertEqual(logged, ["draft", "submitted", "scoring"])

    def test_network_roles_see_the_after_sales_app(self):
        Menu = self.env["ir.ui.menu"]
        root = self.env.ref("aftersales_base.menu_aftersales_root")
        for user in (self.officer, self.manager):
            visible = Menu.with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
            self.assertIn(self.env.ref("aftersales_network.aftersales_network_application_menu").id, visible)
            self.assertIn(self.env.ref("aftersales_network.aftersales_network_application_report_menu").id, visible)
        self.assertIn(
            self.env.ref("aftersales_network.aftersales_network_scorecard_menu").id,
            Menu.with_user(self.manager)._visible_menu_ids(),
        )
