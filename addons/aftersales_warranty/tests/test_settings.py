from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    def test_seed_defaults_on_new_company(self):
        """A new company starts with the numbers of the source manuals."""
        company = self.env["res.company"].create({"name": "新4S店"})
        expected = {
            "as_claim_deadline_days": 30,
            "as_claim_duplicate_days": 30,
            "as_claim_pass_rate_goal": 95.0,
            "as_scrap_gm_amount": 30000.0,
        }
        for field, value in expected.items():
            self.assertEqual(company[field], value, field)

    def test_settings_change_the_company_value(self):
        """An administrator changes a number in Settings and the company keeps it."""
        with Form(self.env["res.config.settings"]) as settings:
            settings.as_claim_deadline_days = 9
        self.assertEqual(self.env.company.as_claim_deadline_days, 9)

    def test_group_chain(self):
        """The top role of the addon has every role below it; the lowest role has not the top one."""
        top = new_test_user(
            self.env, login="as_top_warranty", groups="aftersales_warranty.group_aftersales_warranty_manager"
        )
        self.assertTrue(top.has_group("aftersales_warranty.group_aftersales_warranty_clerk"))
        self.assertTrue(top.has_group("aftersales_warranty.group_aftersales_warranty_manager"))
        self.assertTrue(top.has_group("aftersales_warranty.group_aftersales_warranty_reviewer"))
        low = new_test_user(
            self.env, login="as_low_warranty", groups="aftersales_warranty.group_aftersales_warranty_clerk"
        )
        self.assertFalse(low.has_group("aftersales_warranty.group_aftersales_warranty_manager"))

    def test_warranty_taxes_default_to_company_taxes(self):
        """The warranty taxes start as the company's default sales and purchase taxes, and follow settings."""
        company = self.env.company
        self.assertEqual(company.as_warranty_sale_tax_id, company.account_sale_tax_id)
        self.assertEqual(company.as_warranty_purchase_tax_id, company.account_purchase_tax_id)
        self.assertEqual(company.as_recovery_method, "credit_note")
        with Form(self.env["res.config.settings"]) as settings:
            settings.as_warranty_sale_tax_id = self.env["account.tax"]
            settings.as_recovery_method = "invoice"
        self.assertFalse(company.as_warranty_sale_tax_id)
        self.assertEqual(company._as_warranty_taxes("out_invoice"), self.env["account.tax"])
        self.assertEqual(company._as_warranty_taxes("in_invoice"), company.account_purchase_tax_id)
        self.assertEqual(company.as_recovery_method, "invoice")
