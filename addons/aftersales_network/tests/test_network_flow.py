from odoo import Command
from odoo.tests import Form, TransactionCase, tagged

from .common import PNG, NetworkCommon


@tagged("post_install", "-at_install")
class TestNetworkFlow(NetworkCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_network()

    def test_full_path_from_lead_to_live_dealer(self):
        """A candidate goes from CRM lead to contracted dealer, each step done by the role that owns it."""
        application = self._start()
        self.assertRecordValues(
            application,
            [{"state": "draft", "partner_id": self.candidate.id, "lead_id": self.lead.id, "user_id": self.officer.id}],
        )
        self.assertEqual(len(application.document_ids), 4, "every configured document type is on the checklist")
        self.assertFalse(application.documents_complete)

        # the officer completes the file through the form, then submits
        self._attach_documents(application)
        with Form(application.with_user(self.officer)) as form:
            form.business_licence_no = "91210100MA0XXXXX1K"
            form.legal_representative = "刘华达"
            form.site_area = 3000
            form.investment = 5000000
            form.staff_count = 35
            form.state_id = self.env.ref("base.state_cn_LN", raise_if_not_found=False) or form.state_id
        application.with_user(self.officer).action_submit()
        self.assertEqual(application.state, "submitted")

        evaluation = self._score(application, "application", self.officer, 70)
        self.assertEqual(evaluation.total_score, 70.0)
        self.assertRecordValues(
            application, [{"state": "qualified", "application_score": 70.0, "scorecard_id": self.scorecard.id}]
        )

        application.with_user(self.officer).write(
            {"interviewer_ids": [Command.set([self.officer.id, self.member_1.id])]}
        )
        application.with_user(self.officer).action_plan_visit()
        self.assertEqual(application.state, "visit")
        event = application.visit_event_id
        self.assertTrue(event)
        self.assertIn(self.member_1.partner_id, event.partner_ids)
        self.assertIn(self.officer.partner_id, event.partner_ids)
        self.assertTrue(application.interview_line_ids, "the interview outline is copied from the configuration")
        self._score(application, "interview", self.officer, 80)
        self._score(application, "interview", self.member_1, 60)
        self.assertAlmostEqual(application.interview_score, 70.0)
        application.with_user(self.officer).interview_line_ids[0].is_done = True
        application.with_user(self.officer).interview_record = "<p>场地规范，团队有经验。</p>"
        application.with_user(self.officer).action_to_committee()

        application.with_user(self.member_1).action_vote_approve()
        application.with_user(self.member_2).action_vote_archive()
        application.with_user(self.manager).action_vote_approve()
        self.assertEqual((application.vote_approve_count, application.vote_archive_count), (2, 1))
        application.with_user(self.manager).committee_minutes = "<p>两票同意，一票存档。</p>"
        application.with_user(self.manager).action_committee_decide()
        self.assertRecordValues(application, [{"state": "approved", "committee_decision": "approve"}])

        application.with_user(self.officer).action_issue_intent()
        self.assertEqual(application.state, "intent")
        # (in test mode Odoo renders the HTML of the PDF report)
        content, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "aftersales_network.action_report_network_intent", application.intent_id.ids
        )
        self.assertIn(application.intent_id.name, content.decode())
        self.assertIn(self.candidate.name, content.decode())

        # the candidate signs on the portal (route tested in test_network_portal); starter orders follow
        application.sudo().action_sign_intent("刘华达", __import__("base64").b64encode(PNG))
        self.assertRecordValues(application.intent_id, [{"state": "signed", "signed_by": "刘华达"}])
        self.assertEqual(application.state, "orders")
        orders = application.starter_order_ids
        self.assertRecordValues(
            orders.sorted("network_department"),
            [
                {"partner_id": self.candidate.id, "state": "sale", "network_department": "aftersales"},
                {"partner_id": self.candidate.id, "state": "sale", "network_department": "marketing"},
                {"partner_id": self.candidate.id, "state": "sale", "network_department": "parts"},
            ],
        )
        self.assertEqual(application.starter_delivery_status, "pending")
        self._deliver(application)
        self.assertEqual(application.starter_delivery_status, "full")
        self.assertRecordValues(
            orders.order_line.move_ids.sorted("product_uom_qty"),
            [
                {"product_id": self.tool.id, "product_uom_qty": 1.0, "quantity": 1.0, "state": "done"},
                {"product_id": self.sign.id, "product_uom_qty": 1.0, "quantity": 1.0, "state": "done"},
                {"product_id": self.part.id, "product_uom_qty": 100.0, "quantity": 100.0, "state": "done"},
            ],
        )

        application.with_user(self.officer).action_request_acceptance()
        inspection = self._score(application, "acceptance", self.officer, 90)
        self.assertTrue(inspection.passed)
        self.assertTrue(application.acceptance_passed)
        application.with_user(self.manager).action_contract()
        self.assertEqual(application.state, "contracted")
        self.assertTrue(application.contract_number)
        self.assertTrue(application.contract_date_end > application.contract_date_start)
        self.assertRecordValues(self.candidate, [{"is_network_dealer": True}])
        self.assertTrue(self.candidate.network_code.startswith("SC"))
        self.assertEqual(self.lead.probability, 100, "the lead is won with the contract")
        portal_user = self.candidate_contact.user_ids
        self.assertTrue(portal_user, "the candidate's contacts are invited to the portal")
        self.assertTrue(portal_user.has_group("base.group_portal"))
        # the stage history feeds the days-per-stage report
        self.assertIn("committee", application.stage_log_ids.mapped("state"))

    def test_low_score_goes_to_reserve_and_reopens(self):
        """Below the threshold the application goes to reserve and the lead is lost; re-opening revives both."""
        application = self._start()
        self._to_qualified(application, points=50)
        self.assertEqual(application.state, "reserve")
        self.assertFalse(self.lead.active)
        self.assertEqual(self.lead.lost_reason_id, self.env.ref("aftersales_network.crm_lost_reason_reserve"))
        reserve = self.env["aftersales.network.application"].search([("state", "=", "reserve")])
        self.assertIn(application, reserve, "the reserve pool is searchable")
        application.with_user(self.officer).action_reopen()
        self.assertEqual(application.state, "draft")
        self.assertTrue(self.lead.active)
        application.with_user(self.officer).action_submit()
        self._score(application, "application", self.officer, 90)
        self.assertEqual(application.state, "qualified", "the same officer may score the re-opened application")

    def test_threshold_is_the_company_setting(self):
        """A company raising the threshold to 75 sends a 70-point application to reserve."""
        self.company.as_application_threshold = 75
        application = self._start()
        self._to_qualified(application, points=70)
        self.assertEqual(application.state, "reserve")
        self.assertEqual(application.qualifying_score, 75)

    def test_scorecard_version_is_kept(self):
        """A new scorecard version does not change the version an application was scored with."""
        application = self._start()
        self._to_qualified(application)
        new_version = self.scorecard.copy({"version": "T2"})
        self.assertEqual(self.env["aftersales.network.scorecard"]._get_current("application"), new_version)
        self.assertEqual(application.scorecard_id, self.scorecard)

    def test_failed_acceptance_rectification_then_pass(self):
        """A failed acceptance sets a rectification deadline with an activity; the re-inspection can pass."""
        application = self._start()
        self._to_acceptance(application)
        self._score(application, "acceptance", self.officer, 50)
        self.assertEqual(application.state, "rectification")
        self.assertTrue(application.rectification_deadline)
        self.assertTrue(
            application.activity_ids.filtered(lambda a: a.date_deadline == application.rectification_deadline)
        )
        application.with_user(self.officer).action_reinspect()
        self._score(application, "acceptance", self.officer, 85)
        application.with_user(self.manager).action_contract()
        self.assertEqual(application.state, "contracted")

    def test_two_failed_acceptances_cancel_the_cooperation(self):
        """The second failed acceptance cancels the cooperation and loses the lead."""
        application = self._start()
        self._to_acceptance(application)
        self._score(application, "acceptance", self.officer, 50)
        application.with_user(self.officer).action_reinspect()
        self._score(application, "acceptance", self.officer, 40)
        self.assertEqual(application.state, "cancelled")
        self.assertEqual(application.failed_inspection_count, 2)
        self.assertFalse(self.lead.active)
        self.assertEqual(self.lead.lost_reason_id, self.env.ref("aftersales_network.crm_lost_reason_acceptance"))

    def test_dealer_flying_inspection_with_penalty(self):
        """A live dealer gets an unannounced inspection with a score and a penalty."""
        evaluation_card = self.env["aftersales.network.scorecard"].create(
            {
                "name": "飞行检查标准",
                "version": "T1",
                "kind": "evaluation",
                "pass_score": 80,
                "criterion_ids": [Command.create({"group_name": "服务", "name": "接待流程", "max_points": 100})],
            }
        )
        self.candidate.is_network_dealer = True
        with Form(self.env["aftersales.network.evaluation"].with_user(self.officer)) as form:
            form.kind = "flying"
            form.partner_id = self.candidate
            self.assertEqual(form.scorecard_id, evaluation_card)
            with form.line_ids.edit(0) as line:
                line.points = 60
            form.penalty_amount = 2000
        evaluation = form.record
        evaluation.action_confirm()
        self.assertRecordValues(
            evaluation, [{"state": "done", "total_score": 60, "passed": False, "penalty_amount": 2000}]
        )
        self.assertEqual(self.candidate.network_evaluation_count, 1)

    def test_stage_days_xlsx(self):
        """The days-per-stage workbook renders from the stage history."""
        application = self._start()
        self._to_qualified(application)
        content, report_type = self.env["ir.actions.report"]._render(
            "aftersales_network.action_report_network_stage_days_xlsx", application.ids
        )
        self.assertEqual(report_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_cron_opens_periodic_evaluations_when_due(self):
        """The weekly job opens one periodic evaluation per live dealer when due, and not twice."""
        self.env["aftersales.network.scorecard"].create(
            {
                "name": "考核标准",
                "version": "T9",
                "kind": "evaluation",
                "criterion_ids": [Command.create({"group_name": "服务", "name": "接待", "max_points": 100})],
            }
        )
        application = self._start()
        self._to_acceptance(application)
        self._score(application, "acceptance", self.officer, 90)
        application.with_user(self.manager).action_contract()
        Evaluation = self.env["aftersales.network.evaluation"]
        Evaluation._cron_schedule_periodic_evaluations()
        sheets = Evaluation.search([("partner_id", "=", self.candidate.id), ("kind", "=", "periodic")])
        self.assertRecordValues(sheets, [{"state": "draft", "scorer_id": self.officer.id}])
        self.assertTrue(sheets.activity_ids)
        Evaluation._cron_schedule_periodic_evaluations()
        domain = [("partner_id", "=", self.candidate.id), ("kind", "=", "periodic")]
        self.assertEqual(Evaluation.search_count(domain), 1)

    def test_every_menu_view_opens_for_each_role(self):
        """Each role opens the views of the addon's actions (catches fields hidden from a group)."""
        actions = [
            "aftersales_network.aftersales_network_application_action",
            "aftersales_network.aftersales_network_application_report_action",
            "aftersales_network.aftersales_network_evaluation_dealer_action",
            "aftersales_network.aftersales_network_intent_action",
            "aftersales_network.aftersales_network_stage_log_action",
            "aftersales_network.crm_lead_dealer_network_action",
            "aftersales_network.res_partner_dealer_action",
        ]
        for user in (self.officer, self.member_1, self.manager):
            for xmlid in actions:
                action = self.env.ref(xmlid)
                Model = self.env[action.res_model].with_user(user)
                views = Model.get_views([(False, mode) for mode in action.view_mode.split(",")], {"search": True})
                self.assertTrue(views["views"], xmlid)
                Model.search_read([], ["display_name"], limit=5)
        lead_action = self.env.ref("aftersales_network.crm_lead_dealer_network_action")
        self.assertIn(str(self.team.id), lead_action.domain)
