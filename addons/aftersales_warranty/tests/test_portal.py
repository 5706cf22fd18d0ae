from odoo.exceptions import AccessError
from odoo.tests import tagged

from .portal_common import WarrantyPortalCommon


@tagged("post_install", "-at_install")
class TestPortal(WarrantyPortalCommon):
    def test_a_dealer_never_sees_another_dealers_claims(self):
        """By search, by id, by line, by URL: dealer A sees only its claims."""
        mine = self._new_claim()
        theirs = self._new_claim(dealer_id=self.other_dealer.id, causal_product_id=self.battery.id)
        Claim = self.env["aftersales.warranty.claim"].with_user(self.portal_a)
        self.assertEqual(Claim.search([]), mine)
        with self.assertRaises(AccessError):
            Claim.browse(theirs.id).read(["name"])
        with self.assertRaises(AccessError):
            theirs.line_ids.with_user(self.portal_a).read(["name"])
        self.authenticate("dealer_a", "dealer_a")
        page = self.url_open("/my/warranty")
        self.assertIn(mine.name, page.text)
        self.assertNotIn(theirs.name, page.text)
        detail = self.url_open(f"/my/warranty/{theirs.id}")
        self.assertNotIn(theirs.name, detail.text)
        self.assertTrue(detail.url.endswith("/my"))
        own = self.url_open(f"/my/warranty/{mine.id}")
        self.assertIn(mine.name, own.text)
        # Posting on another dealer's claim does nothing.
        self.url_open(f"/my/warranty/{theirs.id}/appeal", data={"reason": "x", "csrf_token": self.csrf_token()})
        self.assertEqual(theirs.appeal_count, 0)

    def test_portal_submit_review_settle_tour(self):
        """A network dealer files and submits on the portal; the OEM reviews and settles; the dealer sees it."""
        self.company.as_claim_min_attachments = 0
        self.start_tour("/my/warranty", "aftersales_warranty_portal_submit", login="dealer_a")
        claim = self.env["aftersales.warranty.claim"].search([("dealer_id", "=", self.dealer.id)])
        self.assertRecordValues(
            claim,
            [{"state": "submitted", "submitted_by_id": self.portal_a.id, "vehicle_id": self.vehicle.id}],
        )
        reviewer_claim = claim.with_user(self.reviewer)
        reviewer_claim.action_start_review()
        labour = claim.line_ids.filtered(lambda x: x.line_type == "labour")
        reviewer_claim.action_approve_with_cuts(
            [{"line_id": labour.id, "approved_quantity": 1.5, "cut_reason": "工时按1.5小时核定"}]
        )
        reviewer_claim.action_settle()
        self.assertEqual(claim.state, "settled")
        self.start_tour("/my/warranty", "aftersales_warranty_portal_settled", login="dealer_a")

    def test_portal_claim_lines_created_for_own_dealer(self):
        """A claim created on the portal always belongs to the user's dealer."""
        self.authenticate("dealer_b", "dealer_b")
        self.url_open(
            "/my/warranty/new",
            data={
                "vin": self.vehicle.vin_sn,
                "part_code": "SA-001",
                "mileage": "1000",
                "complaint": "异响",
                "dealer_id": self.dealer.id,
                "csrf_token": self.csrf_token(),
            },
        )
        claim = self.env["aftersales.warranty.claim"].search([("create_uid", "=", self.portal_b.id)])
        self.assertEqual(claim.dealer_id, self.other_dealer)
        self.assertEqual(claim.line_ids.product_id, self.part)

    def test_portal_answers_the_information_request(self):
        """The OEM asks for a photo; the dealer answers on the portal and the review resumes."""
        claim = self._submitted_claim()
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_request_info("请补充里程表照片")
        self.authenticate("dealer_a", "dealer_a")
        page = self.url_open(f"/my/warranty/{claim.id}")
        self.assertIn("请补充里程表照片", page.text)
        self.url_open(f"/my/warranty/{claim.id}/answer", data={"answer": "照片已上传", "csrf_token": self.csrf_token()})
        self.assertRecordValues(claim, [{"state": "under_review", "info_answer": "照片已上传"}])

    def test_portal_claim_with_several_parts_and_operations(self):
        """Dealer A files two parts and two operations on the portal; the hours come from the catalogue."""
        bracket = self.env["product.product"].create(
            {"name": "减震器支架", "default_code": "SA-002", "categ_id": self.categ_chassis.id, "standard_price": 80.0}
        )
        Operation = self.env["aftersales.operation"]
        replace = Operation.create({"code": "WTY-T-SA01", "name": "更换前减震器及支架", "default_hours": 1.5})
        alignment = Operation.create({"code": "WTY-T-AL01", "name": "四轮定位", "default_hours": 0.5})
        self.authenticate("dealer_a", "dealer_a")
        response = self._post_new_claim(
            [
                ("part_code", "SA-001"),
                ("part_qty", "1"),
                ("part_code", "SA-002"),
                ("part_qty", "2"),
                ("part_code", ""),
                ("part_qty", "1"),
                ("operation_code", "WTY-T-SA01"),
                ("operation_code", "WTY-T-AL01"),
                ("operation_code", ""),
            ],
            hours="9",
        )
        claim = self.env["aftersales.warranty.claim"].search([("dealer_id", "=", self.dealer.id)])
        self.assertEqual(len(claim), 1)
        self.assertTrue(response.url.endswith(f"/my/warranty/{claim.id}"))
        self.assertRecordValues(claim, [{"causal_product_id": self.part.id, "submitted_by_id": False}])
        self.assertRecordValues(
            claim.line_ids.sorted("id"),
            [
                {"line_type": "part", "product_id": self.part.id, "operation_id": False, "quantity": 1.0},
                {"line_type": "part", "product_id": bracket.id, "operation_id": False, "quantity": 2.0},
                {"line_type": "labour", "product_id": False, "operation_id": replace.id, "quantity": 1.5},
                {"line_type": "labour", "product_id": False, "operation_id": alignment.id, "quantity": 0.5},
            ],
        )
        # The dealer sees its lines on the claim.
        page = self.url_open(f"/my/warranty/{claim.id}")
        self.assertIn("减震器支架", page.text)
        self.assertIn("四轮定位", page.text)

    def test_portal_claim_rows_are_checked(self):
        """Unknown codes and wrong quantities are refused with a message, the rows entered are kept, no claim."""
        self.authenticate("dealer_a", "dealer_a")
        msg = self._dealer_message
        cases = [
            (
                [("part_code", "SA-001"), ("part_qty", "1"), ("operation_code", "NOPE-1")],
                msg("Unknown operation code %(code)s.", code="NOPE-1"),
            ),
            (
                [("part_code", "SA-001"), ("part_qty", "-2")],
                msg(
                    "%(field)s must be between %(minimum)s and %(maximum)s.",
                    field=msg("Quantity of part %(code)s", code="SA-001"),
                    minimum="0.01",
                    maximum="1,000",
                ),
            ),
            (
                [("part_code", "SA-001"), ("part_qty", "1"), ("part_code", "XX-9"), ("part_qty", "1")],
                msg("Unknown part number %(code)s.", code="XX-9"),
            ),
            (
                [("part_code", ""), ("part_qty", "1"), ("operation_code", "WTY-SA01")],
                msg("Enter the causal part number."),
            ),
        ]
        for rows, message in cases:
            with self.subTest(message=message):
                page = self._post_new_claim(rows)
                self.assertIn(message, page.text)
                self.assertIn('value="SA-001"' if rows[0][1] else 'value="WTY-SA01"', page.text)
        self.assertFalse(self.env["aftersales.warranty.claim"].search([("dealer_id", "=", self.dealer.id)]))
        # "More Lines" keeps the entered rows and adds empty ones, without creating a claim.
        rows = [(key, value) for i in range(3) for key, value in (("part_code", "SA-001"), ("part_qty", str(i + 1)))]
        page = self._post_new_claim(rows, add_rows="1")
        self.assertEqual(page.text.count('name="part_code"'), 4)
        self.assertFalse(self.env["aftersales.warranty.claim"].search([("dealer_id", "=", self.dealer.id)]))

    def test_portal_claim_never_uses_another_companys_part(self):
        """A part number of another company's catalogue is unknown to the dealer's claim."""
        other_company = self.env["res.company"].create({"name": "其他主机厂"})
        self.env["product.product"].create(
            {"name": "他司零件", "default_code": "OTHER-001", "company_id": other_company.id}
        )
        self.authenticate("dealer_a", "dealer_a")
        page = self._post_new_claim([("part_code", "OTHER-001"), ("part_qty", "1")])
        self.assertIn(self._dealer_message("Unknown part number %(code)s.", code="OTHER-001"), page.text)
        self.assertFalse(self.env["aftersales.warranty.claim"].search([("dealer_id", "=", self.dealer.id)]))
