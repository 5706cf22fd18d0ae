from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestWarrantyCompanies(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.oem_company = cls.env["res.company"].create({"name": "测试主机厂"})
        cls.dealer_clerk = new_test_user(
            cls.env,
            login="dealer_only_clerk",
            name="经销商索赔员",
            groups="aftersales_warranty.group_aftersales_warranty_clerk",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.oem_clerk = new_test_user(
            cls.env,
            login="oem_only_clerk",
            name="主机厂索赔员",
            groups="aftersales_warranty.group_aftersales_warranty_clerk",
            company_id=cls.oem_company.id,
            company_ids=[cls.oem_company.id],
        )
        cls.policy.company_id = False  # the OEM's policy, shared by the dealer company
        cls.oem_reviewer = new_test_user(
            cls.env,
            login="oem_only_reviewer",
            name="主机厂审核员",
            groups="aftersales_warranty.group_aftersales_warranty_reviewer",
            company_id=cls.oem_company.id,
            company_ids=[cls.oem_company.id],
        )

    def test_dealer_clerk_sees_and_answers_only_her_company_claims(self):
        """A network dealer's claim at the OEM company: the dealer company's clerk neither reads nor answers it."""
        claim = self._new_claim(user=self.oem_clerk, company_id=self.oem_company.id)
        claim.with_user(self.oem_clerk).action_submit()
        claim.with_user(self.oem_reviewer).action_start_review()
        claim.with_user(self.oem_reviewer).action_request_info("请补充照片")
        Claim = self.env["aftersales.warranty.claim"].with_user(self.dealer_clerk)
        self.assertNotIn(claim, Claim.search([]))
        with self.assertRaises(AccessError):
            claim.with_user(self.dealer_clerk).read(["name", "state"])
        with self.assertRaises(AccessError):
            claim.with_user(self.dealer_clerk).action_answer_info("不是我的索赔单")
        claim.invalidate_recordset()
        self.assertEqual(claim.state, "info_requested")
        self.assertFalse(claim.info_answer)
        # Her own company's claim she sees; the OEM reviewer does not see the dealer's internal claims.
        own = self._new_claim(user=self.dealer_clerk)
        self.assertIn(own, Claim.search([]))
        self.assertNotIn(own, self.env["aftersales.warranty.claim"].with_user(self.oem_reviewer).search([]))

    def test_demo_companies(self):
        """Demo: network dealers' claims belong to the OEM; lina (dealer) and wangqiang (OEM) each see their own."""
        lina = self.env.ref("aftersales_warranty.demo_user_wty_clerk", raise_if_not_found=False)
        if not lina:
            self.skipTest("demo data not installed")
        wangqiang = self.env.ref("aftersales_warranty.demo_user_wty_reviewer")
        oem = self.env.ref("aftersales_base.demo_company_oem")
        dealer = self.env.ref("base.main_company")
        self.assertEqual((lina.company_id, lina.company_ids), (dealer, dealer))
        self.assertEqual((wangqiang.company_id, wangqiang.company_ids), (oem, oem))
        self.assertEqual(dealer.as_oem_partner_id, oem.partner_id)
        Claim = self.env["aftersales.warranty.claim"]
        # lina's own claim, in the dealer company, submitted with its receivable on the OEM.
        own = self.env.ref("aftersales_warranty.demo_claim_dealer_own")
        self.assertEqual(Claim.with_user(lina).search([]), own)
        self.assertRecordValues(own, [{"company_id": dealer.id, "state": "submitted", "is_dealer_side": True}])
        self.assertEqual(own.dealer_invoice_id.partner_id, oem.partner_id)
        network_claims = self.env["aftersales.warranty.claim"].search(
            [("dealer_id", "in", self.env.ref("aftersales_warranty.demo_dealer_huatong").ids)]
        )
        self.assertTrue(network_claims)
        self.assertEqual(network_claims.company_id, oem)
        self.assertFalse(
            self.env["aftersales.warranty.claim"].with_user(lina).search([("id", "in", network_claims.ids)])
        )
        self.assertEqual(
            self.env["aftersales.warranty.claim"].with_user(wangqiang).search([("id", "in", network_claims.ids)]),
            network_claims,
        )
        # The network dealers' portal users file at the OEM: their claims are the OEM company's.
        portal = self.env.ref("aftersales_warranty.demo_user_huatong")
        self.assertEqual((portal.company_id, portal.company_ids), (oem, oem))
        info = self.env.ref("aftersales_warranty.demo_claim_info")
        with self.assertRaises(AccessError):
            info.with_user(lina).action_answer_info("试图替别家回复")
        # Both see the After-Sales app.
        root = self.env.ref("aftersales_base.menu_aftersales_root")
        for user in (lina, wangqiang):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
