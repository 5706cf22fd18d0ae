from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.aftersales_base.tests.cron_common import run_one_cron_batch, set_cron_batch_size
from odoo.addons.aftersales_followup.models.aftersales_followup import TO_ESCALATE
from odoo.addons.aftersales_followup.models.repair_order import TO_SCHEDULE
from odoo.tests import tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowupCronBatches(FollowupCommon):
    """Every follow-up cron works in batches: a job killed after one batch resumes without redoing or losing work."""

    def _delivered(self, count):
        orders = self.env["repair.order"].browse()
        for _i in range(count):
            orders |= self._ready_order()
        # Other delivered orders of the database must not be picked up by this measure.
        self.env["repair.order"].search([("service_stage", "=", "delivered")]).write({"followup_scheduled": True})
        orders.write({"service_stage": "delivered", "delivered_date": datetime(2026, 1, 5, 9, 0)})
        return orders

    def _calls(self, orders):
        return self.env["aftersales.followup"].search([("repair_id", "in", orders.ids), ("call_type", "=", "first")])

    def test_scheduling_and_escalation_resume_after_one_batch(self):
        orders = self._delivered(5)
        set_cron_batch_size(self.env, 2)
        cron = "aftersales_followup.ir_cron_schedule_followups"
        first = run_one_cron_batch(self.env, cron, "_cron_schedule_followups")
        self.assertEqual((first.done, first.remaining), (2, 3))
        self.assertEqual(len(self._calls(orders)), 2)
        # killed here: the next runs schedule the 3 other orders, none twice
        self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_schedule_followups").remaining, 1)
        self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_schedule_followups").remaining, 0)
        calls = self._calls(orders)
        self.assertEqual(calls.repair_id, orders)
        self.assertEqual(len(calls), 5, "one first call per order")

        self.env["aftersales.followup"].search([("id", "not in", calls.ids)]).write({"escalated_late": True})
        with freeze_time("2026-03-01 09:00:00"):
            self.assertTrue(all(calls.mapped("is_late")))
            cron = "aftersales_followup.ir_cron_escalate_followups"
            first = run_one_cron_batch(self.env, cron, "_cron_escalate_late")
            self.assertEqual((first.done, first.remaining), (2, 3))
            self.assertEqual(len(calls.filtered("escalated_late")), 2)
            while run_one_cron_batch(self.env, cron, "_cron_escalate_late").remaining:
                pass
        self.assertTrue(all(calls.mapped("escalated_late")))
        for call in calls:
            late = call.activity_ids.filtered(lambda a: a.summary == "Late follow-up call")
            self.assertEqual(len(late), 1, "every late call escalated exactly once")

    @freeze_time("2026-06-15 09:00:00")
    def test_maintenance_reminders_resume_after_one_batch(self):
        FleetVehicle = self.env["fleet.vehicle"]
        # only the vehicles of this test are due
        FleetVehicle.search([]).write({"maintenance_interval_months": 0})
        vehicles = self.vehicle
        for i in range(2):
            vehicles |= self.vehicle.copy({"vin_sn": False, "license_plate": f"粤A9000{i}"})
        vehicles.write({"owner_id": self.customer.id, "sale_date": date(2026, 1, 1), "maintenance_interval_months": 6})
        self.company.as_reminder_lead_days = 20
        set_cron_batch_size(self.env, 2)
        cron = "aftersales_followup.ir_cron_maintenance_reminders"
        first = run_one_cron_batch(self.env, cron, "_cron_maintenance_reminders")
        self.assertEqual((first.done, first.remaining), (2, 1))
        second = run_one_cron_batch(self.env, cron, "_cron_maintenance_reminders")
        self.assertEqual((second.done, second.remaining), (1, 0))
        self.assertEqual(run_one_cron_batch(self.env, cron, "_cron_maintenance_reminders").done, 0)
        reminders = self.env["aftersales.followup"].search([("vehicle_id", "in", vehicles.ids)])
        self.assertEqual(reminders.vehicle_id, vehicles)
        self.assertEqual(len(reminders), 3, "one reminder per vehicle")

    def test_cron_indexes_cover_the_cron_domains(self):
        """The scheduling and escalation crons read their batches through small partial indexes: the index's
        predicate must take in every record the cron's domain selects, or the cron's reads scan the whole table
        again (and a changed domain would silently outgrow its index)."""
        orders = self._delivered(3)
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname IN "
            "('repair_order_followup_to_schedule_index', 'aftersales_followup_to_escalate_index') ORDER BY indexname"
        )
        definitions = [row[0] for row in cr.fetchall()]
        self.assertEqual(len(definitions), 2, "both partial indexes exist")
        self.assertTrue(all(" WHERE " in d for d in definitions), "both are partial")

        to_schedule = self.env["repair.order"].search(self.env["repair.order"]._as_to_schedule_domain())
        self.assertEqual(to_schedule, orders)
        cr.execute(f"SELECT id FROM repair_order WHERE {TO_SCHEDULE}")  # pylint: disable=sql-injection
        self.assertEqual({row[0] for row in cr.fetchall()}, set(orders.ids))

        self.env["repair.order"]._cron_schedule_followups()
        calls = self._calls(orders)
        self.assertEqual(calls.advisor_id, orders.user_id, "the call's advisor is given with the call")
        Followup = self.env["aftersales.followup"]
        with freeze_time("2026-03-01 09:00:00"):
            late = Followup.search(Followup._as_to_escalate_domain())
            self.assertFalse(calls - late, "the new calls are late")
            cr.execute(f"SELECT id FROM aftersales_followup WHERE {TO_ESCALATE}")  # pylint: disable=sql-injection
            indexed = {row[0] for row in cr.fetchall()}
            self.assertFalse(set(late.ids) - indexed, "every late call not escalated yet is in the index")
