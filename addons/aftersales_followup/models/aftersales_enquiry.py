from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError


class AftersalesEnquiry(models.Model):
    _inherit = "aftersales.enquiry"

    followup_id = fields.Many2one("aftersales.followup", string="Follow-up Call", readonly=True, copy=False)

    def action_schedule_followup(self):
        """Calls also follow business visits and consultations: one call in the first-call window."""
        Followup = self.env["aftersales.followup"]
        for enquiry in self:
            if not enquiry.partner_id:
                raise UserError(
                    self.env._(
                        "Enquiry %(e)s has no customer: register the visitor as a customer before scheduling a "
                        "follow-up call.",
                        e=enquiry.name,
                    )
                )
            if enquiry.followup_id:
                raise UserError(
                    self.env._(
                        "Enquiry %(e)s already has follow-up call %(c)s.", e=enquiry.name, c=enquiry.followup_id.name
                    )
                )
        for enquiry in self:
            company = enquiry.company_id
            day = company._as_local_date(enquiry.date)  # the enquiry's local day
            # sudo: the receptionist who logged the enquiry need not be a follow-up clerk; the call is created
            # from the enquiry's own values and assigned to the company's clerk.
            enquiry.followup_id = Followup.sudo().create(
                {
                    "company_id": company.id,
                    "call_type": "visit" if enquiry.channel == "visit" else "consultation",
                    "partner_id": enquiry.partner_id.id,
                    "vehicle_id": enquiry.vehicle_id.id,
                    "subject": enquiry.notes or enquiry.name,
                    "user_id": Followup._clerk_for(company, enquiry.user_id or self.env.user).id,
                    "date_from": day + timedelta(days=company.as_first_call_min_days),
                    "date_deadline": day + timedelta(days=company.as_first_call_max_days),
                }
            )
        return True
