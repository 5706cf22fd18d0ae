from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestClaimReview(WarrantyCommon):
    def setUp(self):
        super().setUp()
        self.claim = self._submitted_claim()
        self.labour = self.claim.line_ids.filtered(lambda x: x.line_type == "labour")
        self.part_line = self.claim.line_ids.filtered(lambda x: x.line_type == "part")

    def test_reviewer_cuts_hours_line_by_line(self):
        """The OEM reviewer cuts the labour to 1.5 h with a reason: the claim is partially approved."""
        claim = self.claim.with_user(self.reviewer)
        claim.action_start_review()
        self.assertEqual(claim.state, "under_review")
        self.assertEqual(self.labour.approved_quantity, 2.0)
        claim.action_approve_with_cuts(
            [{"line_id": self.labour.id, "approved_quantity": 1.5, "cut_reason": "工时按1.5小时核定"}]
        )
        self.assertEqual(claim.state, "partially_approved")
        self.assertEqual(claim.amount_approved, 700.0)  # 500 + 50 handling + 1.5 h x 100
        self.assertEqual(claim.amount_cut, 50.0)
        self.assertEqual(claim.pass_rate, 100.0)
        self.assertEqual(claim.return_ids.product_id, self.part)

    def test_full_approval_through_the_form(self):
        """Lines untouched: the claim is approved in full."""
        claim = self.claim.with_user(self.reviewer)
        claim.action_start_review()
        claim.action_approve()
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.amount_approved, claim.amount_total)

    def test_approving_more_than_claimed_is_refused(self):
        claim = self.claim.with_user(self.reviewer)
        claim.action_start_review()
        with self.assertRaisesRegex(UserError, "more than"):
            claim.action_approve_with_cuts([{"line_id": self.labour.id, "approved_quantity": 3.0}])

    def test_cut_needs_a_reason(self):
        claim = self.claim.with_user(self.reviewer)
        claim.action_start_review()
        with self.assertRaisesRegex(UserError, "reason"):
            claim.action_approve_with_cuts([{"line_id": self.labour.id, "approved_quantity": 1.0}])

    def test_nobody_reviews_their_own_claim(self):
        """A reviewer who filed the claim cannot review it; a clerk cannot review at all."""
        own = self._submitted_claim(user=self.reviewer, causal_product_id=self.battery.id)
        with self.assertRaisesRegex(UserError, "filed by you"):
            own.with_user(self.reviewer).action_start_review()
        with self.assertRaises(AccessError):
            self.claim.with_user(self.clerk).action_start_review()
        self.claim.with_user(self.reviewer).action_start_review()
        with self.assertRaises(AccessError):
            self.labour.with_user(self.clerk).write({"approved_quantity": 0})

    def test_reject_with_reason_code_then_appeal_once(self):
        """Rejected with a reason code; the dealer appeals once; review reopens; no second appeal."""
        self.claim.with_user(self.reviewer).action_start_review()
        wizard = Form(
            self.env["aftersales.warranty.claim.decision"]
            .with_user(self.reviewer)
            .with_context(default_claim_ids=self.claim.ids, default_decision="reject")
        )
        wizard.reason_id = self.reason
        wizard.note = "减震器外壳有撞击痕迹"
        wizard.save().action_confirm()
        self.assertEqual(self.claim.state, "rejected")
        self.assertEqual(self.claim.reason_id, self.reason)
        self.assertEqual(self.claim.amount_approved, 0.0)
        self.assertEqual(self.claim.pass_rate, 0.0)
        self.claim.with_user(self.clerk).action_appeal("撞击痕迹为拆卸时造成，附照片")
        self.assertEqual(self.claim.state, "under_review")
        self.claim.with_user(self.reviewer).action_reject(self.reason, "维持原判")
        with self.assertRaisesRegex(UserError, "already appealed"):
            self.claim.with_user(self.clerk).action_appeal("再次申诉")

    def test_request_information_and_answer(self):
        self.claim.with_user(self.reviewer).action_start_review()
        with self.assertRaises(UserError):
            self.claim.with_user(self.reviewer).action_request_info("")
        self.claim.with_user(self.reviewer).action_request_info("请补充里程表照片")
        self.assertEqual(self.claim.state, "info_requested")
        self.claim.with_user(self.clerk).action_answer_info("已上传")
        self.assertEqual(self.claim.state, "under_review")
        self.assertEqual(self.claim.info_answer, "已上传")

    def test_pass_rate_per_dealer(self):
        """One approved and one rejected claim of a dealer: 50 % pass rate in the pivot."""
        self.claim.with_user(self.reviewer).action_start_review()
        self.claim.with_user(self.reviewer).action_approve()
        other = self._submitted_claim(causal_product_id=self.battery.id)
        other.with_user(self.reviewer).action_start_review()
        other.with_user(self.reviewer).action_reject(self.reason)
        groups = self.env["aftersales.warranty.claim"]._read_group(
            [("dealer_id", "=", self.dealer.id), ("decision_date", "!=", False)], ["dealer_id"], ["pass_rate:avg"]
        )
        self.assertEqual(groups, [(self.dealer, 50.0)])

    def test_dealer_below_the_pass_rate_goal_is_flagged(self):
        """50 % against the 95 % goal: the dealer is listed; with a 40 % goal it is not."""
        self.claim.with_user(self.reviewer).action_start_review()
        self.claim.with_user(self.reviewer).action_approve()
        other = self._submitted_claim(causal_product_id=self.battery.id)
        other.with_user(self.reviewer).action_start_review()
        other.with_user(self.reviewer).action_reject(self.reason)
        Claim = self.env["aftersales.warranty.claim"]
        period = (self.today.replace(day=1), self.today + timedelta(days=1))
        self.assertEqual(Claim._dealers_below_goal(*period).get(self.dealer), 50.0)
        self.company.as_claim_pass_rate_goal = 40.0
        self.assertNotIn(self.dealer, Claim._dealers_below_goal(*period))
