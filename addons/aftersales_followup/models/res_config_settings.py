from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_first_call_min_days = fields.Integer(related="company_id.as_first_call_min_days", readonly=False)
    as_first_call_max_days = fields.Integer(related="company_id.as_first_call_max_days", readonly=False)
    as_second_call_after_days = fields.Integer(related="company_id.as_second_call_after_days", readonly=False)
    as_second_call_window_days = fields.Integer(related="company_id.as_second_call_window_days", readonly=False)
    as_followup_retry_days = fields.Integer(related="company_id.as_followup_retry_days", readonly=False)
    as_followup_max_attempts = fields.Integer(related="company_id.as_followup_max_attempts", readonly=False)
    as_followup_escalation_days = fields.Integer(related="company_id.as_followup_escalation_days", readonly=False)
    as_followup_user_id = fields.Many2one(related="company_id.as_followup_user_id", readonly=False)
    as_followup_supervisor_id = fields.Many2one(related="company_id.as_followup_supervisor_id", readonly=False)
    as_lost_customer_months = fields.Integer(related="company_id.as_lost_customer_months", readonly=False)
    as_reminder_lead_days = fields.Integer(related="company_id.as_reminder_lead_days", readonly=False)
    as_campaign_call_lead_days = fields.Integer(related="company_id.as_campaign_call_lead_days", readonly=False)
    as_campaign_letter_days = fields.Integer(related="company_id.as_campaign_letter_days", readonly=False)
    as_csi_goal = fields.Float(related="company_id.as_csi_goal", readonly=False)
    as_csi_complaint_threshold = fields.Float(related="company_id.as_csi_complaint_threshold", readonly=False)
    as_survey_id = fields.Many2one(related="company_id.as_survey_id", readonly=False)
    as_complaint_days = fields.Integer(related="company_id.as_complaint_days", readonly=False)
    as_quality_level2_amount = fields.Float(related="company_id.as_quality_level2_amount", readonly=False)
    as_quality_level3_amount = fields.Float(related="company_id.as_quality_level3_amount", readonly=False)
    as_qa_user_id = fields.Many2one(related="company_id.as_qa_user_id", readonly=False)
    as_qi_general_upload_days = fields.Integer(related="company_id.as_qi_general_upload_days", readonly=False)
    as_qi_general_qa_days = fields.Integer(related="company_id.as_qi_general_qa_days", readonly=False)
    as_qi_general_reply_days = fields.Integer(related="company_id.as_qi_general_reply_days", readonly=False)
    as_qi_important_qa_days = fields.Integer(related="company_id.as_qi_important_qa_days", readonly=False)
    as_qi_important_reply_days = fields.Integer(related="company_id.as_qi_important_reply_days", readonly=False)
    as_qi_major_qa_days = fields.Integer(related="company_id.as_qi_major_qa_days", readonly=False)
    as_qi_major_reply_days = fields.Integer(related="company_id.as_qi_major_reply_days", readonly=False)
