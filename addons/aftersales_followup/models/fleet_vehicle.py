from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import run_cron_batches


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    as_followup_ids = fields.One2many("aftersales.followup", "vehicle_id", string="Follow-up Calls")

    @api.model
    def _cron_maintenance_reminders(self, batch_size=None):
        """Solicitation: a reminder call for vehicles whose next maintenance is due within the lead days.

        In batches: a reminded vehicle leaves the search (it has its reminder call), so a resumed run goes on with
        the next ones and never reminds a vehicle twice.
        """
        # as the scheduling cron: no creation message, no follower and no "assigned to you" e-mail per call (a
        # clerk would get one mail per reminder: thousands on the first day of a month); the calls are in the
        # clerk's list
        Followup = self.env["aftersales.followup"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        )
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].search([])

        def domain(company):
            return [
                ("owner_id", "!=", False),
                ("company_id", "in", [False, company.id]),
                ("next_maintenance_date", ">=", today),
                ("next_maintenance_date", "<=", today + timedelta(days=company.as_reminder_lead_days)),
                (
                    "as_followup_ids",
                    "not any",
                    [
                        ("call_type", "=", "reminder"),
                        ("date_deadline", ">=", today - timedelta(days=company.as_reminder_lead_days)),
                    ],
                ),
            ]

        def step(limit):
            created = Followup
            for company in companies:
                if len(created) >= limit:
                    break
                vehicles = self.search(domain(company), limit=limit - len(created), order="id")
                clerk = Followup._clerk_for(company, self.env.user)
                created |= Followup.create(
                    [
                        {
                            "company_id": company.id,
                            "call_type": "reminder",
                            "partner_id": vehicle.owner_id.id,
                            "vehicle_id": vehicle.id,
                            "user_id": clerk.id,
                            "subject": self.env._(
                                "Maintenance due on %(date)s",
                                date=fields.Date.to_string(vehicle.next_maintenance_date),
                            ),
                            "date_from": today,
                            "date_deadline": vehicle.next_maintenance_date,
                        }
                        for vehicle in vehicles
                    ]
                )
            remaining = sum(self.search_count(domain(company)) for company in companies) if created else 0
            return len(created), remaining

        return run_cron_batches(self.env, step, batch_size) or 0
