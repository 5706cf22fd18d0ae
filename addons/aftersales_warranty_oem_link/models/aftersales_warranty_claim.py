"""Dealer site: a submitted claim is queued for the OEM site; the OEM's decisions are pulled back and applied
through the claim's own workflow methods."""

import base64
import logging

from odoo import api, fields, models
from odoo.addons.aftersales_warranty.models.aftersales_warranty_claim import CLAIM_STATES, DECIDED_STATES
from odoo.exceptions import UserError

from ..tools import OemError

_logger = logging.getLogger(__name__)

SYNC_USER = "aftersales_warranty_oem_link.user_oem_sync"
SENDABLE_TYPES = ("image/", "application/pdf")
OEM_FIELDS = {"as_oem_claim_id", "as_oem_claim_name", "as_oem_state", "as_oem_synced_at"}


class AftersalesWarrantyClaim(models.Model):
    _inherit = "aftersales.warranty.claim"

    as_oem_claim_id = fields.Integer(string="OEM Claim ID", readonly=True, copy=False, index="btree_not_null")
    as_oem_claim_name = fields.Char(string="OEM Claim Number", readonly=True, copy=False)
    as_oem_state = fields.Selection(CLAIM_STATES, string="State at the OEM", readonly=True, copy=False)
    as_oem_synced_at = fields.Datetime(string="Last OEM Sync", readonly=True, copy=False)
    as_oem_exchange_ids = fields.One2many("aftersales.oem.exchange", "claim_id", string="OEM Exchanges")
    as_oem_sync_state = fields.Selection(
        [("queued", "Queued"), ("error", "Error"), ("sent", "Sent"), ("synced", "Up to date")],
        string="OEM Sync",
        compute="_compute_as_oem_sync_state",
    )
    as_oem_last_error = fields.Text(string="OEM Error", compute="_compute_as_oem_sync_state")

    def _as_workflow_field_names(self):
        return super()._as_workflow_field_names() | OEM_FIELDS

    @api.depends("as_oem_exchange_ids.state", "as_oem_synced_at")
    def _compute_as_oem_sync_state(self):
        for claim in self:
            claim.as_oem_sync_state, claim.as_oem_last_error = claim.as_oem_exchange_ids._as_oem_sync_status(
                claim.as_oem_synced_at
            )

    # ------------------------------------------------------------------ out
    def action_submit(self):
        todo = self.filtered(lambda c: c.state == "draft")
        result = super().action_submit()
        todo.filtered(
            lambda c: c.state == "submitted" and c.is_dealer_side and c.company_id._as_oem_configured()
        )._as_oem_queue("claim")
        return result

    def action_answer_info(self, answer):
        result = super().action_answer_info(answer)
        self.filtered("as_oem_claim_id")._as_oem_queue("answer")
        return result

    def _as_oem_key(self):
        self.ensure_one()
        return self.env["aftersales.oem.exchange"]._as_oem_key_of(self)

    def _as_oem_queue(self, kind):
        """Queue the claims (kind "claim") or their answer (kind "answer") for the OEM site, once."""
        vals_list = []
        for claim in self:
            key = claim._as_oem_key()
            if kind == "answer":
                key = f"{key}:answer:{len(claim.as_oem_exchange_ids.filtered(lambda x: x.kind == 'answer')) + 1}"
            elif claim.as_oem_exchange_ids.filtered(lambda x: x.kind == "claim"):
                continue
            vals_list.append(
                {
                    "company_id": claim.company_id.id,
                    "res_model": claim._name,
                    "res_id": claim.id,
                    "claim_id": claim.id,
                    "kind": kind,
                    "direction": "out",
                    "state": "queued",
                    "idempotency_key": key,
                    "next_attempt": fields.Datetime.now(),
                    "payload_summary": claim._as_oem_summary_text(kind),
                    "log": "",
                }
            )
        exchanges = self.env["aftersales.oem.exchange"]._as_workflow_create(vals_list)
        for exchange in exchanges:
            exchange._as_oem_log(self.env._("queued"))
        if exchanges:
            self.env.ref("aftersales_warranty_oem_link.ir_cron_oem_sync")._trigger()
        return exchanges

    def _as_oem_summary_text(self, kind):
        self.ensure_one()
        if kind == "answer":
            return self.env._("Answer: %(answer)s", answer=self.info_answer or "")
        return self.env._(
            "VIN %(vin)s, %(km)s km, repair %(date)s, causal part %(part)s, %(parts)s part and %(labour)s labour "
            "lines, %(files)s files, claimed %(amount)s",
            vin=self.vin,
            km=self.mileage,
            date=self.repair_date,
            part=self.causal_product_id.default_code or "",
            parts=len(self.part_line_ids),
            labour=len(self.labour_line_ids),
            files=len(self._as_oem_attachments()),
            amount=self.currency_id.format(self.amount_total),
        )

    def _as_oem_attachments(self):
        # sudo: the claim's own photos and documents, read to be sent with it (the clerk reads them anyway).
        attachments = (
            self.env["ir.attachment"].sudo().search([("res_model", "=", self._name), ("res_id", "=", self.id)])
        )
        return attachments.filtered(lambda a: (a.mimetype or "").startswith(SENDABLE_TYPES))

    def _as_oem_payload(self, exchange):
        """What the OEM site's method receives: plain values, as the portal form sends them."""
        self.ensure_one()
        if exchange.kind == "answer":
            return {"idempotency_key": self._as_oem_key(), "answer": self.info_answer or ""}
        causal = self.part_line_ids.filtered(lambda x: x.product_id == self.causal_product_id)[:1]
        parts = causal | (self.part_line_ids - causal)
        return {
            "idempotency_key": exchange.idempotency_key,
            "vin": self.vin,
            "repair_date": fields.Date.to_string(self.repair_date),
            "mileage": self.mileage,
            "complaint": self.complaint or "",
            "cause": self.cause or "",
            "correction": self.correction or "",
            "parts": [{"code": line.product_id.default_code, "qty": line.quantity} for line in parts],
            "operations": [{"code": line.operation_id.code, "hours": line.quantity} for line in self.labour_line_ids],
            "attachments": [
                {"name": a.name, "mimetype": a.mimetype, "datas": base64.b64encode(a.raw or b"").decode()}
                for a in self._as_oem_attachments()
            ],
        }

    def _as_oem_sent(self, exchange, result):
        """The OEM site confirmed the claim: its number on the dealer claim."""
        self.ensure_one()
        if exchange.kind != "claim":
            return
        self._as_workflow_write(
            {
                "as_oem_claim_id": result.get("id") or 0,
                "as_oem_claim_name": result.get("name") or False,
                "as_oem_state": result.get("state") or False,
            }
        )
        self.message_post(body=self.env._("Received by the OEM as claim %(name)s.", name=result.get("name")))

    def _as_oem_check_sender(self):
        """Who may send the claim's exchanges to the OEM site now (button Retry)."""
        self._check_group("aftersales_warranty.group_aftersales_warranty_clerk", self.env._("send"))

    def action_as_oem_send(self):
        """Send the claim's queued documents to the OEM site now."""
        self._check_group("aftersales_warranty.group_aftersales_warranty_clerk", self.env._("send"))
        self.as_oem_exchange_ids.filtered(lambda x: x.direction == "out").action_retry()
        return True

    # ------------------------------------------------------------------ in
    def action_as_oem_pull(self):
        """Fetch the OEM's decisions now (the cron does it regularly)."""
        self._check_group("aftersales_warranty.group_aftersales_warranty_clerk", self.env._("synchronise"))
        for company in self.company_id:
            try:
                self.with_company(company)._as_oem_pull(company, raise_error=True)
            except OemError as error:
                raise UserError(self.env["aftersales.oem.exchange"]._as_oem_message(company, error)) from error
        return True

    @api.model
    def _as_oem_pull(self, company, raise_error=False):
        """Apply the OEM's changes since the last pull on the company's claims; the time of the last pull moves
        on only when every change was applied (a change that failed is fetched again next time)."""
        Exchange = self.env["aftersales.oem.exchange"]
        since = company.as_oem_last_pull
        try:
            result = Exchange._as_oem_call(company, "as_oem_claim_updates", since and fields.Datetime.to_string(since))
        except OemError as error:
            if raise_error:
                raise
            _logger.warning("OEM pull of %s failed: %s", company.name, Exchange._as_oem_message(company, error))
            return False
        rows = {row["id"]: row for row in result.get("claims") or [] if isinstance(row, dict)}
        claims = self.search([("company_id", "=", company.id), ("as_oem_claim_id", "in", list(rows))])
        applied = [claim._as_oem_receive(rows[claim.as_oem_claim_id]) for claim in claims]  # each, then all?
        done = all(applied)
        if done:
            # sudo: the clerk's pull button moves the company's pull time, which only the link writes.
            company.sudo().as_oem_last_pull = fields.Datetime.to_datetime(result["now"])
        return done

    # ------------------------------------------------------------------ applying the OEM's decision
    def _as_oem_system(self):
        """The claim as the link's system user (in the reviewer group, never a claim's author).

        sudo: the sync is a system process with no user behind it. It only calls the claim's workflow methods,
        which still check the group, the state and the person (the system user never filed the claim, so
        nobody reviews their own claim), with values the OEM site returned for this dealer's own claim, found
        by its OEM id among the company's claims; sudo lifts only that user's record and company rules.
        """
        return self.with_user(self.env.ref(SYNC_USER)).with_company(self.company_id).sudo()

    def _as_oem_receive(self, row):
        """Apply one OEM update (see as_oem_claim_updates) and log it; False when it could not be applied."""
        self.ensure_one()
        seen = (self.as_oem_state, self.info_request or "")
        if (row.get("state"), row.get("info_request") or "") == seen:
            if not self.as_oem_synced_at:
                self._as_workflow_write({"as_oem_synced_at": fields.Datetime.now()})
            return True  # nothing new
        claim = self._as_oem_system()
        try:
            with self.env.cr.savepoint():
                claim._as_oem_apply(row)
        except UserError as error:
            self._as_oem_log_in(row, "error", str(error.args[0]))
            return False
        self._as_workflow_write({"as_oem_state": row.get("state"), "as_oem_synced_at": fields.Datetime.now()})
        self._as_oem_log_in(row, "received")
        return True

    def _as_oem_log_in(self, row, state, error=False):
        labels = dict(self._fields["state"]._description_selection(self.env))
        summary = self.env._(
            "OEM claim %(name)s: %(state)s, approved %(amount)s %(question)s%(reason)s",
            name=row.get("name"),
            state=labels.get(row.get("state"), row.get("state")),
            amount=self.currency_id.format(row.get("amount_approved") or 0.0),
            question=row.get("info_request") or "",
            reason=row.get("reason_code") or "",
        )
        exchange = self.env["aftersales.oem.exchange"]._as_workflow_create(
            [
                {
                    "company_id": self.company_id.id,
                    "res_model": self._name,
                    "res_id": self.id,
                    "claim_id": self.id,
                    "kind": "decision",
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

    def _as_oem_apply(self, row):
        """Bring the claim to the OEM's state through its workflow methods (run as the system user)."""
        state = row.get("state")
        if state in ("submitted", "draft"):
            return
        if self.state == "submitted":
            self.action_start_review()
        if state == "info_requested":
            if self.state == "under_review":
                self.action_request_info(row.get("info_request") or self.env._("(no question)"))
            return
        if state == "under_review":
            return
        decision = row.get("decision") or state
        if self.state not in DECIDED_STATES:
            self._as_oem_apply_decision(decision, row)
        if state == "settled" and self.state != "settled":
            self.action_settle()

    def _as_oem_apply_decision(self, decision, row):
        if self.state != "under_review":
            raise UserError(
                self.env._(
                    "Claim %(claim)s is %(state)s: answer the OEM's question before its decision can be applied.",
                    claim=self.name,
                    state=self._state_label(),
                )
            )
        if decision == "rejected":
            reason = self.env["aftersales.warranty.reason"].search([("code", "=", row.get("reason_code"))], limit=1)
            if not reason:
                raise UserError(
                    self.env._("Unknown rejection reason code %(code)s from the OEM.", code=row.get("reason_code"))
                )
            self.action_reject(reason, row.get("review_note") or False)
        else:
            self.action_approve_with_cuts(self._as_oem_cuts(row.get("lines") or []))

    def _as_oem_cuts(self, rows):
        """The OEM's approved quantities on the dealer's lines (matched by type and code, in order); a line
        the OEM never received (a sublet) is cut."""
        pool = {}
        for line in self.line_ids:
            code = line.product_id.default_code or line.operation_id.code or ""
            pool.setdefault((line.line_type, code), []).append(line)
        cuts = {}
        for row in rows:
            lines = pool.get((row.get("line_type"), row.get("code")))
            if lines:
                line = lines.pop(0)
                cuts[line] = {"approved_quantity": row.get("approved_quantity"), "cut_reason": row.get("cut_reason")}
        for line in self.line_ids - self.env["aftersales.warranty.claim.line"].union(*cuts):
            cuts[line] = {"approved_quantity": 0.0, "cut_reason": self.env._("Not claimed at the OEM site")}
        return [{"line_id": line.id, **vals} for line, vals in cuts.items()]
