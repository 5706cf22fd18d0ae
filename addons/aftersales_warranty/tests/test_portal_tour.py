from odoo.tests import tagged

from .portal_common import WarrantyPortalCommon


@tagged("post_install", "-at_install")
class TestPortalTour(WarrantyPortalCommon):
    """The network dealer's work on the portal, in the browser, as its portal user."""

    def test_dealer_files_a_claim_with_a_photo(self):
        """A wrong mileage brings the form back with the photo kept; the claim then lists it."""
        self.start_tour("/my/warranty", "aftersales_warranty_portal_photo", login="dealer_a")
        claim = self._claims()
        self.assertEqual(len(claim), 1)
        self.assertRecordValues(claim, [{"state": "draft", "mileage": 23000, "vehicle_id": self.vehicle.id}])
        self.assertEqual(claim.attachment_count, 1)

    def test_dealer_answers_an_information_request(self):
        claim = self._submitted_claim()
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_request_info("请补充里程表照片")
        self.start_tour("/my/warranty", "aftersales_warranty_portal_answer", login="dealer_a")
        self.assertRecordValues(claim, [{"state": "under_review", "info_answer": "里程表照片已上传"}])
