from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Follow-up calls
    as_first_call_min_days = fields.Integer(
        string="First follow-up call from (days after delivery)",
        default=3,
    )
    as_first_call_max_days = fields.Integer(
        string="First follow-up call until (days after delivery)",
        default=7,
    )
    as_second_call_after_days = fields.Integer(
        string="Second call from (days after the first call)",
        default=7,
        help="The second call follows in the week after the week of the first call.",
    )
    as_second_call_window_days = fields.Integer(string="Second call window (days)", default=7)
    as_followup_retry_days = fields.Integer(string="Retry an unreached call after (days)", default=1)
    as_followup_max_attempts = fields.Integer(string="Attempts before a call counts as unreached", default=3)
    as_followup_escalation_days = fields.Integer(
        string="Unsolved issue to the supervisor within (days)",
        default=2,
    )
    as_followup_user_id = fields.Many2one(
        "res.users",
        string="Follow-up Clerk",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("aftersales_followup.group_aftersales_followup_clerk").ids)
        ],
        help="Clerk who receives the follow-up calls of delivered work orders; empty: the service advisor when "
        "a follow-up clerk, else the first follow-up clerk.",
    )
    as_followup_supervisor_id = fields.Many2one(
        "res.users",
        string="Follow-up Supervisor",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("aftersales_followup.group_aftersales_followup_supervisor").ids)
        ],
        help="Supervisor who receives unsolved issues and late calls; empty: the first follow-up supervisor.",
    )
    as_lost_customer_months = fields.Integer(string="Lost customer after (months without a visit)", default=6)
    as_reminder_lead_days = fields.Integer(string="Maintenance reminder (days before the due date)", default=7)
    # Campaigns
    as_campaign_call_lead_days = fields.Integer(string="Campaign call (days before the event)", default=14)
    as_campaign_letter_days = fields.Integer(string="Letter registered within (days after the call)", default=2)
    # Satisfaction
    as_csi_goal = fields.Float(
        string="CSI goal (%)",
        default=93.0,
    )
    as_csi_complaint_threshold = fields.Float(
        string="Dissatisfied below (%)",
        default=60.0,
        help="A satisfaction answer scoring below this percentage opens a complaint.",
    )
    as_survey_id = fields.Many2one("survey.survey", string="Satisfaction Survey")
    # Complaints
    as_complaint_days = fields.Integer(string="Complaint solved within (days)", default=3)
    # Quality information
    as_quality_level2_amount = fields.Float(
        string="Level 2: customer's compensation demand from (CNY)",
        default=50000.0,
    )
    as_quality_level3_amount = fields.Float(
        string="Level 3: customer's compensation demand from (CNY)",
        default=10000.0,
    )
    as_qa_user_id = fields.Many2one(
        "res.users", string="QA Contact", help="Quality assurance engineer who receives confirmed quality information."
    )
    as_qi_general_upload_days = fields.Integer(
        string="General information: upload within (days after the repair)", default=5
    )
    as_qi_general_qa_days = fields.Integer(string="General information: QA analysis (working days)", default=5)
    as_qi_general_reply_days = fields.Integer(string="General information: reply (working days)", default=2)
    as_qi_important_qa_days = fields.Integer(string="Important information: QA analysis (working days)", default=2)
    as_qi_important_reply_days = fields.Integer(string="Important information: reply (working days)", default=1)
    as_qi_major_qa_days = fields.Integer(string="Major information: QA analysis (working days)", default=2)
    as_qi_major_reply_days = fields.Integer(string="Major information: reply (working days)", default=1)
