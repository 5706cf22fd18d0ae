from datetime import date, datetime

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWorkingCalendar(TransactionCase):
    """Deadlines in working days follow the company's schedule: Chinese public holidays are days
    off, swapped weekends (调休) are working days, and both are data the manager edits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.resource_calendar_id = cls.env.ref("resource.resource_calendar_std")
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"

    def test_two_working_days_from_the_eve_of_national_day_end_after_the_golden_week(self):
        # Wednesday 30 September 2026 + 2 working days: 1-7 October are off.
        self.assertEqual(self.company._as_add_working_days(date(2026, 9, 30), 2), date(2026, 10, 9))

    def test_a_swapped_saturday_is_a_working_day(self):
        # Friday 9 October + 1: Saturday 10 October is worked (国庆节调休上班).
        self.assertEqual(self.company._as_add_working_days(date(2026, 10, 9), 1), date(2026, 10, 10))
        # Friday 18 September + 1: Saturday off, Sunday 20 September worked.
        self.assertEqual(self.company._as_add_working_days(date(2026, 9, 18), 1), date(2026, 9, 20))

    def test_spring_festival_and_a_datetime_keeps_its_time(self):
        # Friday 13 February 2026 10:00 + 1: Saturday 14 February is worked, then 15-23 off.
        start = datetime(2026, 2, 13, 10, 0)
        self.assertEqual(self.company._as_add_working_days(start, 1), datetime(2026, 2, 14, 10, 0))
        self.assertEqual(self.company._as_add_working_days(start, 2), datetime(2026, 2, 24, 10, 0))

    def test_a_datetime_counts_from_its_local_day(self):
        # Saturday 14 March 2026 07:00 in Shanghai is Friday 23:00 UTC: + 2 working days is Tuesday 17
        # March 07:00 there (Monday 23:00 UTC), not Wednesday as counting from the UTC Friday gives.
        self.assertEqual(
            self.company._as_add_working_days(datetime(2026, 3, 13, 23, 0), 2), datetime(2026, 3, 16, 23, 0)
        )

    def test_the_manager_edits_the_holidays(self):
        manager = self.env["res.users"].create(
            {
                "name": "陈经理",
                "login": "wd_manager",
                "groups_id": [(6, 0, [self.env.ref("aftersales_base.group_aftersales_manager").id])],
            }
        )
        # An ordinary Monday becomes a company holiday; the deadline moves by one day.
        self.assertEqual(self.company._as_add_working_days(date(2026, 11, 13), 1), date(2026, 11, 16))
        self.env["resource.calendar.leaves"].with_user(manager).create(
            {
                "name": "公司年会",
                "calendar_id": self.company.resource_calendar_id.id,
                "date_from": "2026-11-15 16:00:00",
                "date_to": "2026-11-16 15:59:59",
            }
        )
        self.assertEqual(self.company._as_add_working_days(date(2026, 11, 13), 1), date(2026, 11, 17))
