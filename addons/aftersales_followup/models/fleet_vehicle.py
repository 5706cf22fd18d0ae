from datetime import timedelta

from odoo import api, fields, models


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    @api.model
    def _cron_maintenance_reminders(self, batch_size=1000):
        """Solicitation: a reminder call for vehicles whose next maintenance is due within the lead days."""
        Followup = self.env["aftersales.followup"]
        today = fields.Date.context_today(self)
        total = 0
        for company in self.env["res.company"].search([]):
            horizon = today + timedelta(days=company.as_reminder_lead_days)
            last_id = 0
            while True:
                vehicles = self.search(
                    [
                        ("id", ">", last_id),
                        ("owner_id", "!=", False),
                        ("company_id", "in", [False, company.id]),
                        ("next_maintenance_date", ">=", today),
                        ("next_maintenance_date", "<=", horizon),
                    ],
                    limit=batch_size,
                    order="id",
                )
                if not vehicles:
                    break
                last_id = vehicles[-1].id
                reminded = Followup.search(
                    [
                        ("vehicle_id", "in", vehicles.ids),
                        ("call_type", "=", "reminder"),
                        ("date_deadline", ">=", today - timedelta(days=company.as_reminder_lead_days)),
                    ]
                ).vehicle_id
                clerk = Followup._clerk_for(company, self.env.user)
                vals_list = [
                    {
                        "company_id": company.id,
                        "call_type": "reminder",
                        "partner_id": vehicle.owner_id.id,
                        "vehicle_id": vehicle.id,
                        "user_id": clerk.id,
                        "subject": self.env._(
                            "Maintenance due on %(date)s", date=fields.Date.to_string(vehicle.next_maintenance_date)
                        ),
                        "date_from": today,
                        "date_deadline": vehicle.next_maintenance_date,
                    }
                    for vehicle in vehicles - reminded
                ]
                total += len(
                    Followup.with_context(mail_create_nolog=True, mail_create_nosubscribe=True).create(vals_list)
                )
        return total
