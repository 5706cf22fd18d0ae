"""OEM site: a dealer site's quality information, received over Odoo's external API as the dealer's portal
user (API key) and created through the portal form's own service (``_as_portal_quality_parse`` and
``_as_portal_create_quality_info``): the API may do what that dealer's portal user may do on the form."""

import hashlib

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.portal_input import PortalInput
from odoo.addons.aftersales_followup.models.aftersales_quality_info import LEVEL_CRITERIA, LEVELS, PORTAL_CRITERIA

from .aftersales_warranty_claim_oem import MAX_UPDATES

REPLIED = ("replied", "closed")


class AftersalesQualityInfo(models.Model):
    # the OEM site's half of the link, apart from the dealer site's half of the same model (deliberate split)
    _inherit = "aftersales.quality.info"  # pylint: disable=consider-merging-classes-inherited

    as_oem_idempotency_key = fields.Char(
        string="Dealer Site Key",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="OEM site: the key of the dealer site's report this one was created from (dealer database UUID, "
        "model and record id): the same report sent again gives this one, never a second one.",
    )

    _sql_constraints = [
        (
            "as_oem_idempotency_key_uniq",
            "unique(partner_id, as_oem_idempotency_key)",
            "This dealer site report was already received.",
        ),
    ]

    def _as_workflow_field_names(self):
        return super()._as_workflow_field_names() | {"as_oem_idempotency_key"}

    @api.model
    def as_oem_receive_quality(self, payload):
        """Create (once per key) and submit the network dealer's report sent by its dealer site; returns its
        id, reference and state. The same payload twice returns the first report."""
        Claims = self.env["aftersales.warranty.claim"]
        Claims._as_oem_dealer()
        form = PortalInput(self.env)
        key = Claims._as_oem_parse_key(form, payload)
        form.raise_if_errors()
        partner = self.env.user.partner_id.commercial_partner_id
        # The same report sent twice at once (the cron and a click): the second waits for the first, is retried
        # by the server and finds the first one's report (as for claims).
        Claims._as_portal_lock_dealer(partner)
        # sudo: the key is looked up among the caller's own dealer's reports only.
        info = self.sudo().search([("partner_id", "=", partner.id), ("as_oem_idempotency_key", "=", key)], limit=1)
        if not info:
            form, vals = self._as_portal_quality_parse(payload)
            form.raise_if_errors()
            info = self._as_portal_create_quality_info(vals, hashlib.sha256(key.encode()).hexdigest())
            info._as_workflow_write({"as_oem_idempotency_key": key})
            info._as_oem_note_proposal(payload)
        return {"id": info.id, "name": info.name, "state": info.state}

    def _as_oem_note_proposal(self, payload):
        """The dealer site's level proposal and the criteria the portal form does not carry, as a note for
        after-sales (they inform the level it confirms; they set nothing)."""
        self.ensure_one()
        labels = [
            self._fields[name].get_description(self.env)["string"]
            for names in LEVEL_CRITERIA.values()
            for name in names
            if name not in PORTAL_CRITERIA and payload.get(name) is True
        ]
        level = dict(LEVELS).get(payload.get("proposed_level"))
        if not level and not labels:
            return
        self.message_post(
            body=self.env._(
                "The dealer site proposes %(level)s; criteria ticked there: %(criteria)s",
                level=level or "-",
                criteria=", ".join(labels) or "-",
            ),
            subtype_xmlid="mail.mt_note",
        )

    @api.model
    def as_oem_quality_updates(self, since=False):
        """The caller's dealer-site reports changed since ``since`` (OEM time, as returned by the last call):
        {"now": time to send next, "quality": [state, level, reply and result of each report]}."""
        Claims = self.env["aftersales.warranty.claim"]
        Claims._as_oem_dealer()
        domain = [("as_oem_idempotency_key", "!=", False), *Claims._as_oem_since_domain(since)]
        # As the portal user: the record rules return its own dealer's reports only.
        infos = self.search(domain, order="write_date, id", limit=MAX_UPDATES)
        now = self.env.cr.now() if len(infos) < MAX_UPDATES else infos[-1].write_date
        return {"now": fields.Datetime.to_string(now), "quality": [info._as_oem_update() for info in infos]}

    def _as_oem_update(self):
        """What the dealer sees of its report on the portal: never QA's analysis or measures."""
        self.ensure_one()
        return {
            "id": self.id,
            "name": self.name,
            "state": self.state,
            "level": self.level or False,
            "level_confirmed": self.level_confirmed,
            "reply": (self.state in REPLIED and self.reply) or "",
            "result": (self.state == "closed" and self.result) or "",
        }
