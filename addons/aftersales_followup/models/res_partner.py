from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    followup_ids = fields.One2many("aftersales.followup", "partner_id", string="Follow-up Calls")
    followup_count = fields.Integer(compute="_compute_followup_count", string="Calls")

    def _compute_followup_count(self):
        counts = dict(
            self.env["aftersales.followup"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.followup_count = counts.get(partner, 0)

    @api.model
    def _lost_customer_domain(self, company=None):
        company = company or self.env.company
        cutoff = fields.Date.context_today(self) - relativedelta(months=company.as_lost_customer_months)
        return [("last_visit_date", "!=", False), ("last_visit_date", "<", cutoff), ("is_company", "=", False)]

    @api.model
    def action_open_lost_customers(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_followup.res_partner_action_lost")
        action["domain"] = self._lost_customer_domain()
        return action

    def action_schedule_winback(self):
        """Win-back calls for the selected lost customers that have no open win-back call."""
        Followup = self.env["aftersales.followup"]
        open_calls = Followup.search(
            [("partner_id", "in", self.ids), ("call_type", "=", "winback"), ("state", "=", "planned")]
        )
        todo = self - open_calls.partner_id
        company = self.env.company
        clerk = Followup._clerk_for(company, self.env.user)
        today = fields.Date.context_today(self)
        Followup.create(
            [
                {
                    "company_id": company.id,
                    "call_type": "winback",
                    "partner_id": partner.id,
                    "vehicle_id": partner.vehicle_ids[:1].id,
                    "user_id": clerk.id,
                    "date_from": today,
                    "date_deadline": today + timedelta(days=company.as_first_call_max_days),
                }
                for partner in todo
            ]
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(n)s win-back calls scheduled.", n=len(todo)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_followup.aftersales_followup_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
