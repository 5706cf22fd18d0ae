import logging
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from ..tools import OemError
from .common import OemLinkCommon, closed_port

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestOemLink(OemLinkCommon):
    def test_claim_out_review_decision_back_settled(self):
        claim = self._dealer_claim()
        exchange = claim.as_oem_exchange_ids
        uuid = self.env["ir.config_parameter"].get_param("database.uuid")
        self.assertRecordValues(
            exchange,
            [
                {
                    "state": "queued",
                    "kind": "claim",
                    "direction": "out",
                    "idempotency_key": f"{uuid}:aftersales.warranty.claim:{claim.id}",
                }
            ],
        )
        self.assertEqual(claim.as_oem_sync_state, "queued")
        self.assertFalse(self._oem_claims(claim))

        self.Exchange._cron_oem_sync()
        oem_claim = self._oem_claims(claim)
        self.assertEqual(len(oem_claim), 1)
        self.assertRecordValues(
            oem_claim,
            [{"company_id": self.oem_company.id, "dealer_id": self.dealer.id, "state": "submitted", "mileage": 23000}],
        )
        self.assertEqual(oem_claim.attachment_count, 2)
        self.assertEqual(oem_claim.create_uid, self.portal)
        self.assertRecordValues(exchange, [{"state": "sent", "attempts": 1, "oem_record_id": oem_claim.id}])
        self.assertEqual(claim.as_oem_claim_name, oem_claim.name)

        # The confirmation got lost (timeout, crash): sent again, the OEM answers with the same claim.
        exchange.sudo().write({"state": "queued"})  # as superuser: the situation after a lost answer
        exchange.with_user(self.clerk).action_retry()
        self.assertEqual(self._oem_claims(claim), oem_claim)
        self.assertRecordValues(exchange, [{"state": "sent", "attempts": 2, "oem_record_id": oem_claim.id}])

        # The OEM reviewer cuts one labour hour; the dealer pulls the decision.
        oem_claim.with_user(self.oem_reviewer).action_start_review()
        labour = oem_claim.line_ids.filtered(lambda x: x.line_type == "labour")
        oem_claim.with_user(self.oem_reviewer).action_approve_with_cuts(
            [{"line_id": labour.id, "approved_quantity": 1.0, "cut_reason": "工时超标"}]
        )
        claim.with_user(self.clerk).action_as_oem_pull()
        self.assertRecordValues(
            claim,
            [{"state": "partially_approved", "reviewer_id": self.sync_user.id, "as_oem_state": "partially_approved"}],
        )
        dealer_labour = claim.line_ids.filtered(lambda x: x.line_type == "labour")
        self.assertRecordValues(dealer_labour, [{"approved_quantity": 1.0, "cut_reason": "工时超标"}])
        self.assertEqual(claim.amount_cut, 100.0)
        received = claim.as_oem_exchange_ids.filtered(lambda x: x.direction == "in")
        self.assertEqual(received.mapped("state"), ["received"])

        # The OEM settles: its bill to the dealer; the dealer settles with the credit note for the cut.
        oem_claim.with_user(self.oem_reviewer).action_settle()
        self.assertEqual(oem_claim.oem_bill_id.state, "posted")
        self.assertEqual(oem_claim.oem_bill_id.partner_id, self.dealer)
        self.assertEqual(oem_claim.oem_bill_id.amount_untaxed, oem_claim.amount_approved)
        self.Exchange._cron_oem_sync()
        self.assertEqual(claim.state, "settled")
        self.assertEqual(claim.dealer_refund_id.state, "posted")
        self.assertEqual(claim.dealer_refund_id.amount_untaxed, 100.0)
        self.assertEqual(claim.dealer_refund_id.partner_id, self.oem_company.partner_id)
        self.assertEqual(
            claim.dealer_invoice_id.amount_untaxed - claim.dealer_refund_id.amount_untaxed,
            oem_claim.oem_bill_id.amount_untaxed,
        )
        # Pulling again changes nothing.
        self.Exchange._cron_oem_sync()
        self.assertEqual(len(claim.as_oem_exchange_ids.filtered(lambda x: x.direction == "in")), 2)
        _logger.info("exchange log of %s:\n%s", claim.name, self._log(claim))

    def test_information_requested_and_answered_from_the_dealer_site(self):
        claim = self._dealer_claim()
        self.Exchange._cron_oem_sync()
        oem_claim = self._oem_claims(claim)
        oem_claim.with_user(self.oem_reviewer).action_start_review()
        oem_claim.with_user(self.oem_reviewer).action_request_info("请补充减震器漏油照片")
        self.Exchange._cron_oem_sync()
        self.assertRecordValues(claim, [{"state": "info_requested", "info_request": "请补充减震器漏油照片"}])
        claim.with_user(self.clerk).action_answer_info("照片已上传")
        self.Exchange._cron_oem_sync()
        self.assertRecordValues(oem_claim, [{"state": "under_review", "info_answer": "照片已上传"}])

    def test_wrong_key_clear_error_stays_queued(self):
        self._connect(self.base_url(), key="0" * 40)
        with self.assertRaisesRegex(UserError, "wrong login or API key"):
            self.Exchange._as_oem_test_connection(self.company)
        claim = self._dealer_claim()
        self.Exchange._cron_oem_sync()
        exchange = claim.as_oem_exchange_ids
        self.assertRecordValues(exchange, [{"state": "queued", "attempts": 1}])
        self.assertIn("wrong login or API key", exchange.last_error)
        self.assertIn("wrong login or API key", claim.as_oem_last_error)
        self.assertEqual(claim.as_oem_sync_state, "queued")
        self.assertFalse(self._oem_claims(claim))

    def test_test_connection(self):
        self.assertIn(self.dealer.name, self.Exchange._as_oem_test_connection(self.company))
        self.dealer.is_network_dealer = False
        with self.assertRaisesRegex(UserError, "Only network dealers"):
            self.Exchange._as_oem_test_connection(self.company)
        self._connect(f"http://127.0.0.1:{closed_port()}")
        with self.assertRaisesRegex(UserError, "cannot be reached"):
            self.Exchange._as_oem_test_connection(self.company)

    def test_dropped_connection_retried_with_back_off_sent_once(self):
        self._connect(f"http://127.0.0.1:{closed_port()}")
        claim = self._dealer_claim()
        exchange = claim.as_oem_exchange_ids
        before = fields.Datetime.now()
        self.Exchange._cron_oem_sync()
        self.assertRecordValues(exchange, [{"state": "queued", "attempts": 1}])
        self.assertIn("cannot be reached", exchange.last_error)
        self.assertGreaterEqual(exchange.next_attempt, before + timedelta(minutes=5))
        self.Exchange._cron_oem_sync()  # not due yet: not tried again
        self.assertEqual(exchange.attempts, 1)
        exchange.sudo().write({"next_attempt": before - timedelta(minutes=1)})  # time passes
        self.Exchange._cron_oem_sync()
        self.assertEqual(exchange.attempts, 2)
        self.assertGreaterEqual(exchange.next_attempt, before + timedelta(minutes=10))  # doubled
        self._connect(self.base_url())
        exchange.sudo().write({"next_attempt": before - timedelta(minutes=1)})
        self.Exchange._cron_oem_sync()
        self.assertRecordValues(exchange, [{"state": "sent", "attempts": 3, "last_error": False}])
        self.assertEqual(len(self._oem_claims(claim)), 1)
        self.Exchange._cron_oem_sync()
        self.assertEqual(len(self._oem_claims(claim)), 1)
        _logger.info("exchange log of %s:\n%s", claim.name, self._log(claim))

    def test_a_dealer_sees_only_its_own_claims(self):
        claim = self._dealer_claim()
        self.Exchange._cron_oem_sync()
        other = self.env["res.partner"].create(
            {"name": "苏州恒远汽车4S店", "is_company": True, "is_network_dealer": True}
        )
        portal_b, key_b = self._oem_portal_user("other_oem_portal", other)
        self.company.as_oem_login = portal_b.login
        self._connect(self.base_url(), key=key_b)
        self.company.as_oem_login = portal_b.login
        updates = self.Exchange._as_oem_call(self.company, "as_oem_claim_updates", False)
        self.assertEqual(updates["claims"], [])
        mine = self._oem_claims(claim)
        self.assertTrue(mine)

    def test_rejection_comes_back_with_its_reason_code(self):
        claim = self._dealer_claim()
        self.Exchange._cron_oem_sync()
        oem_claim = self._oem_claims(claim)
        oem_claim.with_user(self.oem_reviewer).action_start_review()
        oem_claim.with_user(self.oem_reviewer).action_reject(self.reason, "减震器有撞击痕迹")
        self.Exchange._cron_oem_sync()
        self.assertRecordValues(
            claim,
            [
                {
                    "state": "rejected",
                    "reason_id": self.reason.id,
                    "review_note": "减震器有撞击痕迹",
                    "amount_approved": 0,
                }
            ],
        )

    def test_refused_by_the_oem_stays_in_error_until_corrected(self):
        """The OEM refuses the data (a part number it does not know): not retried by the cron; sent by the clerk
        once corrected."""
        own_part = self.env["product.product"].create(
            {
                "name": "经销商自编件",
                "default_code": "DLR-ONLY-9",
                "company_id": self.company.id,
                "categ_id": self.categ_chassis.id,
                "standard_price": 10.0,
            }
        )
        lines = self._claim_vals()["line_ids"] + [
            Command.create({"line_type": "part", "product_id": own_part.id, "quantity": 1})
        ]
        claim = self._dealer_claim(line_ids=lines)
        self.Exchange._cron_oem_sync()
        exchange = claim.as_oem_exchange_ids
        self.assertRecordValues(exchange, [{"state": "error", "attempts": 1}])
        self.assertIn("DLR-ONLY-9", exchange.last_error)
        self.assertEqual(claim.as_oem_sync_state, "error")
        exchange.sudo().write({"next_attempt": fields.Datetime.now() - timedelta(hours=1)})
        self.Exchange._cron_oem_sync()
        self.assertEqual(exchange.attempts, 1)
        self.assertFalse(self._oem_claims(claim))
        own_part.company_id = False  # the OEM's catalogue has it now
        claim.with_user(self.clerk).action_as_oem_send()
        self.assertRecordValues(exchange, [{"state": "sent", "attempts": 2}])
        self.assertEqual(len(self._oem_claims(claim)), 1)

    def test_oem_side_refuses_what_the_portal_refuses(self):
        """The OEM method accepts from a key only what the dealer's portal form accepts; nothing is created."""
        claim = self._new_claim(attach=0)
        exchange = self.Exchange.sudo().create(
            {
                "company_id": self.company.id,
                "res_model": claim._name,
                "res_id": claim.id,
                "claim_id": claim.id,
                "kind": "claim",
                "direction": "out",
                "state": "queued",
                "idempotency_key": "attack:1",
            }
        )
        payload = claim._as_oem_payload(exchange)
        count = self.OemClaims.search_count([])
        for bad in ({"mileage": "nan"}, {"mileage": "1e308"}, {"mileage": "-5"}, {"vin": "NOPE"}, {"parts": "x"}):
            with self.assertRaises(OemError) as caught:
                self.Exchange._as_oem_call(self.company, "as_oem_receive_claim", dict(payload, **bad))
            self.assertEqual(caught.exception.kind, "refused", bad)
        self.assertEqual(self.OemClaims.search_count([]), count)
        # A portal user of a company that is no network dealer is refused; an internal user's key too.
        self.dealer.is_network_dealer = False
        with self.assertRaises(OemError) as caught:
            self.Exchange._as_oem_call(self.company, "as_oem_receive_claim", payload)
        self.assertEqual(caught.exception.kind, "forbidden")
        internal = new_test_user(self.env, login="oem_link_internal", groups="base.group_user")
        key = (
            self.env["res.users.apikeys"]
            .with_user(internal)
            ._generate(None, "internal", fields.Datetime.now() + timedelta(hours=12))
        )
        self._connect(self.base_url(), key=key)
        self.company.as_oem_login = internal.login
        with self.assertRaises(OemError) as caught:
            self.Exchange._as_oem_call(self.company, "as_oem_receive_claim", payload)
        self.assertEqual(caught.exception.kind, "forbidden")
        self.assertEqual(self.OemClaims.search_count([]), count)

    def test_not_connected_nothing_queued(self):
        self.company.as_oem_url = False
        claim = self._dealer_claim()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(claim.as_oem_exchange_ids)
        self.assertTrue(claim.dealer_invoice_id)
