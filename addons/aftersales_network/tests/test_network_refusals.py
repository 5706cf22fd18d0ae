import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import COMMITTEE, PNG, NetworkCommon


@tagged("post_install", "-at_install")
class TestNetworkRefusals(NetworkCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_network()

    def test_submit_refused_while_a_required_document_is_missing(self):
        application = self._start()
        self._fill(application)
        with self.assertRaisesRegex(UserError, "required documents are missing"):
            application.with_user(self.officer).action_submit()
        self._attach_documents(application)
        application.with_user(self.officer).action_submit()
        self.assertEqual(application.state, "submitted")

    def test_no_committee_before_the_site_visit(self):
        application = self._start()
        self._to_qualified(application)
        with self.assertRaisesRegex(UserError, "only possible from"):
            application.with_user(self.officer).action_to_committee()
        application.with_user(self.officer).write({"interviewer_ids": [Command.set([self.officer.id])]})
        application.with_user(self.officer).action_plan_visit()
        with self.assertRaisesRegex(UserError, "only after the site visit and its interview"):
            application.with_user(self.officer).action_to_committee()

    def test_no_contract_before_a_passed_acceptance(self):
        application = self._start()
        self._to_acceptance(application)
        with self.assertRaisesRegex(UserError, "no passed acceptance inspection"):
            application.with_user(self.manager).action_contract()
        with self.assertRaises(UserError):
            application.with_user(self.officer).action_contract()  # officers never sign contracts

    def test_acceptance_refused_before_delivery(self):
        application = self._start()
        self._to_intent(application)
        application.sudo().action_sign_intent("刘华达", base64.b64encode(PNG))
        with self.assertRaisesRegex(UserError, "not delivered yet"):
            application.with_user(self.officer).action_request_acceptance()

    def test_scoring_a_reserve_application_is_refused(self):
        application = self._start()
        self._to_qualified(application, points=40)
        self.assertEqual(application.state, "reserve")
        with self.assertRaisesRegex(UserError, "reserve pool"):
            application.with_user(self.officer).action_start_scoring()

    def test_nobody_scores_twice(self):
        application = self._start()
        self._fill(application)
        self._attach_documents(application)
        application.with_user(self.officer).action_submit()
        application.with_user(self.officer).action_start_scoring()
        with self.assertRaises(ValidationError):
            self.env["aftersales.network.evaluation"].with_user(self.officer).create(
                {"application_id": application.id, "kind": "application"}
            )

    def test_interviewer_scores_the_interview_once(self):
        application = self._start()
        self._to_qualified(application)
        application.with_user(self.officer).write({"interviewer_ids": [Command.set([self.officer.id])]})
        application.with_user(self.officer).action_plan_visit()
        self._score(application, "interview", self.officer, 80)
        with self.assertRaises(ValidationError):
            application.with_user(self.officer).action_score_interview()

    def test_a_third_inspection_is_refused(self):
        self.company.as_acceptance_max_inspections = 2
        application = self._start()
        self._to_acceptance(application)
        self._score(application, "acceptance", self.officer, 50)
        application.with_user(self.officer).action_reinspect()
        self._score(application, "acceptance", self.officer, 40)
        self.assertEqual(application.state, "cancelled")
        with self.assertRaises(UserError):
            application.with_user(self.officer).action_start_inspection()
        with self.assertRaisesRegex(ValidationError, "no further inspection"):
            self.env["aftersales.network.evaluation"].with_user(self.officer).create(
                {"application_id": application.id, "kind": "acceptance"}
            )

    def test_a_signed_letter_cannot_be_edited(self):
        application = self._start()
        self._to_intent(application)
        intent = application.intent_id
        intent.with_user(self.officer).terms = "<p>补充条款</p>"  # still a draft: allowed
        application.sudo().action_sign_intent("刘华达", base64.b64encode(PNG))
        with self.assertRaisesRegex(UserError, "signed and can no longer be edited"):
            intent.with_user(self.officer).terms = "<p>改动</p>"
        with self.assertRaisesRegex(UserError, "signed and can no longer be edited"):
            intent.with_user(self.manager).investment_commitment = 1
        with self.assertRaises(UserError):
            intent.with_user(self.manager).unlink()

    def test_double_vote_is_refused(self):
        application = self._start()
        self._to_committee(application)
        application.with_user(self.member_1).action_vote_approve()
        with self.assertRaisesRegex(UserError, "nobody votes twice"):
            application.with_user(self.member_1).action_vote_archive()

    def test_candidate_contacts_never_vote(self):
        insider = new_test_user(self.env, login="nw_insider", groups=COMMITTEE)
        insider.partner_id.parent_id = self.candidate
        application = self._start()
        self._to_committee(application)
        with self.assertRaisesRegex(ValidationError, "can never vote"):
            application.with_user(insider).action_vote_approve()

    def test_officers_outside_the_committee_cannot_vote(self):
        application = self._start()
        self._to_committee(application)
        with self.assertRaises(AccessError):
            application.with_user(self.officer).action_vote_approve()

    def test_decision_needs_votes_minutes_and_a_manager(self):
        application = self._start()
        self._to_committee(application)
        with self.assertRaisesRegex(UserError, "has voted"):
            application.with_user(self.manager).action_committee_decide()
        application.with_user(self.member_1).action_vote_archive()
        with self.assertRaisesRegex(UserError, "minutes"):
            application.with_user(self.manager).action_committee_decide()
        application.with_user(self.manager).committee_minutes = "<p>存档备选</p>"
        with self.assertRaisesRegex(UserError, "reserved to"):
            application.with_user(self.member_1).action_committee_decide()
        with self.assertRaisesRegex(UserError, "at least 2 votes"):
            application.with_user(self.manager).action_committee_decide()
        self.assertEqual(application.state, "committee", "one vote is not the committee's decision")
        application.with_user(self.member_2).action_vote_archive()
        application.with_user(self.manager).action_committee_decide()
        self.assertEqual(application.state, "reserve", "an archive decision sends the application to reserve")

    def test_points_above_the_maximum_are_refused(self):
        application = self._start()
        self._fill(application)
        self._attach_documents(application)
        application.with_user(self.officer).action_submit()
        action = application.with_user(self.officer).action_start_scoring()
        evaluation = self.env["aftersales.network.evaluation"].with_user(self.officer).browse(action["res_id"])
        with self.assertRaises(ValidationError):
            evaluation.line_ids[0].points = 41

    def test_a_second_application_on_the_same_lead_is_refused(self):
        self._start()
        with self.assertRaisesRegex(UserError, "already has an application"):
            self.lead.with_user(self.officer).action_start_network_application()

    def test_refusals_are_translated(self):
        """A Chinese-speaking committee member reads the double-vote refusal in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "aftersales_network")])._update_translations(["zh_CN"])
        application = self._start()
        self._to_committee(application)
        self.member_1.lang = "zh_CN"
        application.with_user(self.member_1).action_vote_approve()
        with self.assertRaisesRegex(UserError, "不得重复投票"):
            application.with_user(self.member_1).with_context(lang="zh_CN").action_vote_archive()
