from odoo import api, models

CHINA_TZ = "Asia/Shanghai"


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def default_get(self, fields_list):
        """New users of a Chinese company live in its time zone (screens, printouts, portal), not UTC."""
        values = super().default_get(fields_list)
        if "tz" in fields_list and not values.get("tz"):
            company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
            tz = company.partner_id.tz or (CHINA_TZ if company.country_id.code == "CN" else False)
            if tz:
                values["tz"] = tz
        return values
