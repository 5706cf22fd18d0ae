from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestFollowup(FollowupCommon):
    def _deliver(self, order=None):
        order = order or self._ready_order()
        order.with_user(self.advisor).action_deliver()
        return order

    def _first_call(self, order):
        return self.env["aftersales.followup"].search([("repair_id", "=", order.id), ("call_type", "=", "first")])

    @freeze_time("2026-03-02 09:00:00")
    def test_delivery_schedules_first_call_between_day_3_and_7(self):
        """The advisor delivers the vehicle: the first call falls between day 3 and day 7 (settings)."""
        self.company.as_followup_user_id = self.clerk
        order = self._deliver()
        call = self._first_call(order)
        self.assertRecordValues(
            call,
            [
                {
                    "partner_id": self.customer.id,
                    "vehicle_id": self.vehicle.id,
                    "user_id": self.clerk.id,
                    "state": "planned",
                    "date_from": date(2026, 3, 5),
                    "date_deadline": date(2026, 3, 9),
                }
            ],
        )
        self.assertTrue(order.followup_scheduled)
        self.assertTrue(call.name.startswith("FU"))
        # A second delivery run (cron) does not schedule it twice.
        self.env["repair.order"]._cron_schedule_followups()
        self.assertEqual(len(self._first_call(order)), 1)

    @freeze_time("2026-03-02 09:00:00")
    def test_window_follows_the_settings(self):
        self.company.write({"as_first_call_min_days": 1, "as_first_call_max_days": 2})
        call = self._first_call(self._deliver())
        self.assertEqual((call.date_from, call.date_deadline), (date(2026, 3, 3), date(2026, 3, 4)))

    @freeze_time("2026-03-02 09:00:00")
    def test_absent_clerk_calls_go_to_the_stand_in(self):
        """The clerk is away: the supervisor hands the queue over, new calls go to the stand-in."""
        self.company.as_followup_user_id = self.clerk
        old_call = self._first_call(self._deliver())
        wizard = Form(self.env["aftersales.followup.handover"].with_user(self.supervisor))
        wizard.user_id = self.clerk
        wizard.stand_in_id = self.stand_in
        wizard.save().action_hand_over()
        self.assertEqual(old_call.user_id, self.stand_in)
        new_call = self._first_call(self._deliver(self._ready_order()))
        self.assertEqual(new_call.user_id, self.stand_in)

    def test_clerk_logs_first_call_and_second_call_follows(self):
        """Reached on the first call: the second call falls within 7 days after the following week."""
        with freeze_time("2026-03-02 09:00:00"):
            call = self._first_call(self._deliver())
        with freeze_time("2026-03-05 10:00:00"):
            form = Form(call.with_user(self.clerk))
            form.vehicle_condition = "车况良好，无异响"
            form.service_opinion = "satisfied"
            form.new_needs = "下次保养想预约周末"
            form.tips_given = "提醒冬季检查防冻液"
            form.save()
            call.with_user(self.clerk).action_log_call()
        self.assertEqual(call.state, "done")
        self.assertTrue(call.reached)
        second = self.env["aftersales.followup"].search([("previous_id", "=", call.id)])
        self.assertRecordValues(
            second,
            [{"call_type": "second", "date_from": date(2026, 3, 12), "date_deadline": date(2026, 3, 19)}],
        )

    @freeze_time("2026-03-05 10:00:00")
    def test_unreached_customer_is_retried_then_given_up(self):
        call = self.env["aftersales.followup"].create(
            {"partner_id": self.customer.id, "call_type": "first", "user_id": self.clerk.id}
        )
        call.with_user(self.clerk).action_not_reached()
        self.assertRecordValues(call, [{"state": "planned", "attempt_count": 1, "next_attempt_date": date(2026, 3, 6)}])
        call.with_user(self.clerk).action_not_reached()
        call.with_user(self.clerk).action_not_reached()
        self.assertEqual(call.state, "unreached")
        with self.assertRaises(UserError):
            call.with_user(self.clerk).action_not_reached()

    def test_unsolved_issue_goes_to_supervisor_within_2_days_and_customer_told_same_day(self):
        with freeze_time("2026-03-05 10:00:00"):
            call = self.env["aftersales.followup"].create(
                {
                    "partner_id": self.customer.id,
                    "call_type": "inbound_complaint",
                    "user_id": self.clerk.id,
                    "subject": "空调不制冷",
                    "open_issue": "保养后空调仍不制冷，客户要求免费复检",
                }
            )
            self.assertEqual(call.direction, "inbound")
            call.with_user(self.clerk).action_log_call()
            # Thursday + 2 working days: the weekend does not count (the company's working calendar).
            self.assertRecordValues(
                call,
                [{"state": "escalated", "supervisor_id": self.supervisor.id, "escalation_deadline": date(2026, 3, 9)}],
            )
            activity = call.activity_ids
            self.assertEqual((activity.user_id, activity.date_deadline), (self.supervisor, date(2026, 3, 9)))
            self.assertFalse(call.is_late)
        with freeze_time("2026-03-10 10:00:00"):
            # Overdue list: past the supervisor's deadline.
            self.assertIn(call, self.env["aftersales.followup"].search([("is_late", "=", True)]))
            self.env["aftersales.followup"]._cron_escalate_late()
            self.assertTrue(call.escalated_late)
            # The clerk may not record the solution; the supervisor does.
            call.solution = "安排技术经理免费复检空调系统"
            with self.assertRaises(AccessError):
                call.with_user(self.clerk).action_solve()
            call.with_user(self.supervisor).action_solve()
            self.assertEqual(call.solution_date, date(2026, 3, 10))
            told = call.activity_ids.filtered(lambda a: a.user_id == self.clerk)
            self.assertEqual(told.date_deadline, date(2026, 3, 10), "the customer is told the same day")
        with freeze_time("2026-03-11 10:00:00"):
            self.assertTrue(call.is_late, "a solution not told the same day is late")
            call.with_user(self.clerk).action_customer_told()
        self.assertEqual(call.state, "closed")

    def test_solution_needs_a_text(self):
        call = self.env["aftersales.followup"].create(
            {"partner_id": self.customer.id, "open_issue": "发票抬头错误", "user_id": self.clerk.id}
        )
        call.action_log_call()
        with self.assertRaises(UserError):
            call.with_user(self.supervisor).action_solve()

    def test_late_planned_calls_escalate_once(self):
        with freeze_time("2026-03-02 09:00:00"):
            call = self._first_call(self._deliver())
        with freeze_time("2026-03-10 09:00:00"):
            Followup = self.env["aftersales.followup"]
            self.assertEqual(Followup._cron_escalate_late(), 1)
            self.assertEqual(Followup._cron_escalate_late(), 0)
            self.assertTrue(call.activity_ids.filtered(lambda a: a.user_id == self.supervisor))
            # The supervisor gets the to-do without following the call (no mail of each late call's chatter)...
            self.assertNotIn(self.supervisor.partner_id, call.message_partner_ids)
            # ...which only the cron's superuser environment skips: a user's caller setting the key subscribes.
            call.with_user(self.supervisor).with_context(aftersales_escalation_no_follow=True).message_subscribe(
                partner_ids=self.supervisor.partner_id.ids
            )
            self.assertIn(self.supervisor.partner_id, call.message_partner_ids)

    @freeze_time("2026-06-15 09:00:00")
    def test_lost_customers_get_win_back_calls(self):
        """No visit for 6 months: the customer is on the lost list and gets a win-back call."""
        lost = self.env["res.partner"].create({"name": "赵女士", "phone": "13900002222"})
        recent = self.env["res.partner"].create({"name": "钱先生", "phone": "13900003333"})
        for partner, when in ((lost, datetime(2025, 11, 1)), (recent, datetime(2026, 5, 1))):
            self.env["repair.order"].create({"partner_id": partner.id, "reception_date": when})
        Partner = self.env["res.partner"]
        found = Partner.search(Partner._lost_customer_domain())
        self.assertIn(lost, found)
        self.assertNotIn(recent, found)
        action = Partner.action_open_lost_customers()
        self.assertIn(lost, Partner.search(action["domain"]))
        found.with_user(self.clerk).action_schedule_winback()
        found.with_user(self.clerk).action_schedule_winback()
        calls = self.env["aftersales.followup"].search([("partner_id", "=", lost.id), ("call_type", "=", "winback")])
        self.assertEqual(len(calls), 1)

    @freeze_time("2026-06-15 09:00:00")
    def test_maintenance_reminder_from_next_maintenance_date(self):
        """Solicitation: a reminder call when the archive's next maintenance date is near."""
        self.vehicle.write({"sale_date": date(2026, 1, 1), "maintenance_interval_months": 6})
        self.assertEqual(self.vehicle.next_maintenance_date, date(2026, 7, 1))
        FleetVehicle = self.env["fleet.vehicle"]
        Followup = self.env["aftersales.followup"]
        # Other vehicles (demo data of other addons) may be due too: look at this vehicle's calls.
        FleetVehicle._cron_maintenance_reminders()
        self.assertFalse(Followup.search([("vehicle_id", "=", self.vehicle.id)]), "1 July is beyond the 7-day lead")
        self.company.as_reminder_lead_days = 20
        self.assertGreaterEqual(FleetVehicle._cron_maintenance_reminders(), 1)
        FleetVehicle._cron_maintenance_reminders()  # one reminder per due date, however often the cron runs
        reminder = Followup.search([("vehicle_id", "=", self.vehicle.id)])
        self.assertRecordValues(reminder, [{"call_type": "reminder", "date_deadline": date(2026, 7, 1)}])

    def test_inbound_enquiry_logged_and_complaint_opened(self):
        call = (
            self.env["aftersales.followup"]
            .with_user(self.clerk)
            .create(
                {
                    "partner_id": self.customer.id,
                    "call_type": "inbound_complaint",
                    "subject": "收费疑问",
                    "opinion_note": "客户认为工时费偏高",
                }
            )
        )
        call.action_log_call()
        call.action_create_complaint()
        self.assertEqual(call.complaint_id.description, "客户认为工时费偏高")
        with self.assertRaises(UserError):
            call.action_create_complaint()

    def test_clerk_cannot_delete_calls(self):
        call = self.env["aftersales.followup"].create({"partner_id": self.customer.id})
        with self.assertRaises(AccessError):
            call.with_user(self.clerk).unlink()

    def test_crons_cost_the_same_queries_per_batch(self):
        """Scheduling and escalation crons: the query count grows with the batches, not with the records."""
        RepairOrder = self.env["repair.order"]
        Followup = self.env["aftersales.followup"]

        def delivered(count):
            orders = RepairOrder.browse()
            for _i in range(count):
                orders |= self._ready_order()
            orders.write({"service_stage": "delivered", "delivered_date": datetime(2026, 1, 5, 9, 0)})
            self.env.flush_all()
            return orders

        def queries(func):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            func()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        # Other delivered orders of the database must not be picked up by this measure.
        RepairOrder.search([("service_stage", "=", "delivered")]).write({"followup_scheduled": True})
        delivered(3)
        RepairOrder._cron_schedule_followups(batch_size=3)  # warm-up: caches of the first run
        delivered(3)
        small = queries(lambda: RepairOrder._cron_schedule_followups(batch_size=3))
        delivered(9)
        large = queries(lambda: RepairOrder._cron_schedule_followups(batch_size=9))
        self.assertEqual(small, large, "one batch of 3 and one batch of 9 cost the same queries")

        Followup.search([("escalated_late", "=", False)]).write({"escalated_late": True})
        with freeze_time("2026-03-01 09:00:00"):
            late = Followup.search([("repair_id.delivered_date", "=", datetime(2026, 1, 5, 9, 0))])
            self.assertEqual(len(late), 15)
            late[:3].write({"escalated_late": False})
            Followup._cron_escalate_late(batch_size=3)  # warm-up
            late[3:6].write({"escalated_late": False})
            small = queries(lambda: Followup._cron_escalate_late(batch_size=3))
            late[6:].write({"escalated_late": False})
            large = queries(lambda: Followup._cron_escalate_late(batch_size=9))
        self.assertEqual(small, large, "escalating 3 or 9 late calls in one batch costs the same queries")

    @freeze_time("2026-03-02 09:00:00")
    def test_consultation_schedules_a_follow_up_call(self):
        """Calls also follow consultations: the enquiry log schedules one in the first-call window."""
        enquiry = self.env["aftersales.enquiry"].create(
            {"partner_id": self.customer.id, "channel": "phone", "notes": "咨询二手车置换"}
        )
        enquiry.with_user(self.advisor).action_schedule_followup()
        self.assertRecordValues(
            enquiry.followup_id,
            [{"call_type": "consultation", "date_from": date(2026, 3, 5), "date_deadline": date(2026, 3, 9)}],
        )
        with self.assertRaises(UserError):
            enquiry.action_schedule_followup()
        visitor = self.env["aftersales.enquiry"].create({"visitor_name": "路过的客人", "channel": "visit"})
        with self.assertRaises(UserError):
            visitor.action_schedule_followup()

    def test_other_company_cannot_read_calls(self):
        """Multi-company: a clerk of another dealer does not see this dealer's calls."""
        other_company = self.env["res.company"].create({"name": "另一家4S店"})
        other_clerk = self.env["res.users"].create(
            {
                "name": "他店回访员",
                "login": "fu_other_clerk",
                "company_id": other_company.id,
                "company_ids": [(6, 0, other_company.ids)],
                "groups_id": [(6, 0, self.env.ref("aftersales_followup.group_aftersales_followup_clerk").ids)],
            }
        )
        call = self.env["aftersales.followup"].create({"partner_id": self.customer.id})
        self.assertFalse(self.env["aftersales.followup"].with_user(other_clerk).search([("id", "=", call.id)]))
        with self.assertRaises(AccessError):
            call.with_user(other_clerk).read(["name"])
