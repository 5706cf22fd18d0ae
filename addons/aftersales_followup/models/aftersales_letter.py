from odoo import api, fields, models
from odoo.exceptions import UserError

HANDLERS = (
    "aftersales_followup.group_aftersales_followup_clerk",
    "aftersales_followup.group_aftersales_quality_officer",
)


class AftersalesLetter(models.Model):
    _name = "aftersales.letter"
    _description = "Letter Register Entry"
    _inherit = ["aftersales.numbered.mixin", "aftersales.followup.workflow", "mail.thread"]
    _order = "due_date desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = ("state", "date")

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, readonly=True
    )
    direction = fields.Selection([("out", "Sent"), ("in", "Received")], default="out", required=True)
    channel = fields.Selection(
        [("letter", "Letter"), ("email", "E-mail"), ("fax", "Fax")], default="letter", required=True
    )
    partner_id = fields.Many2one("res.partner", string="Addressee / Sender", required=True, index=True)
    subject = fields.Char(required=True)
    body = fields.Html()
    followup_id = fields.Many2one("aftersales.followup", string="Call", check_company=True, index="btree_not_null")
    campaign_id = fields.Many2one(
        "aftersales.campaign", string="Customer Care Campaign", check_company=True, index="btree_not_null"
    )
    complaint_id = fields.Many2one("aftersales.complaint", check_company=True)
    due_date = fields.Date(string="Register By", default=fields.Date.context_today)
    date = fields.Date(string="Sent / Received On", copy=False, tracking=True)
    state = fields.Selection(
        [("draft", "To Send"), ("done", "Registered"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late", string="Late")

    @api.depends("state", "due_date")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for letter in self:
            letter.is_late = letter.state == "draft" and letter.due_date and letter.due_date < today

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        domain = [("state", "=", "draft"), ("due_date", "<", fields.Date.context_today(self))]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    def action_register(self):
        self._ensure_group(self.env._("register the letter"), *HANDLERS)
        for letter in self:
            if letter.state != "draft":
                raise UserError(self.env._("Letter %(l)s is already registered or cancelled.", l=letter.name))
        self._as_workflow_write({"state": "done", "date": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self._ensure_group(self.env._("cancel the letter"), *HANDLERS)
        self.filtered(lambda l: l.state == "draft")._as_workflow_write({"state": "cancelled"})
        return True
