"""Dealer site and OEM site in one database (two companies); the dealer site's client talks real JSON-RPC
over HTTP to the test server (127.0.0.1 only), as the dealer's OEM portal user with its API key."""

import base64
import socket
from datetime import timedelta

from odoo import fields
from odoo.addons.aftersales_warranty.tests.common import WarrantyCommon
from odoo.tests import HttpCase, new_test_user

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def closed_port():
    """A port on 127.0.0.1 nobody listens on: a dropped connection."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OemLinkCommon(WarrantyCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.oem_company = cls.env["res.company"].create({"name": "测试主机厂"})
        cls.env["account.chart.template"].try_loading("generic_coa", company=cls.oem_company, install_demo=False)
        # One catalogue and one policy for both sites (in two databases each has its own copy).
        for record in (cls.vehicle, cls.operation, cls.policy):
            record.company_id = False
        cls.part.with_company(cls.oem_company).standard_price = 500.0  # the OEM's price list: the same price
        cls.company.as_oem_partner_id = cls.oem_company.partner_id
        cls.dealer = cls.company.partner_id
        cls.dealer.is_network_dealer = True
        cls.portal, cls.key = cls._oem_portal_user("dealer_oem_portal", cls.dealer)
        cls.oem_reviewer = new_test_user(
            cls.env,
            login="oem_link_reviewer",
            name="主机厂审核员",
            groups="aftersales_warranty.group_aftersales_warranty_reviewer",
            company_id=cls.oem_company.id,
            company_ids=[cls.oem_company.id],
        )
        cls.sync_user = cls.env.ref("aftersales_warranty_oem_link.user_oem_sync")
        cls.Exchange = cls.env["aftersales.oem.exchange"]
        cls.OemClaims = cls.env["aftersales.warranty.claim"].with_company(cls.oem_company)

    @classmethod
    def _oem_portal_user(cls, login, dealer):
        """A portal user of ``dealer`` at the OEM site and its API key."""
        user = new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            company_id=cls.oem_company.id,
            company_ids=[cls.oem_company.id],
        )
        user.partner_id.parent_id = dealer
        key = (
            cls.env["res.users.apikeys"]
            .with_user(user)
            ._generate(None, "dealer site", fields.Datetime.now() + timedelta(hours=12))
        )
        return user, key

    def setUp(self):
        super().setUp()
        self._connect(self.base_url())

    def _connect(self, url, key=None):
        self.company.write(
            {
                "as_oem_url": url,
                "as_oem_db": self.env.cr.dbname,
                "as_oem_login": self.portal.login,
                "as_oem_api_key": key or self.key,
            }
        )

    def _dealer_claim(self, **kw):
        claim = self._new_claim(attach=0, **kw)
        self.env["ir.attachment"].create(
            [
                {
                    "name": f"photo{i}.png",
                    "mimetype": "image/png",
                    "raw": PNG,
                    "res_model": claim._name,
                    "res_id": claim.id,
                }
                for i in range(2)
            ]
        )
        claim.with_user(self.clerk).action_submit()
        return claim.with_env(self.env)  # read back as the test (a clerk reads no journal entries)

    def _oem_claims(self, claim):
        return self.OemClaims.search([("as_oem_idempotency_key", "=", claim._as_oem_key())])

    def _log(self, claim):
        return "\n".join(claim.as_oem_exchange_ids.sorted("id").mapped("log"))
