from datetime import date

from freezegun import freeze_time

from odoo.addons.aftersales_base.tests.cron_common import run_one_cron_batch, set_cron_batch_size
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..models.aftersales_quality_info import LEVEL_CRITERIA
from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestQualityInfo(FollowupCommon):
    def setUp(self):
        super().setUp()
        self.dealer = self.env["res.partner"].create({"name": "沈阳金杯特约服务中心", "is_company": True})
        self.part = self.env["product.product"].create({"name": "变速箱总成", "default_code": "TM-001"})

    def _info(self, **vals):
        values = {
            "partner_id": self.dealer.id,
            "title": "变速箱异响",
            "description": "行驶中变速箱异响",
            "info_type": "major",
            "vin": "lsvau218xn2183294",
            "product_id": self.part.id,
            "claim_ref": "SP2026-00012",
        }
        values.update(vals)
        return self.env["aftersales.quality.info"].with_user(self.officer).create(values)

    def test_every_criterion_sets_its_level(self):
        """Any one criterion of the seed sets the level; the highest one wins."""
        for level, criteria in LEVEL_CRITERIA.items():
            for criterion in criteria:
                with self.subTest(criterion=criterion):
                    self.assertEqual(self._info(**{criterion: True}).proposed_level, level)
        both = self._info(c1_media=True, c3_breakdown=True)
        self.assertEqual(both.proposed_level, "1")
        self.assertFalse(self._info().proposed_level)
        # Every criterion proposes its level whatever the type reported (issue 14).
        self.assertEqual(self._info(info_type="important", c1_injury=True).proposed_level, "1")
        self.assertEqual(self._info(info_type="general", c3_breakdown=True).proposed_level, "3")

    def test_compensation_demand_amounts_come_from_settings(self):
        self.assertEqual(self._info(compensation_demand=50000).proposed_level, "2")
        self.assertEqual(self._info(compensation_demand=49999).proposed_level, "3")
        self.assertEqual(self._info(compensation_demand=10000).proposed_level, "3")
        self.assertFalse(self._info(compensation_demand=9999).proposed_level)
        self.company.as_quality_level3_amount = 5000
        self.assertEqual(self._info(compensation_demand=9999).proposed_level, "3")

    def test_traceable_to_vin_part_and_claim(self):
        self.vehicle.vin_sn = "LSVAU218XN2183294"
        info = self._info()
        self.assertEqual(info.vin, "LSVAU218XN2183294")
        self.assertEqual(info.vehicle_id, self.vehicle)
        Info = self.env["aftersales.quality.info"]
        self.assertIn(info, Info.search([("product_id", "=", self.part.id), ("claim_ref", "=", "SP2026-00012")]))

    @freeze_time("2026-03-06 09:00:00")  # a Friday
    def test_level_1_qa_sends_technical_support_at_once(self):
        info = self._info(c1_injury=True)
        info.action_submit()
        with self.assertRaises(AccessError):
            info.with_user(self.qa).action_confirm()  # after-sales confirms, not QA
        info.with_user(self.manager).action_confirm()
        self.assertRecordValues(
            info,
            [{"level": "1", "level_confirmed": True, "state": "confirmed", "qa_deadline": date(2026, 3, 10)}],
        )
        qa_activity = info.activity_ids.filtered(lambda a: a.user_id == self.qa)
        self.assertEqual(qa_activity.date_deadline, date(2026, 3, 6), "level 1: at once")
        info.qa_analysis = "线束磨损导致短路"
        with self.assertRaisesRegex(UserError, "technical support"):
            info.with_user(self.qa).action_analyse()
        with self.assertRaises(AccessError):
            info.with_user(self.officer).action_analyse()
        info.technical_support_sent = True
        info.with_user(self.qa).action_analyse()
        self.assertEqual(info.reply_deadline, date(2026, 3, 9), "one working day after: Monday, not Saturday")

    @freeze_time("2026-03-02 09:00:00")
    def test_level_2_qa_proposes_measures(self):
        info = self._info(c2_hurts_sales=True)
        info.action_submit()
        info.with_user(self.manager).action_confirm()
        info.qa_analysis = "批次性装配问题"
        with self.assertRaisesRegex(UserError, "measures"):
            info.with_user(self.qa).action_analyse()
        info.measures = "召回同批次车辆检查"
        info.with_user(self.qa).action_analyse()
        self.assertEqual(info.state, "analysed")

    @freeze_time("2026-03-02 09:00:00")
    def test_level_3_after_sales_informs_qa_and_handles(self):
        info = self._info(c3_breakdown=True)
        info.action_submit()
        info.with_user(self.manager).action_confirm()
        self.assertTrue(info.qa_informed)
        self.assertEqual(info.level, "3")

    def test_major_without_criterion_cannot_be_confirmed(self):
        info = self._info()
        info.action_submit()
        with self.assertRaises(UserError):
            info.with_user(self.manager).action_confirm()

    def test_lowering_a_confirmed_level_needs_a_reason(self):
        info = self._info(c2_accident=True)
        info.action_submit()
        manager_info = info.with_user(self.manager)
        manager_info.action_confirm()
        manager_info.new_level = "3"
        with self.assertRaisesRegex(UserError, "reason"):
            manager_info.action_change_level()
        self.env["res.lang"]._activate_lang("zh_CN")
        manager_info.new_level = "0"  # no level at all
        with self.assertRaises(UserError):
            manager_info.with_context(lang="zh_CN").action_change_level()
        manager_info.new_level = "1"
        manager_info.action_change_level()  # raising needs no reason
        self.assertEqual(info.level, "1")
        manager_info.write({"new_level": "3", "level_change_reason": "复核后确认仅为单车故障"})
        manager_info.action_change_level()
        self.assertEqual(info.level, "3")
        self.assertIn("复核后确认仅为单车故障", info.message_ids[0].body)

    def test_clocks_escalate_late_information(self):
        """QA analysis within 2 working days, reply 1 working day after; the cron escalates what is late."""
        with freeze_time("2026-03-02 09:00:00"):  # Monday
            info = self._info(info_type="important")
            info.action_submit()
            info.with_user(self.manager).action_confirm()
            self.assertEqual(info.qa_deadline, date(2026, 3, 4))
        Info = self.env["aftersales.quality.info"]
        with freeze_time("2026-03-04 18:00:00"):
            self.assertEqual(Info._cron_escalate_late(), 0)
        with freeze_time("2026-03-05 08:00:00"):
            self.assertEqual(Info._cron_escalate_late(), 1)
            self.assertEqual(Info._cron_escalate_late(), 0, "once a day")
            self.assertTrue(info.activity_ids.filtered(lambda a: a.user_id == self.manager))
            info.qa_analysis = "分析完成"
            info.with_user(self.qa).action_analyse()
            self.assertEqual(info.reply_deadline, date(2026, 3, 6))
        with freeze_time("2026-03-09 08:00:00"):
            self.assertEqual(Info._cron_escalate_late(), 1)
            self.assertEqual(info.escalation_count, 2)
            info.reply = "请按技术通报TSB-2026-03处理"
            info.action_reply()
            info.result = "已处理"
            info.action_close()
            self.assertEqual(Info._cron_escalate_late(), 0)

    def test_clocks_per_type_follow_settings(self):
        self.company.as_qi_general_qa_days = 5
        with freeze_time("2026-03-02 09:00:00"):
            info = self._info(info_type="general")
            info.action_submit()
            info.with_user(self.manager).action_confirm()
        self.assertEqual(info.qa_deadline, date(2026, 3, 9))

    def test_daily_major_report_mailed_with_pdf_and_xlsx(self):
        info = self._info(c1_media=True)
        info.action_submit()
        mail = self.env["aftersales.quality.info"]._cron_daily_major_report()
        self.assertIn(self.manager.partner_id, mail.recipient_ids)
        names = mail.attachment_ids.mapped("name")
        self.assertTrue(any(n.endswith(".pdf") for n in names))
        xlsx = mail.attachment_ids.filtered(lambda a: a.name.endswith(".xlsx"))
        self.assertTrue(xlsx.raw.startswith(b"PK"), "an xlsx file is a zip archive")

    def test_quality_officer_reports_through_the_form(self):
        form = Form(self.env["aftersales.quality.info"].with_user(self.officer))
        form.partner_id = self.dealer
        form.title = "仪表盘黑屏"
        form.description = "冷车启动时仪表盘黑屏"
        form.info_type = "major"
        form.c3_quality_complaints = True
        info = form.save()
        self.assertEqual(info.proposed_level, "3")
        self.assertTrue(info.name.startswith("ZL"))

    def test_general_information_upload_deadline(self):
        """General information (routine repair data) is uploaded within the set days after the repair."""
        with freeze_time("2026-03-10 09:00:00"):
            on_time = self._info(info_type="general", occurred_date=date(2026, 3, 6))
            late = self._info(info_type="general", occurred_date=date(2026, 3, 2))
            (on_time | late).action_submit()
        self.assertEqual(on_time.upload_deadline, date(2026, 3, 11))
        self.assertFalse(on_time.uploaded_late)
        self.assertTrue(late.uploaded_late)

    def test_upload_deadline_is_the_dealers_day(self):
        """Uploaded at 07:30 in Shanghai the day after the deadline (23:30 UTC on the deadline) is late."""
        with freeze_time("2026-03-11 23:30:00"):
            info = self._info(info_type="general", occurred_date=date(2026, 3, 6))
            info.action_submit()
        self.assertEqual(info.upload_deadline, date(2026, 3, 11))
        self.assertTrue(info.uploaded_late)

    def test_complaint_reported_as_quality_information(self):
        """A product complaint becomes quality information traceable to the VIN and back to the complaint."""
        self.vehicle.vin_sn = "LSVAU218XN2183294"
        complaint = self.env["aftersales.complaint"].create(
            {
                "partner_id": self.customer.id,
                "vehicle_id": self.vehicle.id,
                "description": "仪表盘频繁黑屏",
                "service_center_id": self.dealer.id,
                "is_major": True,
            }
        )
        complaint.with_user(self.officer).action_report_quality_info()
        info = complaint.quality_info_id
        self.assertRecordValues(
            info,
            [
                {
                    "partner_id": self.dealer.id,
                    "customer_id": self.customer.id,
                    "vin": "LSVAU218XN2183294",
                    "vehicle_id": self.vehicle.id,
                    "info_type": "major",
                    "complaint_id": complaint.id,
                }
            ],
        )
        with self.assertRaises(UserError):
            complaint.with_user(self.officer).action_report_quality_info()

    def test_escalation_cron_resumes_after_one_batch_and_the_daily_report_goes_once(self):
        with freeze_time("2026-03-02 09:00:00"):  # Monday
            infos = self.env["aftersales.quality.info"]
            for _i in range(3):
                info = self._info(info_type="important")
                info.action_submit()
                info.with_user(self.manager).action_confirm()
                infos |= info
        Info = self.env["aftersales.quality.info"]
        Info.search([("id", "not in", infos.ids)]).write({"last_escalation_date": date(2026, 3, 5)})
        set_cron_batch_size(self.env, 2)
        cron = "aftersales_followup.ir_cron_escalate_quality"
        with freeze_time("2026-03-05 08:00:00"):
            first = run_one_cron_batch(self.env, cron, "_cron_escalate_late")
            self.assertEqual((first.done, first.remaining), (2, 1))
            second = run_one_cron_batch(self.env, cron, "_cron_escalate_late")
            self.assertEqual((second.done, second.remaining), (1, 0))
            self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_escalate_late").done, 0, "once a day")
        self.assertEqual(infos.mapped("escalation_count"), [1, 1, 1])

        # The daily report: a restarted cron finds the day marked with the mail and sends nothing more.
        self._info(c1_media=True).action_submit()  # a major one is open
        cron = "aftersales_followup.ir_cron_daily_major_report"
        Mail = self.env["mail.mail"]
        before = Mail.search_count([])
        run_one_cron_batch(self.env, cron, "_cron_daily_major_report")
        self.assertEqual(Mail.search_count([]), before + 1)
        run_one_cron_batch(self.env, cron, "_cron_daily_major_report")
        self.assertFalse(Info._cron_daily_major_report())
        self.assertEqual(Mail.search_count([]), before + 1, "mailed once a day")
