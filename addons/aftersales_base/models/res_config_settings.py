from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_maintenance_months = fields.Integer(related="company_id.as_maintenance_months", readonly=False)
    as_maintenance_km = fields.Integer(related="company_id.as_maintenance_km", readonly=False)
    as_archive_days = fields.Integer(related="company_id.as_archive_days", readonly=False)
    as_simple_job_hours = fields.Integer(related="company_id.as_simple_job_hours", readonly=False)
    as_complex_job_hours = fields.Integer(related="company_id.as_complex_job_hours", readonly=False)
    as_comeback_days = fields.Integer(related="company_id.as_comeback_days", readonly=False)
    as_progress_reminder_minutes = fields.Integer(related="company_id.as_progress_reminder_minutes", readonly=False)
