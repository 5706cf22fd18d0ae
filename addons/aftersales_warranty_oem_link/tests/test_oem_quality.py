"""Quality information out and the OEM's reply back, over real HTTP to the test server, as in test_oem_link."""

import logging

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..tools import OemError
from .common import OemLinkCommon

_logger = logging.getLogger(__name__)

QI = "aftersales_followup.group_aftersales_"


@tagged("post_install", "-at_install")
class TestOemQuality(OemLinkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qi_officer = new_test_user(cls.env, login="dealer_qi_officer", groups=QI + "quality_officer")

        def oem_user(login, group):
            return new_test_user(
                cls.env,
                login=login,
                groups=QI + group,
                company_id=cls.oem_company.id,
                company_ids=[cls.oem_company.id],
            )

        cls.oem_manager = oem_user("oem_qi_manager", "aftersales_manager")
        cls.oem_qa = oem_user("oem_qi_qa", "quality_assurance")
        cls.oem_officer = oem_user("oem_qi_officer", "quality_officer")
        cls.oem_company.as_qa_user_id = cls.oem_qa
        cls.Infos = cls.env["aftersales.quality.info"]

    def _dealer_report(self, **kw):
        vals = {
            "partner_id": self.dealer.id,
            "title": "变速箱异响批量投诉",
            "description": "同批次车辆 3 台换挡异响，客户投诉",
            "vin": self.vehicle.vin_sn,
            "mileage": 23000,
            "info_type": "important",
            "c1_injury": True,
            "c1_media": True,  # not on the portal form: reaches the OEM as a note
            **kw,
        }
        info = self.Infos.with_user(self.qi_officer).create(vals)
        info.with_user(self.qi_officer).action_submit()
        return info

    def _oem_reports(self, info):
        key = self.Exchange._as_oem_key_of(info)
        return self.Infos.with_company(self.oem_company).search([("as_oem_idempotency_key", "=", key)])

    def _log(self, info):
        return "\n".join(info.as_oem_exchange_ids.sorted("id").mapped("log"))

    def test_report_out_level_and_reply_back(self):
        info = self._dealer_report()
        exchange = info.as_oem_exchange_ids
        uuid = self.env["ir.config_parameter"].get_param("database.uuid")
        self.assertRecordValues(
            exchange,
            [
                {
                    "state": "queued",
                    "kind": "quality",
                    "idempotency_key": f"{uuid}:aftersales.quality.info:{info.id}",
                }
            ],
        )
        self.assertFalse(self._oem_reports(info))

        self.Exchange._cron_oem_sync()
        oem_info = self._oem_reports(info)
        self.assertEqual(len(oem_info), 1)
        self.assertRecordValues(
            oem_info,
            [
                {
                    "company_id": self.oem_company.id,
                    "partner_id": self.dealer.id,
                    "source": "dealer",
                    "state": "submitted",
                    "proposed_level": "1",
                    "c1_injury": True,
                    "c1_media": False,  # the portal form's criteria only
                    "vin": self.vehicle.vin_sn,
                    "create_uid": self.portal.id,
                }
            ],
        )
        self.assertIn("Media exposure", "".join(oem_info.message_ids.mapped("body")))
        self.assertRecordValues(exchange, [{"state": "sent", "attempts": 1, "oem_record_id": oem_info.id}])
        self.assertEqual(info.as_oem_record_name, oem_info.name)

        # The answer got lost: sent again, the OEM answers with the same report.
        exchange.sudo().write({"state": "queued"})
        exchange.with_user(self.qi_officer).action_retry()
        self.assertEqual(self._oem_reports(info), oem_info)
        self.assertRecordValues(exchange, [{"state": "sent", "attempts": 2}])

        # The OEM confirms level 1; the dealer pulls it.
        oem_info.with_user(self.oem_manager).action_confirm()
        info.with_user(self.qi_officer).action_as_oem_pull()
        self.assertRecordValues(
            info, [{"state": "confirmed", "level": "1", "level_confirmed": True, "as_oem_state": "confirmed"}]
        )
        # QA analyses (its analysis stays at the OEM), the officer replies, then archives.
        oem_info.with_user(self.oem_qa).write(
            {"qa_analysis": "换挡拨叉批次问题", "technical_support_sent": True, "reply": "已派技术支持，更换拨叉"}
        )
        oem_info.with_user(self.oem_qa).action_analyse()
        oem_info.user_id = self.oem_officer
        oem_info.with_user(self.oem_officer).action_reply()
        self.Exchange._cron_oem_sync()
        self.assertRecordValues(info, [{"state": "replied", "reply": "已派技术支持，更换拨叉", "qa_analysis": False}])
        self.assertTrue(info.replied_date)
        oem_info.with_user(self.oem_officer).write({"result": "3 台已修复"})
        oem_info.with_user(self.oem_officer).action_close()
        self.Exchange._cron_oem_sync()
        self.assertRecordValues(info, [{"state": "closed", "result": "3 台已修复", "as_oem_sync_state": "synced"}])
        received = info.as_oem_exchange_ids.filtered(lambda x: x.direction == "in")
        self.assertEqual(received.mapped("state"), ["received"] * 3)
        self.Exchange._cron_oem_sync()  # nothing new: nothing applied, nothing logged
        self.assertEqual(len(info.as_oem_exchange_ids.filtered(lambda x: x.direction == "in")), 3)
        _logger.info("exchange log of %s:\n%s", info.name, self._log(info))

    def test_oem_state_never_moves_the_dealer_record_back(self):
        info = self._dealer_report()
        self.Exchange._cron_oem_sync()
        oem_info = self._oem_reports(info)
        oem_info.with_user(self.oem_manager).action_confirm()
        self.Exchange._cron_oem_sync()
        row = oem_info._as_oem_update() | {"state": "submitted", "level": "3"}
        self.assertFalse(info._as_oem_receive(row))
        self.assertRecordValues(info, [{"state": "confirmed", "level": "1"}])
        self.assertIn("would move it back", info.as_oem_exchange_ids.sorted("id")[-1].last_error)

    def test_a_dealer_key_reaches_only_its_own_reports(self):
        info = self._dealer_report()
        self.Exchange._cron_oem_sync()
        oem_info = self._oem_reports(info)
        other = self.env["res.partner"].create(
            {"name": "苏州恒远汽车4S店", "is_company": True, "is_network_dealer": True}
        )
        portal_b, key_b = self._oem_portal_user("other_qi_portal", other)
        self._connect(self.base_url(), key=key_b)
        self.company.as_oem_login = portal_b.login
        updates = self.Exchange._as_oem_call(
            self.company, "as_oem_quality_updates", False, model="aftersales.quality.info"
        )
        self.assertEqual(updates["quality"], [])
        for method, args in (("read", [[oem_info.id], ["reply"]]), ("write", [[oem_info.id], {"reply": "x"}])):
            with self.assertRaises(OemError) as caught:
                self.Exchange._as_oem_call(self.company, method, *args, model="aftersales.quality.info")
            self.assertEqual(caught.exception.kind, "forbidden", method)
        # The same key sent by dealer B makes B's own report, never touches A's.
        payload = info._as_oem_payload(info.as_oem_exchange_ids)
        answer = self.Exchange._as_oem_call(
            self.company, "as_oem_receive_quality", payload, model="aftersales.quality.info"
        )
        self.assertNotEqual(answer["id"], oem_info.id)
        self.assertEqual(self.Infos.browse(answer["id"]).partner_id, other)
        self.assertEqual(self._oem_reports(info).filtered(lambda i: i.partner_id == self.dealer), oem_info)

    def test_oem_side_refuses_what_the_portal_refuses(self):
        info = self._dealer_report()
        self.company.as_oem_url = False  # queued by hand below
        payload = info._as_oem_payload(info.as_oem_exchange_ids)
        self._connect(self.base_url())
        count = self.Infos.search_count([])
        for bad in ({"mileage": "nan"}, {"mileage": "1e308"}, {"title": ""}, {"occurred_date": "2999-01-01"}):
            with self.assertRaises(OemError) as caught:
                self.Exchange._as_oem_call(
                    self.company, "as_oem_receive_quality", dict(payload, **bad), model="aftersales.quality.info"
                )
            self.assertEqual(caught.exception.kind, "refused", bad)
        self.dealer.is_network_dealer = False
        with self.assertRaises(OemError) as caught:
            self.Exchange._as_oem_call(self.company, "as_oem_receive_quality", payload, model="aftersales.quality.info")
        self.assertEqual(caught.exception.kind, "forbidden")
        self._connect(self.base_url(), key="0" * 40)
        with self.assertRaises(OemError) as caught:
            self.Exchange._as_oem_call(self.company, "as_oem_receive_quality", payload, model="aftersales.quality.info")
        self.assertEqual(caught.exception.kind, "auth")
        self.assertEqual(self.Infos.search_count([]), count)

    def test_only_quality_officers_send_and_pull(self):
        info = self._dealer_report()
        with self.assertRaises(AccessError):
            info.with_user(self.clerk).action_as_oem_pull()
        with self.assertRaises(AccessError):
            info.as_oem_exchange_ids.with_user(self.clerk).action_retry()
        self.assertEqual(info.as_oem_exchange_ids.attempts, 0)
