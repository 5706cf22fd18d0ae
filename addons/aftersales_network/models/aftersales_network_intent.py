from odoo import api, fields, models
from odoo.exceptions import UserError

# Once signed, the content of a letter of intent is frozen.
FROZEN_FIELDS = {
    "application_id",
    "partner_id",
    "date",
    "valid_until",
    "investment_commitment",
    "target_opening_date",
    "terms",
    "signature",
    "signed_by",
    "signed_on",
}


class NetworkIntent(models.Model):
    _name = "aftersales.network.intent"
    _description = "Letter of Intent"
    _inherit = ["aftersales.workflow.mixin", "aftersales.numbered.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # Issued by the application's step, signed by the candidate only.
    _as_workflow_fields = ("application_id", "state", "signature", "signed_by", "signed_on")

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    application_id = fields.Many2one(
        "aftersales.network.application", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="application_id.company_id", store=True)
    partner_id = fields.Many2one(related="application_id.partner_id", store=True, string="Candidate")
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "To sign"), ("signed", "Signed")], default="draft", required=True, tracking=True, copy=False
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    valid_until = fields.Date()
    investment_commitment = fields.Monetary(currency_field="currency_id")
    target_opening_date = fields.Date()
    terms = fields.Html(translate=False)
    signature = fields.Image(copy=False, attachment=True, max_width=1024, max_height=1024)
    signed_by = fields.Char(copy=False)
    signed_on = fields.Datetime(copy=False)

    def write(self, vals):
        # Guard, not workflow: a signed letter is a legal document and stays as signed.
        if FROZEN_FIELDS & set(vals):
            signed = self.filtered(lambda intent: intent.state == "signed")
            if signed:
                raise UserError(
                    self.env._("Letter of intent %(name)s is signed and can no longer be edited.", name=signed[0].name)
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        signed = self.filtered(lambda intent: intent.state == "signed")
        if signed:
            raise UserError(
                self.env._("Letter of intent %(name)s is signed and cannot be deleted.", name=signed[0].name)
            )

    def _sign(self, name, signature):
        """Record the candidate's signature; called by the application once its guards passed."""
        self.ensure_one()
        if self.state == "signed":
            raise UserError(self.env._("Letter of intent %(name)s is already signed.", name=self.name))
        if not signature or not name:
            raise UserError(
                self.env._("Letter of intent %(name)s needs the signer's name and signature.", name=self.name)
            )
        self._as_workflow_write(
            {"signature": signature, "signed_by": name, "signed_on": fields.Datetime.now(), "state": "signed"}
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Letter of intent %(name)s", name=self.name)

    def action_print(self):
        return self.env.ref("aftersales_network.action_report_network_intent").report_action(self)
