import base64
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestComplaint(FollowupCommon):
    def setUp(self):
        super().setUp()
        self.cause = self.env.ref("aftersales_followup.complaint_cause_repair")

    def _complaint(self, **vals):
        form = Form(self.env["aftersales.complaint"].with_user(self.clerk))
        form.partner_id = self.customer
        form.vehicle_id = self.vehicle
        form.description = vals.pop("description", "更换刹车片后仍有异响")
        complaint = form.save()
        if vals:
            complaint.write(vals)
        return complaint

    def test_five_steps_as_the_clerk(self):
        """Received -> cause analysed -> solved and told -> tracked -> feedback and satisfaction."""
        complaint = self._complaint()
        self.assertTrue(complaint.name.startswith("TS"))
        self.assertEqual(complaint.state, "received")
        with self.assertRaises(UserError):
            complaint.action_analyse()  # no cause yet
        complaint.write({"cause_id": self.cause.id, "cause_analysis": "刹车片安装未涂抹消音膏"})
        complaint.action_analyse()
        with self.assertRaises(UserError):
            complaint.action_solve()  # no solution yet
        complaint.solution = "免费返修并涂抹消音膏"
        complaint.action_solve()
        self.assertTrue(complaint.customer_told_date)
        complaint.tracking_note = "一周后回访，异响消失"
        complaint.action_track()
        with self.assertRaisesRegex(UserError, "feedback"):
            complaint.action_close()
        complaint.write({"feedback": "客户表示满意", "satisfaction": "satisfied"})
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")

    def test_closing_without_feedback_is_refused_in_chinese(self):
        complaint = self._complaint(cause_id=self.cause.id, cause_analysis="x", solution="y", tracking_note="z")
        complaint.action_analyse()
        complaint.action_solve()
        complaint.action_track()
        complaint.feedback = "客户满意"
        self.env["res.lang"]._activate_lang("zh_CN")
        with self.assertRaises(UserError) as err:
            complaint.with_context(lang="zh_CN").with_user(self.clerk).action_close()
        self.assertIn(complaint.name, str(err.exception))

    def test_steps_cannot_be_skipped(self):
        complaint = self._complaint(feedback="ok", satisfaction="satisfied")
        with self.assertRaises(UserError):
            complaint.action_close()
        with self.assertRaises(UserError):
            complaint.action_track()

    @freeze_time("2026-03-02 09:00:00")
    def test_deadline_and_late_list(self):
        complaint = self._complaint()
        self.assertEqual(str(complaint.date_deadline), "2026-03-05")
        with freeze_time("2026-03-06 09:00:00"):
            self.assertTrue(complaint.is_late)
            self.assertIn(complaint, self.env["aftersales.complaint"].search([("is_late", "=", True)]))

    @freeze_time("2026-03-01 23:30:00")
    def test_deadline_counts_from_the_dealers_day(self):
        """At 07:30 in Shanghai on 2 March (23:30 UTC on the 1st) the complaint is received on the 2nd."""
        self.assertEqual(self.company._as_tz(), "Asia/Shanghai")
        self.assertEqual(str(self._complaint().date_deadline), "2026-03-05")

    def test_major_complaint_task_force_on_site_same_day_with_agreement(self):
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._complaint(description="车辆行驶中起火，客户要求退车", is_major=True)
            complaint.write({"cause_id": self.cause.id, "cause_analysis": "线束短路"})
            complaint.action_analyse()
            with self.assertRaises(UserError):
                complaint.action_form_taskforce()
            complaint.write(
                {
                    "taskforce_quality_id": self.qa.id,
                    "taskforce_pr_id": self.supervisor.id,
                    "taskforce_finance_id": self.manager.id,
                    "taskforce_legal_id": self.officer.id,
                }
            )
            complaint.action_form_taskforce()
            self.assertEqual(len(complaint.activity_ids), 4)
            complaint.write({"solution": "协商更换同款新车", "responsibility": "线束供应商承担"})
            with self.assertRaises(UserError):
                complaint.action_solve()  # no on-site date, no agreement
            complaint.write(
                {
                    "onsite_date": datetime(2026, 3, 3, 10, 0),
                    "agreement": base64.b64encode(b"%PDF agreement"),
                    "agreement_filename": "协议书.pdf",
                }
            )
            with self.assertRaisesRegex(UserError, "same day|on site"):
                complaint.action_solve()  # the next day is too late
            # 17:00 UTC on the 2nd is 01:00 on the 3rd in China: the next day there, though the same day in UTC.
            complaint.onsite_date = datetime(2026, 3, 2, 17, 0)
            with self.assertRaisesRegex(UserError, "same day|on site"):
                complaint.with_context(tz="Asia/Shanghai").action_solve()
            complaint.onsite_date = datetime(2026, 3, 2, 15, 0)
            complaint.with_context(tz="Asia/Shanghai").action_solve()
        self.assertEqual(complaint.state, "solved")

    def test_major_complaint_report_goes_to_qa_and_management(self):
        complaint = self._complaint(description="媒体已介入的批量投诉")
        complaint.with_user(self.supervisor).action_report_major()
        self.assertTrue(complaint.is_major)
        users = complaint.activity_ids.user_id
        self.assertIn(self.qa, users)
        self.assertIn(self.manager, users)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_followup.action_report_major_complaint", complaint.ids
        )
        self.assertIn(complaint.name, html.decode())

    def test_hotline_pending_ticket_and_receipt(self):
        """OEM hotline: the call becomes a pending ticket; the result goes back to the centre and customer."""
        dealer = self.env["res.partner"].create({"name": "广州某4S店", "is_company": True})
        call = self.env["aftersales.followup"].create(
            {
                "partner_id": self.customer.id,
                "call_type": "hotline",
                "subject": "索赔被拒",
                "open_issue": "客户认为变速箱故障应在保修期内",
            }
        )
        call.action_create_complaint()
        ticket = call.complaint_id
        ticket.service_center_id = dealer
        self.assertTrue(ticket.is_pending_ticket)
        ticket.write({"cause_id": self.cause.id, "cause_analysis": "保修起始日期录入错误", "solution": "按保修处理"})
        ticket.action_analyse()
        ticket.action_solve()
        self.assertFalse(ticket.is_pending_ticket)
        ticket.action_send_receipt()
        self.assertTrue(ticket.receipt_date)
        message = ticket.message_ids.filtered(lambda m: dealer in m.partner_ids)
        self.assertTrue(message)
        html, _fmt = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_followup.action_report_daily_calls", call.ids
        )
        self.assertIn(call.name, html.decode())


