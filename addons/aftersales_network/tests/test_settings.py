from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    def test_seed_defaults_on_new_company(self):
        """A new company starts with the numbers of the source manuals."""
        company = self.env["res.company"].create({"name": "新4S店"})
        expected = {
            "as_application_threshold": 60.0,
        }
        for field, value in expected.items():
            self.assertEqual(company[field], value, field)

    def test_settings_change_the_company_value(self):
        """An administrator changes a number in Settings and the company keeps it."""
        with Form(self.env["res.config.settings"]) as settings:
            settings.as_application_threshold = 9.0
        self.assertEqual(self.env.company.as_application_threshold, 9.0)

    def test_group_chain(self):
        """The top role of the addon has every role below it; the lowest role has not the top one."""
        top = new_test_user(
            self.env, login="as_top_network", groups="aftersales_network.group_aftersales_network_manager"
        )
        self.assertTrue(top.has_group("aftersales_network.group_aftersales_committee_member"))
        self.assertTrue(top.has_group("aftersales_network.group_aftersales_network_manager"))
        self.assertTrue(top.has_group("aftersales_network.group_aftersales_network_officer"))
        low = new_test_user(
            self.env, login="as_low_network", groups="aftersales_network.group_aftersales_network_officer"
        )
        self.assertFalse(low.has_group("aftersales_network.group_aftersales_network_manager"))
