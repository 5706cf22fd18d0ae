from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    def test_seed_defaults_on_new_company(self):
        """A new company starts with the numbers of the source manuals."""
        company = self.env["res.company"].create({"name": "新4S店"})
        expected = {
            "as_maintenance_months": 6,
            "as_maintenance_km": 5000,
            "as_archive_days": 2,
            "as_simple_job_hours": 24,
            "as_complex_job_hours": 72,
            "as_comeback_days": 30,
            "as_progress_reminder_minutes": 30,
        }
        for field, value in expected.items():
            self.assertEqual(company[field], value, field)

    def test_settings_change_the_company_value(self):
        """An administrator changes a number in Settings and the company keeps it."""
        with Form(self.env["res.config.settings"]) as settings:
            settings.as_maintenance_months = 9
        self.assertEqual(self.env.company.as_maintenance_months, 9)

    def test_group_chain(self):
        """The top role of the addon has every role below it; the lowest role has not the top one."""
        top = new_test_user(self.env, login="as_top_base", groups="aftersales_base.group_aftersales_manager")
        self.assertTrue(top.has_group("aftersales_base.group_aftersales_advisor"))
        self.assertTrue(top.has_group("aftersales_base.group_aftersales_inspector"))
        self.assertTrue(top.has_group("aftersales_base.group_aftersales_manager"))
        self.assertTrue(top.has_group("aftersales_base.group_aftersales_technician"))
        low = new_test_user(self.env, login="as_low_base", groups="aftersales_base.group_aftersales_technician")
        self.assertFalse(low.has_group("aftersales_base.group_aftersales_manager"))
