from odoo.tests import tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestSatisfaction(FollowupCommon):
    def setUp(self):
        super().setUp()
        self.survey = self.env.ref("aftersales_followup.survey_satisfaction")
        self.company.as_survey_id = self.survey

    def _answer(self, answer_input, score_index):
        """Answer every question with the option at ``score_index`` (0 = very satisfied)."""
        for question in self.survey.question_ids:
            answer_input._save_lines(question, question.suggested_answer_ids.sorted("sequence")[score_index].id)
        answer_input._mark_done()

    def test_delivery_sends_survey_and_answers_give_csi(self):
        order = self._ready_order()
        order.with_user(self.advisor).action_deliver()
        answer = order.survey_input_ids
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.partner_id, self.customer)
        self.assertTrue(order.message_ids.filtered(lambda m: self.customer in m.partner_ids))
        self._answer(answer, 0)
        self.assertEqual(answer.as_csi, 100.0)
        self.assertEqual(order.csi_score, 100.0)
        self.assertEqual(answer.as_advisor_id, self.advisor)
        self.assertFalse(answer.as_below_goal)
        self.assertFalse(answer.as_complaint_id)

    def test_dissatisfied_answer_opens_a_complaint(self):
        order = self._ready_order()
        order.action_deliver()
        answer = order.survey_input_ids
        self._answer(answer, 3)  # 不满意 = 1 point of 5
        self.assertEqual(answer.as_csi, 20.0)
        self.assertTrue(answer.as_below_goal)
        complaint = answer.as_complaint_id
        self.assertRecordValues(
            complaint, [{"repair_id": order.id, "source": "survey", "partner_id": self.customer.id}]
        )

    def test_csi_per_advisor_and_month_against_goal(self):
        orders = self._ready_order() | self._ready_order()
        orders.action_deliver()
        self._answer(orders[0].survey_input_ids, 0)
        self._answer(orders[1].survey_input_ids, 1)  # 满意 = 80 %
        rows = self.env["survey.user_input"]._read_group(
            [("repair_id", "in", orders.ids)], ["as_advisor_id"], ["as_csi:avg"]
        )
        self.assertEqual(rows, [(self.advisor, 90.0)])
        self.assertLess(90.0, self.company.as_csi_goal)
        self.assertTrue(orders[1].survey_input_ids.as_below_goal)

    def test_no_survey_configured_no_answer(self):
        self.company.as_survey_id = False
        order = self._ready_order()
        order.action_deliver()
        self.assertFalse(order.survey_input_ids)
