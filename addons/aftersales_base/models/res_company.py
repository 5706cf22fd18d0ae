from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_maintenance_months = fields.Integer(
        string="Default maintenance interval (months)",
        default=6,
    )
    as_maintenance_km = fields.Integer(
        string="Default maintenance interval (km)",
        default=5000,
    )
    as_archive_days = fields.Integer(
        string="Days to complete the customer archive",
        default=2,
    )
    as_simple_job_hours = fields.Integer(
        string="Simple job commitment (hours)",
        default=24,
    )
    as_complex_job_hours = fields.Integer(
        string="Complex job commitment (hours)",
        default=72,
    )
    as_comeback_days = fields.Integer(
        string="Comeback window (days)",
        default=30,
    )
    as_progress_reminder_minutes = fields.Integer(
        string="Progress check reminder (minutes)",
        default=30,
    )
