from datetime import datetime

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestQualityFeedback(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer = cls.env["res.partner"].create({"name": "沈阳华晨特约服务中心", "is_company": True})
        cls.other_dealer = cls.env["res.partner"].create({"name": "大连金杯特约服务中心", "is_company": True})
        cls.portal = new_test_user(
            cls.env, login="as_dealer_portal", password="as_dealer_portal", groups="base.group_portal"
        )
        cls.portal.partner_id.parent_id = cls.dealer
        if "is_network_dealer" in cls.dealer._fields:  # with the dealer network: a network dealer
            cls.dealer.is_network_dealer = True
        cls.part = cls.env["product.product"].create(
            {"name": "前大灯总成", "default_code": "TST-9901-001", "is_storable": True, "as_is_part": True}
        )
        cls.qa = new_test_user(cls.env, login="as_oem_qa", groups="aftersales_parts.group_aftersales_parts_manager")

    def test_dealer_reports_damage_with_photos_and_qa_answers_in_time(self):
        """A dealer reports a broken headlamp with a photo on the portal; QA decides, the OEM replies."""
        self.authenticate("as_dealer_portal", "as_dealer_portal")
        response = self.url_open(
            "/my/parts/feedback/new",
            data={
                "kind": "damage",
                "description": "开箱发现大灯破裂",
                "part_1": "TST9901001",
                "qty_1": "1",
                "csrf_token": http.Request.csrf_token(self),
            },
            files={"photos": ("lamp.jpg", b"\xff\xd8\xff fake jpeg", "image/jpeg")},
        )
        self.assertEqual(response.status_code, 200)
        feedback = self.env["aftersales.parts.quality.feedback"].search([("partner_id", "=", self.dealer.id)])
        self.assertEqual(len(feedback), 1)
        self.assertRecordValues(feedback.line_ids, [{"product_id": self.part.id, "quantity": 1.0}])
        self.assertTrue(
            self.env["ir.attachment"].search([("res_model", "=", feedback._name), ("res_id", "=", feedback.id)])
        )
        self.assertGreater(feedback.decision_deadline, feedback.report_date)
        with self.assertRaises(UserError):
            feedback.with_user(self.qa).action_decide()
        feedback.with_user(self.qa).write({"cause": "运输挤压", "decision": "补发新件", "responsible": "carrier"})
        feedback.with_user(self.qa).action_decide()
        self.assertTrue(feedback.reply_deadline)
        feedback.with_user(self.qa).reply = "已安排补发，运费由承运商承担。"
        feedback.with_user(self.qa).action_reply()
        self.assertEqual(feedback.state, "replied")

    def test_overdue_report_is_escalated_by_the_cron(self):
        """A report untouched after its 2 working days is escalated to a parts manager."""
        feedback = self.env["aftersales.parts.quality.feedback"].create(
            {"partner_id": self.dealer.id, "description": "缺件两只", "kind": "shortage"}
        )
        feedback.write({"report_date": datetime(2020, 1, 6, 9, 0)})
        self.assertTrue(feedback.is_overdue)
        escalated = self.env["aftersales.parts.quality.feedback"]._cron_escalate_overdue()
        self.assertIn(feedback, escalated)
        self.assertTrue(feedback.escalated)
        self.assertTrue(feedback.activity_ids)

    def test_dealer_sees_only_its_own_reports(self):
        """A portal dealer cannot read another dealer's report."""
        other = self.env["aftersales.parts.quality.feedback"].create(
            {"partner_id": self.other_dealer.id, "description": "破损", "kind": "damage"}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.portal).read(["description"])

    def test_dealer_orders_parts_on_the_portal(self):
        """A dealer's portal order becomes a quotation for the dealer's company."""
        self.authenticate("as_dealer_portal", "as_dealer_portal")
        self.url_open(
            "/my/parts/order",
            data={"part_1": "TST-9901-001", "qty_1": "4", "csrf_token": http.Request.csrf_token(self)},
        )
        order = self.env["sale.order"].search([("partner_id", "=", self.dealer.id)])
        self.assertRecordValues(order.order_line, [{"product_id": self.part.id, "product_uom_qty": 4.0}])
