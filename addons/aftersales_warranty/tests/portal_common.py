import base64
import hashlib
import hmac
import time

from odoo.tests import HttpCase, new_test_user
from odoo.tools.translate import get_translation

from .common import WarrantyCommon

# The smallest PNG (1x1 pixel): a photo as a browser uploads it.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class WarrantyPortalCommon(WarrantyCommon, HttpCase):
    """Two network dealers with a portal user each, and a portal user of a company that is none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.dealer | cls.other_dealer).is_network_dealer = True
        cls.portal_a = new_test_user(cls.env, login="dealer_a", password="dealer_a", groups="base.group_portal")
        cls.portal_a.partner_id.parent_id = cls.dealer
        cls.portal_b = new_test_user(cls.env, login="dealer_b", password="dealer_b", groups="base.group_portal")
        cls.portal_b.partner_id.parent_id = cls.other_dealer
        cls.garage = cls.env["res.partner"].create({"name": "路边汽修店", "is_company": True})
        cls.portal_garage = new_test_user(cls.env, login="garage", password="garage", groups="base.group_portal")
        cls.portal_garage.partner_id.parent_id = cls.garage

    def csrf_token(self):
        """The token the portal form would carry for the authenticated session."""
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        max_ts = int(time.time() + 3600)
        digest = hmac.new(secret.encode("ascii"), f"{self.session.sid}{max_ts}".encode(), hashlib.sha1).hexdigest()
        return f"{digest}o{max_ts}"

    def _dealer_message(self, source, **kw):
        """A message as dealer A reads it, in the language of its user: the warranty addon's own
        messages and those of the shared portal parser (aftersales_base)."""
        lang = self.portal_a.lang or "en_US"
        text = get_translation("aftersales_warranty", lang, source, ())
        if text == source:
            text = get_translation("aftersales_base", lang, source, ())
        return text % kw if kw else text

    def _claims(self, dealer=None):
        return self.env["aftersales.warranty.claim"].search([("dealer_id", "=", (dealer or self.dealer).id)])

    def _post_new_claim(self, rows=None, files=None, **fields):
        """Post the new-claim form as the browser does: repeated part and operation rows keep their order."""
        if rows is None:
            rows = [("part_code", "SA-001"), ("part_qty", "1"), ("operation_code", "WTY-SA01")]
        data = {
            "vin": self.vehicle.vin_sn,
            "mileage": "23000",
            "complaint": "过减速带时前部异响",
            "csrf_token": self.csrf_token(),
        }
        data.update(fields)
        data = [(key, value) for key, value in data.items() if value is not None] + list(rows)
        return self.url_open("/my/warranty/new", data=data, files=files)
