from odoo import fields, models


class AftersalesWorkingDay(models.Model):
    """A day off of the week that is worked (调休上班日): Chinese public holidays are made
    longer by swapping weekends, and the swapped Saturday or Sunday is a working day.

    Holidays themselves are the global time off of the working schedule (resource calendar),
    as Odoo keeps them; together they make every working-day clock of the suite."""

    _name = "aftersales.working.day"
    _description = "Extra Working Day (调休)"
    _order = "date"

    name = fields.Char(string="Reason", required=True)
    date = fields.Date(required=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        ondelete="cascade",
        default=lambda self: self.env.company.resource_calendar_id,
    )
    company_id = fields.Many2one(related="calendar_id.company_id", store=True)

    _sql_constraints = [
        ("date_calendar_unique", "unique(calendar_id, date)", "A day is listed once per working schedule."),
    ]
