from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_abc_a_share = fields.Float(related="company_id.as_abc_a_share", readonly=False)
    as_abc_b_share = fields.Float(related="company_id.as_abc_b_share", readonly=False)
    as_dead_stock_months = fields.Integer(related="company_id.as_dead_stock_months", readonly=False)
    as_old_part_retention_days = fields.Integer(related="company_id.as_old_part_retention_days", readonly=False)
    as_stock_loss_account_id = fields.Many2one(related="company_id.as_stock_loss_account_id", readonly=False)
    as_stock_gain_account_id = fields.Many2one(related="company_id.as_stock_gain_account_id", readonly=False)
    as_pending_disposal_location_id = fields.Many2one(
        related="company_id.as_pending_disposal_location_id", readonly=False
    )
    as_tech_high_points = fields.Integer(related="company_id.as_tech_high_points", readonly=False)
    as_tech_technical_points = fields.Integer(related="company_id.as_tech_technical_points", readonly=False)
    as_qa_decision_days = fields.Integer(related="company_id.as_qa_decision_days", readonly=False)
    as_qa_reply_days = fields.Integer(related="company_id.as_qa_reply_days", readonly=False)
    as_parts_region_id = fields.Many2one(related="company_id.as_parts_region_id", readonly=False)
    as_quotes_required = fields.Integer(related="company_id.as_quotes_required", readonly=False)
    as_finance_partner_id = fields.Many2one(related="company_id.as_finance_partner_id", readonly=False)
    as_blind_count = fields.Selection(related="company_id.as_blind_count", readonly=False)
