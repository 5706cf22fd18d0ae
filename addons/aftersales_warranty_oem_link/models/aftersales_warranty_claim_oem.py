"""OEM site: what a dealer site calls over Odoo's external API, as the dealer's portal user (API key).

Every method checks the caller is the portal user of a network dealer, parses every value with the suite's
one parser and goes through the portal's own service (``_as_portal_create_claim``) and workflow methods: an
API call may do exactly what that dealer's portal user may do on the portal form, nothing more.
"""

import hashlib
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.portal_input import (
    InputError,
    PortalInput,
    decode_base64,
    parse_text,
)
from odoo.addons.aftersales_warranty.models.aftersales_warranty_claim_portal import MAX_ATTACHMENTS, MAX_TEXT
from odoo.exceptions import AccessError, MissingError, ValidationError

MAX_KEY = 200
PULL_OVERLAP = timedelta(minutes=10)  # not a business rule: longer than any transaction of the OEM site
MAX_UPDATES = 500  # claims returned by one pull; the next pull continues from the last one's time
CLAIM_VALUES = ("vin", "repair_date", "mileage", "complaint", "cause", "correction", "parts", "operations")


class AftersalesWarrantyClaim(models.Model):
    # the OEM site's half of the link, apart from the dealer site's half of the same model (deliberate split)
    _inherit = "aftersales.warranty.claim"  # pylint: disable=consider-merging-classes-inherited

    as_oem_idempotency_key = fields.Char(
        string="Dealer Site Key",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="OEM site: the key of the dealer site's claim this claim was created from (dealer database UUID, "
        "model and record id): the same claim sent again gives this claim, never a second one.",
    )

    _sql_constraints = [
        (
            "as_oem_idempotency_key_uniq",
            "unique(dealer_id, as_oem_idempotency_key)",
            "This dealer site claim was already received.",
        ),
    ]

    def _as_workflow_field_names(self):
        return super()._as_workflow_field_names() | {"as_oem_idempotency_key"}

    # ------------------------------------------------------------------ API (called by the dealer site)
    @api.model
    def _as_oem_dealer(self):
        """The caller's network dealer; AccessError unless the caller is one of its portal users."""
        if not self.env.user._is_portal():
            raise AccessError(self.env._("Only the portal user of a network dealer can use the dealer link."))
        return self._as_portal_dealer(self.env.user.partner_id)

    @api.model
    def as_oem_whoami(self):
        """Connection test: the network dealer the key belongs to."""
        dealer = self._as_oem_dealer()
        return {"id": dealer.id, "name": dealer.name}

    @api.model
    def _as_oem_parse_key(self, form, payload):
        if not isinstance(payload, dict):
            raise ValidationError(self.env._("The document sent is not a set of values."))
        return form.get(
            parse_text, payload.get("idempotency_key"), self.env._("Key"), max_length=MAX_KEY, required=True
        )

    @api.model
    def _as_oem_files(self, form, attachments):
        """(name, mimetype, bytes) of the base64 attachments; type and size are checked by the portal service."""
        if not isinstance(attachments, list) or len(attachments) > MAX_ATTACHMENTS:
            form.errors.append(self.env._("Attach at most %(count)s files.", count=MAX_ATTACHMENTS))
            return []
        files = []
        for item in attachments:
            item = item if isinstance(item, dict) else {}
            name = str(item.get("name") or "file")[:200]
            datas = item.get("datas")
            if not isinstance(datas, str):
                form.errors.append(self.env._("File %(file)s has no content.", file=name))
                continue
            try:
                files.append((name, str(item.get("mimetype") or ""), decode_base64(datas, name)))
            except InputError as error:
                form.errors.append(form.translate(error))
        return files

    @api.model
    def _as_oem_claim_by_key(self, dealer, key):
        # sudo: the key is looked up among the caller's own dealer's claims only.
        return (
            self.sudo()
            .search([("dealer_id", "=", dealer.id), ("as_oem_idempotency_key", "=", key)], limit=1)
            .sudo(False)
        )

    @api.model
    def as_oem_receive_claim(self, payload):
        """Create (once per key) and submit the network dealer's claim sent by its dealer site; returns the
        claim's id, number and state. The same payload twice returns the first claim."""
        dealer = self._as_oem_dealer()
        form = PortalInput(self.env)
        key = self._as_oem_parse_key(form, payload)
        files = self._as_oem_files(form, payload.get("attachments") or [])
        form.raise_if_errors()
        claim = self._as_oem_claim_by_key(dealer, key)
        if not claim:
            values = {name: payload.get(name) for name in CLAIM_VALUES}
            values["form_token"] = hashlib.sha256(key.encode()).hexdigest()
            claim = self._as_portal_create_claim(self.env.user.partner_id, values, files)
            claim._as_workflow_write({"as_oem_idempotency_key": key})
        # sudo: as the portal's submit button (portal users have no write right); action_submit checks the
        # claim (the checker) and does nothing on a claim already submitted.
        claim.with_user(self.env.user).sudo().action_submit()
        return claim._as_oem_summary()

    def _as_oem_summary(self):
        self.ensure_one()
        return {"id": self.id, "name": self.name, "state": self.state}

    @api.model
    def as_oem_receive_answer(self, payload):
        """The dealer's answer to the OEM's question, sent by its dealer site (the same answer twice: once)."""
        self._as_oem_dealer()
        form = PortalInput(self.env)
        key = self._as_oem_parse_key(form, payload)
        answer = form.get(parse_text, payload.get("answer"), self.env._("Answer"), max_length=MAX_TEXT, required=True)
        form.raise_if_errors()
        # As the portal user: its record rules decide which claim it finds.
        claim = self.search([("as_oem_idempotency_key", "=", key)], limit=1)
        if not claim:
            raise MissingError(self.env._("The OEM site has no claim of yours with this key."))
        if claim.state == "info_requested":
            # sudo: as the portal's answer button; action_answer_info checks state and person.
            claim.with_user(self.env.user).sudo().action_answer_info(answer)
        return claim._as_oem_summary()

    @api.model
    def as_oem_claim_updates(self, since=False):
        """The caller's dealer-site claims changed since ``since`` (OEM time, as returned by the last call):
        {"now": time to send next, "claims": [state, question, decision and lines of each claim]}."""
        self._as_oem_dealer()
        domain = [("as_oem_idempotency_key", "!=", False), *self._as_oem_since_domain(since)]
        # As the portal user: the record rules return its own dealer's claims only.
        claims = self.search(domain, order="write_date, id", limit=MAX_UPDATES)
        now = self.env.cr.now() if len(claims) < MAX_UPDATES else claims[-1].write_date
        return {"now": fields.Datetime.to_string(now), "claims": [claim._as_oem_update() for claim in claims]}

    @api.model
    def _as_oem_since_domain(self, since):
        """The domain of the records changed since the last pull (``since``: untrusted, the dealer site's)."""
        form = PortalInput(self.env)
        since = form.get(parse_text, since or "", self.env._("Since"), max_length=32)
        form.raise_if_errors()
        try:
            since = fields.Datetime.to_datetime(since) if since else False
        except ValueError:
            raise ValidationError(self.env._("The time of the last pull is not a date and time.")) from None
        # A transaction that started before the last pull and committed after it wrote an earlier write_date:
        # the window overlaps the last one (the dealer site applies a change it already has as nothing).
        return [("write_date", ">=", since - PULL_OVERLAP)] if since else []

    def _as_oem_update(self):
        self.ensure_one()
        # sudo: this claim was found through the caller's record rules; the reason code and the review of
        # its lines are read to tell the dealer the decision on its own claim.
        claim = self.sudo()
        decision = claim.state
        if decision == "settled":
            decision = (
                "rejected"
                if claim.reason_id and not claim.amount_approved
                else ("partially_approved" if claim.cut_line_count else "approved")
            )
        return {
            "id": claim.id,
            "name": claim.name,
            "state": claim.state,
            "decision": decision,
            "info_request": claim.info_request or "",
            "reason_code": claim.reason_id.code or "",
            "review_note": claim.review_note or "",
            "amount_approved": claim.amount_approved,
            "lines": [
                {
                    "line_type": line.line_type,
                    "code": line.product_id.default_code or line.operation_id.code or "",
                    "quantity": line.quantity,
                    "approved_quantity": line.approved_quantity,
                    "cut_reason": line.cut_reason or "",
                }
                for line in claim.line_ids
            ],
        }
