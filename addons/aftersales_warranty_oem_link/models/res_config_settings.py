from odoo import fields, models

from .res_company import SYSTEM_GROUP


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    as_oem_url = fields.Char(related="company_id.as_oem_url", readonly=False)
    as_oem_db = fields.Char(related="company_id.as_oem_db", readonly=False)
    as_oem_login = fields.Char(related="company_id.as_oem_login", readonly=False)
    as_oem_api_key = fields.Char(related="company_id.as_oem_api_key", readonly=False, groups=SYSTEM_GROUP)
    as_oem_timeout = fields.Integer(related="company_id.as_oem_timeout", readonly=False)
    as_oem_retry_minutes = fields.Integer(related="company_id.as_oem_retry_minutes", readonly=False)

    def action_as_oem_test_connection(self):
        """Log in at the OEM site and ask it who the dealer is; a notification says what happened."""
        self.ensure_one()
        self.execute()  # what is typed is what is tested
        message = self.env["aftersales.oem.exchange"]._as_oem_test_connection(self.company_id)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"message": message, "type": "success", "sticky": False},
        }
