from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    def test_seed_defaults_on_new_company(self):
        """A new company starts with the numbers of the source manuals."""
        company = self.env["res.company"].create({"name": "新4S店"})
        expected = {
            "as_first_call_min_days": 3,
            "as_first_call_max_days": 7,
            "as_csi_goal": 93.0,
            "as_quality_level2_amount": 50000.0,
            "as_quality_level3_amount": 10000.0,
        }
        for field, value in expected.items():
            self.assertEqual(company[field], value, field)

    def test_settings_change_the_company_value(self):
        """An administrator changes a number in Settings and the company keeps it."""
        with Form(self.env["res.config.settings"]) as settings:
            settings.as_first_call_min_days = 9
        self.assertEqual(self.env.company.as_first_call_min_days, 9)

    def test_group_chain(self):
        """The top role of the addon has every role below it; the lowest role has not the top one."""
        top = new_test_user(
            self.env, login="as_top_followup", groups="aftersales_followup.group_aftersales_aftersales_manager"
        )
        self.assertTrue(top.has_group("aftersales_followup.group_aftersales_aftersales_manager"))
        self.assertTrue(top.has_group("aftersales_followup.group_aftersales_followup_clerk"))
        self.assertTrue(top.has_group("aftersales_followup.group_aftersales_followup_supervisor"))
        self.assertTrue(top.has_group("aftersales_followup.group_aftersales_quality_assurance"))
        self.assertTrue(top.has_group("aftersales_followup.group_aftersales_quality_officer"))
        low = new_test_user(
            self.env, login="as_low_followup", groups="aftersales_followup.group_aftersales_followup_clerk"
        )
        self.assertFalse(low.has_group("aftersales_followup.group_aftersales_aftersales_manager"))
