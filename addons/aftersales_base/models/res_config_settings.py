from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_maintenance_months = fields.Integer(related="company_id.as_maintenance_months", readonly=False)
    as_maintenance_km = fields.Integer(related="company_id.as_maintenance_km", readonly=False)
    as_archive_days = fields.Integer(related="company_id.as_archive_days", readonly=False)
    as_archive_user_id = fields.Many2one(related="company_id.as_archive_user_id", readonly=False)
    as_simple_job_hours = fields.Integer(related="company_id.as_simple_job_hours", readonly=False)
    as_complex_job_hours = fields.Integer(related="company_id.as_complex_job_hours", readonly=False)
    as_comeback_days = fields.Integer(related="company_id.as_comeback_days", readonly=False)
    as_progress_reminder_minutes = fields.Integer(related="company_id.as_progress_reminder_minutes", readonly=False)
    as_portal_upload_max_mb = fields.Float(related="company_id.as_portal_upload_max_mb", readonly=False)
    as_washing_enabled = fields.Boolean(related="company_id.as_washing_enabled", readonly=False)
    as_labour_rate = fields.Monetary(related="company_id.as_labour_rate", readonly=False)
    as_warranty_labour_rate = fields.Monetary(related="company_id.as_warranty_labour_rate", readonly=False)
    as_labour_product_id = fields.Many2one(related="company_id.as_labour_product_id", readonly=False)
    as_internal_analytic_account_id = fields.Many2one(
        related="company_id.as_internal_analytic_account_id", readonly=False
    )
    as_internal_expense_account_id = fields.Many2one(
        related="company_id.as_internal_expense_account_id", readonly=False
    )
    as_target_intake_day = fields.Integer(related="company_id.as_target_intake_day", readonly=False)
    as_target_intake_month = fields.Integer(related="company_id.as_target_intake_month", readonly=False)
    as_target_insurance_avg = fields.Monetary(related="company_id.as_target_insurance_avg", readonly=False)
    as_target_insurance_total = fields.Monetary(related="company_id.as_target_insurance_total", readonly=False)
    as_target_base_customers = fields.Integer(related="company_id.as_target_base_customers", readonly=False)
    as_target_comeback_rate = fields.Float(related="company_id.as_target_comeback_rate", readonly=False)
    as_target_first_fix_rate = fields.Float(related="company_id.as_target_first_fix_rate", readonly=False)
