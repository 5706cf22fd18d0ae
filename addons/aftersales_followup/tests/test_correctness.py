from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupCorrectness(FollowupCommon):
    """Issue 14 (follow-up part) and issue 12 (who gets the calls), the way the users go."""

    def setUp(self):
        super().setUp()
        self.dealer = self.env["res.partner"].create({"name": "抚顺特约服务中心", "is_company": True})

    def _info(self, **vals):
        values = {"partner_id": self.dealer.id, "title": "行驶中失控", "description": "客户受伤送医"}
        values.update(vals)
        info = self.env["aftersales.quality.info"].with_user(self.officer).create(values)
        info.action_submit()
        return info

    @freeze_time("2026-05-10 09:00:00")
    def test_campaign_call_for_an_event_less_than_14_days_away_is_due_today(self):
        campaign = (
            self.env["aftersales.campaign"]
            .with_user(self.supervisor)
            .create({"name": "端午节保养优惠", "event_date": date(2026, 5, 15), "user_id": self.clerk.id})
        )
        campaign.vehicle_ids = self.vehicle
        campaign.action_schedule_calls()
        self.assertRecordValues(
            campaign.followup_ids, [{"date_from": date(2026, 5, 10), "date_deadline": date(2026, 5, 10)}]
        )
        self.assertFalse(campaign.followup_ids.is_late, "a call due today is not late on its first day")

    def test_injury_reported_as_important_gets_level_1(self):
        info = self._info(info_type="important", c1_injury=True)
        self.assertEqual(info.proposed_level, "1")
        info.with_user(self.manager).action_confirm()
        self.assertRecordValues(info, [{"level": "1", "level_confirmed": True, "info_type": "major"}])

    def test_injury_case_confirmed_below_its_level_needs_a_reason(self):
        info = self._info(info_type="major", c1_injury=True)
        manager_info = info.with_user(self.manager)
        manager_info.level = "3"
        with self.assertRaisesRegex(UserError, "reason"):
            manager_info.action_confirm()
        self.assertEqual(info.state, "submitted")
        manager_info.level_change_reason = "伤者为驾驶员违规操作所致，与质量无关"
        manager_info.action_confirm()
        self.assertRecordValues(info, [{"state": "confirmed", "level": "3"}])
        self.assertIn("违规操作", info.message_ids.mapped("body")[1] + info.message_ids.mapped("body")[0])

    def test_compensation_demand_proposes_a_level_whatever_the_type(self):
        self.assertEqual(self._info(info_type="general", compensation_demand=60000).proposed_level, "2")

    def test_workshop_dashboard_shows_csi_against_93_percent(self):
        survey = self.env.ref("aftersales_followup.survey_satisfaction")
        self.company.as_survey_id = survey
        with freeze_time("2026-03-10 09:00:00"):
            orders = self._ready_order() | self._ready_order()
            orders.write({"reception_date": datetime(2026, 3, 9, 9, 0)})
            orders.with_user(self.advisor).action_deliver()
            for order, index in zip(orders, (0, 1), strict=True):  # 100 % and 80 %
                answer = order.survey_input_ids
                for question in survey.question_ids:
                    answer._save_lines(question, question.suggested_answer_ids.sorted("sequence")[index].id)
                answer._mark_done()
            manager = self.env["res.users"].create(
                {
                    "name": "车间经理",
                    "login": "fu_ws_manager",
                    "groups_id": [(6, 0, self.env.ref("aftersales_base.group_aftersales_manager").ids)],
                }
            )
            dashboard = self.env["aftersales.dashboard"].with_user(manager).create({})
            self.assertRecordValues(dashboard, [{"csi_rate": 90.0, "csi_target": 93.0, "csi_answers": 2}])

    @freeze_time("2026-03-02 09:00:00")
    def test_first_call_goes_to_a_follow_up_clerk_not_the_advisor(self):
        """No clerk set in Settings: the call goes to a user with the follow-up menu, never the advisor."""
        self.company.as_followup_user_id = False
        order = self._ready_order()
        order.with_user(self.advisor).action_deliver()
        call = order.followup_ids
        self.assertTrue(call.user_id.has_group("aftersales_followup.group_aftersales_followup_clerk"))
        self.assertNotEqual(call.user_id, self.advisor)
        # A clerk set in Settings who lost the follow-up group gets no more calls either.
        self.company.as_followup_user_id = self.advisor
        order2 = self._ready_order()
        order2.with_user(self.advisor).action_deliver()
        self.assertNotEqual(order2.followup_ids.user_id, self.advisor)
        # The clerk who got it can work it.
        call.with_user(call.user_id).action_log_call()
        self.assertEqual(call.state, "done")

    def test_follow_up_clerk_sees_the_after_sales_app(self):
        menus = self.env["ir.ui.menu"].with_user(self.clerk).load_menus(debug=False)
        root = self.env.ref("aftersales_base.menu_aftersales_root")
        self.assertIn(root.id, menus["root"]["children"])
        self.assertIn(self.env.ref("aftersales_followup.aftersales_followup_menu").id, menus)
        self.assertIn(self.env.ref("aftersales_followup.aftersales_complaint_menu").id, menus)


@tagged("post_install", "-at_install")
class TestFollowupDemo(TransactionCase):
    """The demo's calls, complaints and quality records belong to the Chinese demo team."""

    def test_demo_documents_belong_to_the_follow_up_team(self):
        clerk = self.env.ref("aftersales_followup.demo_user_followup_clerk", raise_if_not_found=False)
        if not clerk:
            self.skipTest("demo data not installed")
        self.assertRecordValues(clerk, [{"login": "sunli", "tz": "Asia/Shanghai", "lang": "zh_CN"}])
        strangers = self.env.ref("base.user_demo", raise_if_not_found=False) | self.env.ref("base.user_root")
        strangers |= self.env.ref("base.user_admin")
        demo = self.env["ir.model.data"].search(
            [
                ("module", "=", "aftersales_followup"),
                ("model", "in", ("aftersales.followup", "aftersales.complaint", "aftersales.quality.info")),
            ]
        )
        self.assertTrue(demo)
        for data in demo:
            record = self.env[data.model].browse(data.res_id)
            with self.subTest(record=data.name):
                self.assertTrue(record.user_id, "assigned")
                self.assertNotIn(record.user_id, strangers)
                self.assertRegex(record.user_id.name, r"[\u4e00-\u9fff]", "a Chinese name")
                self.assertTrue(record.user_id.has_group("base.group_user"))
        calls = self.env["aftersales.followup"].browse(
            demo.filtered(lambda d: d.model == "aftersales.followup").mapped("res_id")
        )
        for call in calls:
            self.assertTrue(call.user_id.has_group("aftersales_followup.group_aftersales_followup_clerk"))
        company = self.env.ref("base.main_company")
        self.assertEqual(company.as_followup_user_id, clerk)
