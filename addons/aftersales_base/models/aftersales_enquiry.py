from odoo import api, fields, models


class AftersalesEnquiry(models.Model):
    """Visitors who only ask, get a quote or book are registered too."""

    _name = "aftersales.enquiry"
    _description = "Enquiry Log"
    _inherit = ["aftersales.numbered.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(default="/", readonly=True, copy=False)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", check_company=True)
    visitor_name = fields.Char(help="Name of a visitor who is not a customer yet.")
    phone = fields.Char()
    vehicle_id = fields.Many2one("fleet.vehicle", check_company=True)
    enquiry_type = fields.Selection(
        [("question", "Question"), ("quote", "Quote"), ("booking", "Booking"), ("complaint", "Complaint")],
        default="question",
        required=True,
    )
    channel = fields.Selection(
        [("visit", "Visit"), ("phone", "Phone"), ("online", "Online"), ("wechat", "WeChat")],
        default="visit",
        required=True,
    )
    notes = fields.Text()
    quoted_amount = fields.Monetary()
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one("res.users", string="Received By", default=lambda self: self.env.user)
    appointment_id = fields.Many2one("aftersales.appointment", check_company=True)

    @api.model_create_multi
    def create(self, vals_list):
        enquiries = super().create(vals_list)
        enquiries.partner_id.sudo()._schedule_archive_activities()  # same follow-up as a visit (see delivery)
        return enquiries
