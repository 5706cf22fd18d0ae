"""Dealer site: a submitted quality information is queued for the OEM site (the same queue, key and log as the
claims); the OEM's handling (its level, its reply, the archiving) is pulled back and moves the dealer's record
on through its workflow step ``_as_oem_apply_reply``, never by writing its state from outside."""

import logging

from odoo import api, fields, models
from odoo.addons.aftersales_followup.models.aftersales_quality_info import LEVEL_CRITERIA, LEVELS, OFFICER, STATES
from odoo.exceptions import UserError

from ..tools import OemError

_logger = logging.getLogger(__name__)

OEM_FIELDS = {"as_oem_record_id", "as_oem_record_name", "as_oem_state", "as_oem_synced_at"}
STATE_ORDER = [state for state, _label in STATES]
CRITERIA = [name for names in LEVEL_CRITERIA.values() for name in names]
SENT_TEXTS = ("title", "description", "vin", "claim_ref", "info_type")
SENT_NUMBERS = ("mileage", "compensation_demand")


class AftersalesQualityInfo(models.Model):
    _inherit = "aftersales.quality.info"

    as_oem_record_id = fields.Integer(string="OEM Record ID", readonly=True, copy=False, index="btree_not_null")
    as_oem_record_name = fields.Char(string="OEM Reference", readonly=True, copy=False)
    as_oem_state = fields.Selection(STATES, string="State at the OEM", readonly=True, copy=False)
    as_oem_synced_at = fields.Datetime(string="Last OEM Sync", readonly=True, copy=False)
    as_oem_exchange_ids = fields.One2many(
        "aftersales.oem.exchange", "quality_info_id", string="OEM Exchanges", groups="base.group_user"
    )
    as_oem_sync_state = fields.Selection(
        [("queued", "Queued"), ("error", "Error"), ("sent", "Sent"), ("synced", "Up to date")],
        string="OEM Sync",
        compute="_compute_as_oem_sync_state",
        groups="base.group_user",
    )
    as_oem_last_error = fields.Text(string="OEM Error", compute="_compute_as_oem_sync_state", groups="base.group_user")

    def _as_workflow_field_names(self):
        return super()._as_workflow_field_names() | OEM_FIELDS

    @api.depends("as_oem_exchange_ids.state", "as_oem_synced_at")
    def _compute_as_oem_sync_state(self):
        for info in self:
            info.as_oem_sync_state, info.as_oem_last_error = info.as_oem_exchange_ids._as_oem_sync_status(
                info.as_oem_synced_at
            )

    # ------------------------------------------------------------------ out
    def action_submit(self):
        todo = self.filtered(lambda i: i.state == "draft")
        result = super().action_submit()
        todo.filtered(lambda i: i.state == "submitted" and i.company_id._as_oem_configured())._as_oem_queue()
        return result

    def _as_oem_queue(self):
        """Queue the reports for the OEM site, once each."""
        Exchange = self.env["aftersales.oem.exchange"]
        vals_list = [
            {
                "company_id": info.company_id.id,
                "res_model": info._name,
                "res_id": info.id,
                "quality_info_id": info.id,
                "kind": "quality",
                "direction": "out",
                "state": "queued",
                "idempotency_key": Exchange._as_oem_key_of(info),
                "next_attempt": fields.Datetime.now(),
                "payload_summary": info._as_oem_summary_text(),
                "log": "",
            }
            for info in self
            if not info.as_oem_exchange_ids.filtered(lambda x: x.kind == "quality")
        ]
        exchanges = Exchange._as_workflow_create(vals_list)
        for exchange in exchanges:
            exchange._as_oem_log(self.env._("queued"))
        if exchanges:
            self.env.ref("aftersales_warranty_oem_link.ir_cron_oem_sync")._trigger()
        return exchanges

    def _as_oem_summary_text(self):
        self.ensure_one()
        types = dict(self._fields["info_type"]._description_selection(self.env))
        return self.env._(
            "%(type)s quality information, VIN %(vin)s, proposed level %(level)s: %(title)s",
            type=types.get(self.info_type),
            vin=self.vin or "-",
            level=dict(LEVELS).get(self.proposed_level, "-"),
            title=self.title,
        )

    def _as_oem_payload(self, exchange):
        """What the OEM site's method receives: plain values, as the portal form sends them, with every
        criterion ticked and the level the dealer site proposes."""
        self.ensure_one()
        payload = {name: self[name] or "" for name in SENT_TEXTS}
        payload.update({name: self[name] for name in (*SENT_NUMBERS, *CRITERIA)})
        payload.update(
            idempotency_key=exchange.idempotency_key,
            occurred_date=fields.Date.to_string(self.occurred_date) if self.occurred_date else "",
            proposed_level=self.proposed_level or False,
        )
        return payload

    def _as_oem_sent(self, exchange, result):
        """The OEM site confirmed the report: its reference on the dealer's record."""
        self.ensure_one()
        self._as_workflow_write(
            {
                "as_oem_record_id": result.get("id") or 0,
                "as_oem_record_name": result.get("name") or False,
                "as_oem_state": result.get("state") if result.get("state") in STATE_ORDER else False,
            }
        )
        self.message_post(
            body=self.env._("Received by the OEM as quality information %(name)s.", name=result.get("name"))
        )

    def _as_oem_check_sender(self):
        """Who may send the report's exchanges to the OEM site now (button Retry)."""
        self._check_group(OFFICER, self.env._("send"))

    def action_as_oem_send(self):
        """Send the report's queued exchange to the OEM site now."""
        self._as_oem_check_sender()
        self.as_oem_exchange_ids.filtered(lambda x: x.direction == "out").action_retry()
        return True

    # ------------------------------------------------------------------ in
    def action_as_oem_pull(self):
        """Fetch the OEM's replies now (the cron does it regularly)."""
        self._check_group(OFFICER, self.env._("synchronise"))
        for company in self.company_id:
            try:
                self.with_company(company)._as_oem_pull(company, raise_error=True)
            except OemError as error:
                raise UserError(self.env["aftersales.oem.exchange"]._as_oem_message(company, error)) from error
        return True

    @api.model
    def _as_oem_pull(self, company, raise_error=False):
        """Apply the OEM's changes since the last pull on the company's reports; the time of the last pull moves
        on only when every change was applied."""
        Exchange = self.env["aftersales.oem.exchange"]
        since = company.as_oem_quality_last_pull
        try:
            result = Exchange._as_oem_call(
                company, "as_oem_quality_updates", since and fields.Datetime.to_string(since), model=self._name
            )
        except OemError as error:
            if raise_error:
                raise
            _logger.warning("OEM quality pull of %s failed: %s", company.name, Exchange._as_oem_message(company, error))
            return False
        rows = {row["id"]: row for row in result.get("quality") or [] if isinstance(row, dict)}
        infos = self.search([("company_id", "=", company.id), ("as_oem_record_id", "in", list(rows))])
        applied = [info._as_oem_receive(rows[info.as_oem_record_id]) for info in infos]  # each, not the first
        done = all(applied)
        if done:
            # sudo: the officer's pull button moves the company's pull time, which only the link writes.
            company.sudo().as_oem_quality_last_pull = fields.Datetime.to_datetime(result["now"])
        return done

    def _as_oem_receive(self, row):
        """Apply one OEM update (see as_oem_quality_updates) and log it; False when it could not be applied."""
        self.ensure_one()
        seen = (self.as_oem_state, self.level or False, self.reply or "", self.result or "")
        if (row.get("state"), row.get("level") or False, row.get("reply") or "", row.get("result") or "") == seen:
            if not self.as_oem_synced_at:
                self._as_workflow_write({"as_oem_synced_at": fields.Datetime.now()})
            return True  # nothing new
        try:
            with self.env.cr.savepoint():
                self._as_oem_apply_reply(row)
        except UserError as error:
            self._as_oem_log_in(row, "error", str(error.args[0]))
            return False
        self._as_workflow_write({"as_oem_state": row.get("state"), "as_oem_synced_at": fields.Datetime.now()})
        self._as_oem_log_in(row, "received")
        return True

    def _as_oem_log_in(self, row, state, error=False):
        summary = self.env._(
            "OEM quality information %(name)s: %(state)s, level %(level)s %(reply)s",
            name=row.get("name"),
            state=dict(STATES).get(row.get("state"), row.get("state")),
            level=dict(LEVELS).get(row.get("level"), "-"),
            reply=row.get("reply") or "",
        )
        exchange = self.env["aftersales.oem.exchange"]._as_workflow_create(
            [
                {
                    "company_id": self.company_id.id,
                    "res_model": self._name,
                    "res_id": self.id,
                    "quality_info_id": self.id,
                    "kind": "quality_reply",
                    "direction": "in",
                    "state": state,
                    "oem_record_id": row.get("id"),
                    "payload_summary": summary,
                    "last_error": error,
                    "log": "",
                }
            ]
        )
        exchange._as_oem_log(error or summary)

    def _as_oem_apply_reply(self, row):
        """The workflow step of a report handled at the OEM site: the dealer's record follows the OEM's
        handling (level confirmed, QA's analysis done, reply, archived), forward only; QA's work stays at
        the OEM. Called by the link only, with the OEM's answer for this dealer's own report."""
        self.ensure_one()
        state = row.get("state")
        if not self.as_oem_record_id or state not in STATE_ORDER or self.state == "draft":
            raise UserError(self.env._("Quality information %(q)s was not received by the OEM site.", q=self.name))
        if STATE_ORDER.index(state) < STATE_ORDER.index(self.state):
            raise UserError(
                self.env._(
                    "Quality information %(q)s is %(state)s here; the OEM site's state %(oem)s would move it back.",
                    q=self.name,
                    state=self._state_label(self.state),
                    oem=self._state_label(state),
                )
            )
        now = fields.Datetime.now()
        vals = {"state": state}
        if row.get("level_confirmed"):
            level = row.get("level") if row.get("level") in dict(LEVELS) else False
            vals.update(level=level, level_confirmed=True)
            if level:
                vals["info_type"] = "major"
        if state != "submitted" and not self.confirmed_date:
            vals["confirmed_date"] = now
        reply = (row.get("reply") or "").strip()
        new_reply = reply and reply != (self.reply or "")
        if new_reply:
            vals.update(reply=reply, replied_date=now)
        if row.get("result"):
            vals["result"] = row["result"]
        self._as_workflow_write(vals)
        if new_reply:
            self.message_post(body=self.env._("Reply of the OEM: %(reply)s", reply=reply))
