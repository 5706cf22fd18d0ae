from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.modules.migration import load_script
from odoo.tests import tagged

from .common import FollowupCommon


@tagged("post_install", "-at_install")
class TestCampaign(FollowupCommon):
    @freeze_time("2026-04-01 09:00:00")
    def test_campaign_targets_calls_letters_and_response_rate(self):
        other = self.env["res.partner"].create({"name": "孙先生", "phone": "13700004444"})
        self.env["fleet.vehicle"].create({"model_id": self.model_b.id, "owner_id": other.id})
        self.vehicle.odometer = 42000
        campaign = (
            self.env["aftersales.campaign"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "夏季空调免费检测",
                    "event_date": date(2026, 5, 20),
                    "vehicle_model_ids": [(6, 0, self.model_a.ids)],
                    "odometer_min": 30000,
                    "letter_needed": True,
                    "user_id": self.clerk.id,
                }
            )
        )
        self.assertEqual(campaign.call_date, date(2026, 5, 6), "two weeks before the event")
        with self.assertRaises(UserError):
            campaign.action_schedule_calls()
        campaign.action_select_targets()
        self.assertEqual(campaign.vehicle_ids, self.vehicle)
        campaign.action_schedule_calls()
        call = campaign.followup_ids
        self.assertRecordValues(
            call, [{"partner_id": self.customer.id, "date_deadline": date(2026, 5, 6), "user_id": self.clerk.id}]
        )
        with freeze_time("2026-05-06 10:00:00"):
            call.with_user(self.clerk).write({"responded": True})
            call.with_user(self.clerk).action_log_call()
            letter = call.letter_ids
            self.assertEqual(letter.due_date, date(2026, 5, 8), "letter within 2 days of the call")
            self.assertEqual(letter.campaign_id, campaign)
        self.assertEqual(campaign.response_rate, 100.0)
        with freeze_time("2026-05-09 10:00:00"):
            self.assertTrue(letter.is_late)
            letter.with_user(self.clerk).action_register()
            self.assertFalse(letter.is_late)

    def test_recall_type_campaigns_become_service_events_on_update(self):
        """The "recall" type of customer care campaigns is gone (an OEM recall is the warranty addon's): a campaign
        of that type recorded before the update is a service event after it, with its calls kept."""
        campaign = self.env["aftersales.campaign"].create({"name": "召回邀约", "event_date": date(2026, 5, 20)})
        self.env.flush_all()
        self.env.cr.execute("UPDATE aftersales_campaign SET campaign_type = 'recall' WHERE id = %s", [campaign.id])
        migration = load_script("aftersales_followup/migrations/18.0.1.0.1/pre-migration.py", "followup_pre_18_0_1_0_1")
        migration.migrate(self.env.cr, "18.0.1.0.0")
        campaign.invalidate_recordset()
        self.assertEqual(campaign.campaign_type, "service")
        self.assertNotIn("recall", dict(campaign._fields["campaign_type"].selection))
