from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    network_application_ids = fields.One2many(
        "aftersales.network.application", "lead_id", string="Network Applications"
    )
    network_application_count = fields.Integer(compute="_compute_network_application_count")
    is_network_team = fields.Boolean(compute="_compute_is_network_team")

    @api.depends("network_application_ids")
    def _compute_network_application_count(self):
        for lead in self:
            lead.network_application_count = len(lead.network_application_ids)

    @api.depends("team_id")
    def _compute_is_network_team(self):
        team = self.env.ref("aftersales_network.crm_team_dealer_network", raise_if_not_found=False)
        for lead in self:
            lead.is_network_team = bool(team) and lead.team_id == team

    def _prepare_network_application_vals(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        state = partner.state_id or self.state_id
        return {
            "lead_id": self.id,
            "partner_id": partner.id,
            "company_id": self.company_id.id or self.env.company.id,
            "user_id": self.user_id.id or self.env.user.id,
            "street": partner.street or self.street,
            "city": partner.city or self.city,
            "city_id": partner.city_id.filtered(lambda city: not city.state_id or city.state_id == state).id,
            "state_id": state.id,
            "country_id": (partner.country_id or self.country_id).id,
            "zip": partner.zip or self.zip,
            "phone": partner.phone or self.phone,
            "email": partner.email or self.email_from,
            "legal_representative": self.contact_name,
        }

    def action_start_network_application(self):
        """Create the candidate company from the lead when needed, then its application."""
        self.ensure_one()
        if self.network_application_ids.filtered(lambda app: app.state not in ("cancelled",)):
            raise UserError(
                self.env._(
                    "Lead %(lead)s already has an application in progress: open it instead of starting another.",
                    lead=self.name,
                )
            )
        if not self.partner_id:
            if not self.partner_name:
                raise UserError(
                    self.env._(
                        "Lead %(lead)s has no candidate company: fill in the company name first.", lead=self.name
                    )
                )
            self._handle_partner_assignment(create_missing=True)
        if not self.partner_id.is_company and not self.partner_id.parent_id:
            self.partner_id.is_company = True
        application = self.env["aftersales.network.application"].create(self._prepare_network_application_vals())
        application.message_post_with_source(
            "mail.message_origin_link",
            render_values={"self": application, "origin": self},
            subtype_xmlid="mail.mt_note",
        )
        return application._get_form_action()

    def action_view_network_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_network.aftersales_network_application_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"create": False}
        if len(self.network_application_ids) == 1:
            return self.network_application_ids._get_form_action()
        return action
