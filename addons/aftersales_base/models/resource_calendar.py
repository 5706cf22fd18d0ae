from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models
from odoo.exceptions import UserError


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    as_extra_working_day_ids = fields.One2many("aftersales.working.day", "calendar_id", string="Extra Working Days")

    def _as_off_days(self, first, last):
        """The holidays (global time off) of this schedule between two dates, as local dates."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or "Asia/Shanghai")
        start = tz.localize(datetime.combine(first, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
        stop = tz.localize(datetime.combine(last, time.max)).astimezone(pytz.utc).replace(tzinfo=None)
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("calendar_id", "in", [self.id, False]),
                    ("resource_id", "=", False),
                    ("date_from", "<=", stop),
                    ("date_to", ">=", start),
                    ("company_id", "in", [self.company_id.id, False]),
                ]
            )
        )
        days = set()
        for leave in leaves:
            day = pytz.utc.localize(leave.date_from).astimezone(tz).date()
            end = pytz.utc.localize(leave.date_to).astimezone(tz).date()
            while day <= end:
                days.add(day)
                day += timedelta(days=1)
        return days

    def _as_add_working_days(self, start, days):
        """``start`` (a date or datetime) moved forward by ``days`` working days of this schedule:
        its weekdays, less its holidays, plus its extra working days (调休). A datetime (UTC, as
        stored) counts from its day in the schedule's time zone and keeps its local time of day."""
        self.ensure_one()
        if not start:
            return start
        if days < 0:
            raise UserError(self.env._("A deadline cannot be counted backwards in working days."))
        tz = pytz.timezone(self.tz or "Asia/Shanghai")
        # 07:00 on a Saturday in Shanghai is still Friday in UTC: count from the local day
        local = pytz.utc.localize(start).astimezone(tz) if isinstance(start, datetime) else None
        first = local.date() if local else start
        weekdays = {int(d) for d in self.attendance_ids.mapped("dayofweek")} or {0, 1, 2, 3, 4}
        # Enough calendar days for the longest holidays (the Spring Festival week and its weekends).
        horizon = first + timedelta(days=days * 2 + 30)
        off = self._as_off_days(first, horizon)
        extra = set(self.as_extra_working_day_ids.filtered(lambda w: first <= w.date <= horizon).mapped("date"))
        day, remaining = first, days
        while remaining > 0:
            day += timedelta(days=1)
            if day in extra or (day.weekday() in weekdays and day not in off):
                remaining -= 1
        if local:
            return tz.localize(datetime.combine(day, local.time())).astimezone(pytz.utc).replace(tzinfo=None)
        return day