@tagged("post_install", "-at_install")
class TestFollowupClerkTour(HttpCase):
    """Tours as the follow-up clerk (not admin): log a call result, register a complaint and move it on."""

    def test_clerk_logs_a_call_and_handles_a_complaint_in_the_browser(self):
        clerk = new_test_user(
            self.env,
            login="tour_fu_clerk",
            password="tour_fu_clerk",
            name="回访员小周",
            groups="aftersales_followup.group_aftersales_followup_clerk",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )
        self.env.company.as_followup_user_id = clerk
        customer = self.env["res.partner"].create({"name": "投诉客户周", "phone": "13600001111"})
        call = self.env["aftersales.followup"].create(
            {"partner_id": customer.id, "call_type": "first", "user_id": clerk.id}
        )
        self.start_tour(
            f"/odoo/action-aftersales_followup.aftersales_followup_action/{call.id}",
            "aftersales_followup_clerk_call",
            login="tour_fu_clerk",
        )
        self.assertRecordValues(
            call, [{"state": "done", "reached": True, "service_opinion": "satisfied", "attempt_count": 1}]
        )
        self.start_tour(
            "/odoo/action-aftersales_followup.aftersales_complaint_action/new",
            "aftersales_followup_clerk_complaint",
            login="tour_fu_clerk",
        )
        complaint = self.env["aftersales.complaint"].search([("partner_id", "=", customer.id)])
        self.assertRecordValues(
            complaint,
            [
                {
                    "state": "analysed",
                    "user_id": clerk.id,
                    "cause_id": self.env.ref("aftersales_followup.complaint_cause_repair").id,
                }
            ],
        )
