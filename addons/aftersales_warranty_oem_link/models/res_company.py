from odoo import fields, models

SYSTEM_GROUP = "base.group_system"


class ResCompany(models.Model):
    _inherit = "res.company"

    as_oem_url = fields.Char(
        string="OEM Site URL", help="Dealer site: the address of the OEM's Odoo, e.g. https://oem.example.com."
    )
    as_oem_db = fields.Char(string="OEM Database")
    as_oem_login = fields.Char(string="OEM Portal Login", help="The login of the dealer's portal user at the OEM site.")
    as_oem_api_key = fields.Char(
        string="OEM API Key",
        groups=SYSTEM_GROUP,
        copy=False,
        help="The API key the dealer's portal user created on its portal security page at the OEM site.",
    )
    as_oem_timeout = fields.Integer(
        string="OEM Call Timeout (s)", default=30, help="Seconds to wait for the OEM site before giving up."
    )
    as_oem_retry_minutes = fields.Integer(
        string="OEM Retry Delay (min)",
        default=5,
        help="A failed send is retried after this delay, doubled after each further failure (at most one day).",
    )
    as_oem_last_pull = fields.Datetime(
        string="Last OEM Pull", readonly=True, copy=False, help="OEM time of the last pull of decisions."
    )

    as_oem_quality_last_pull = fields.Datetime(
        string="Last OEM Quality Pull",
        readonly=True,
        copy=False,
        help="OEM time of the last pull of replies to quality information.",
    )

    def _as_oem_configured(self):
        self.ensure_one()
        # sudo: only whether a key is set is read here, never its value.
        return bool(self.as_oem_url and self.as_oem_db and self.as_oem_login and self.sudo().as_oem_api_key)
