from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import WarrantyCommon

ROUTE = ("quality", "technical", "finance", "purchase", "vp_marketing", "vp_manufacturing")


@tagged("post_install", "-at_install")
class TestScrap(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.signers = {
            role: new_test_user(
                cls.env, login=f"scrap_{role}", groups=f"aftersales_warranty.group_scrap_{role},stock.group_stock_user"
            )
            for role in (*ROUTE, "general_manager")
        }
        cls.reviewer.groups_id |= cls.env.ref("stock.group_stock_user")
        # A part from a supplier outside the supply base (no vendor on the product).
        cls.orphan = cls.env["product.product"].create(
            {"name": "杂牌雾灯", "is_storable": True, "categ_id": cls.categ_chassis.id, "standard_price": 400.0}
        )

    def _judged_scrapped(self, price=None):
        if price:
            self.orphan.standard_price = price
        claim = self._submitted_claim(
            causal_product_id=self.orphan.id,
            line_ids=[Command.create({"line_type": "part", "product_id": self.orphan.id, "quantity": 1})],
        )
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_approve()
        ret = claim.return_ids
        ret.action_ship()
        ret.with_user(self.reviewer).action_receive()
        ret.with_user(self.reviewer).action_judge("scrapped", "无供应商可退，无法使用")
        return ret

    def test_scrapping_route_then_loss_through_stock_scrap(self):
        """Six sign-offs below the amount; approval refused before; then the scrap order moves the part out."""
        ret = self._judged_scrapped()
        action = ret.with_user(self.reviewer).action_create_scrap_request()
        request = self.env["aftersales.warranty.scrap"].browse(action["res_id"])
        # The request scraps from where the part was received.
        self.assertEqual(request.location_id, self.company._as_get_warranty_returns_location())
        self.assertEqual(ret.location_id, request.location_id)
        self.assertFalse(request.needs_gm)
        request.with_user(self.reviewer).request_validation()
        self.assertEqual(len(request.review_ids), 6)
        with self.assertRaises(ValidationError):
            request.with_user(self.reviewer).action_approve()
        for role in ROUTE:
            request.with_user(self.signers[role]).validate_tier()
        request.with_user(self.reviewer).action_approve()
        self.assertEqual(request.state, "approved")
        request.with_user(self.reviewer).action_scrap()
        self.assertEqual(request.state, "done")
        self.assertRecordValues(
            request.scrap_ids.move_ids,
            [
                {
                    "product_id": self.orphan.id,
                    "quantity": 1.0,
                    "state": "done",
                    "location_id": ret.location_id.id,
                    "location_dest_id": request.scrap_ids.scrap_location_id.id,
                }
            ],
        )
        # The displayed figure is the parts' standard cost, for information: scrapping posts no value.
        self.assertEqual(request.amount_total, 400.0)
        self.assertFalse(request.scrap_ids.move_ids.stock_valuation_layer_ids, "returned parts are unvalued")
        self.assertFalse(request.scrap_ids.move_ids.account_move_ids, "no journal entry for the scrapping")
        stock = self.env["stock.quant"]._get_available_quantity(self.orphan, ret.location_id, allow_negative=True)
        self.assertEqual(stock, 0.0, "the received part left the returned parts location")
        with self.assertRaises(UserError):
            request.action_cancel()

    def test_general_manager_above_the_amount(self):
        """Above the general-manager amount (30,000 CNY by default) the general manager signs too."""
        ret = self._judged_scrapped(price=32000.0)
        action = ret.with_user(self.reviewer).action_create_scrap_request()
        request = self.env["aftersales.warranty.scrap"].with_user(self.reviewer).browse(action["res_id"])
        self.assertTrue(request.needs_gm)
        request.request_validation()
        self.assertEqual(len(request.review_ids), 7)
        for role in ROUTE:
            request.with_user(self.signers[role]).validate_tier()
        with self.assertRaises(ValidationError):
            request.action_approve()
        request.with_user(self.signers["general_manager"]).validate_tier()
        request.action_approve()
        self.assertEqual(request.state, "approved")

    def test_sign_off_route_in_a_company_created_later(self):
        """A company created after installation has the same sign-off route: no approval without it."""
        company = self.env["res.company"].create({"name": "后建主机厂"})
        self.reviewer.company_ids |= company
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        request = (
            self.env["aftersales.warranty.scrap"]
            .with_user(self.reviewer)
            .with_company(company)
            .create({"company_id": company.id, "location_id": warehouse.lot_stock_id.id})
        )
        request.request_validation()
        self.assertEqual(len(request.review_ids), 6)
        with self.assertRaises(UserError):
            request.action_approve()  # lists no part, and the route is not validated
        self.assertEqual(request.state, "draft")

    def test_scrapped_request_is_not_approved_or_scrapped_again(self):
        """Approve only from draft: a scrapped request stays scrapped and its parts are scrapped once."""
        ret = self._judged_scrapped()
        action = ret.with_user(self.reviewer).action_create_scrap_request()
        request = self.env["aftersales.warranty.scrap"].browse(action["res_id"])
        request.with_user(self.reviewer).request_validation()
        self.assertEqual(len(request.review_ids), 6)
        for role in ROUTE:
            request.with_user(self.signers[role]).validate_tier()
        request.invalidate_recordset()  # each sign-off is its own request in the browser (tier status recomputed)
        request.with_user(self.reviewer).action_approve()
        request.with_user(self.reviewer).action_scrap()
        scraps = request.scrap_ids
        with self.assertRaisesRegex(UserError, "this step needs it"):
            request.with_user(self.reviewer).action_approve()
        with self.assertRaisesRegex(UserError, "this step needs it"):
            request.with_user(self.reviewer).action_scrap()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.scrap_ids, scraps)
        self.assertEqual(len(self.env["stock.scrap"].search([("origin", "like", request.name)])), 1)
