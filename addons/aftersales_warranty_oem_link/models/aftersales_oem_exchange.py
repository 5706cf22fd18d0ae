"""The dealer site's log and queue of what goes to and comes from the OEM site, one record per document and
direction: a claim sent (queued until the OEM confirmed it, retried with back-off), a decision received."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import OemClient, OemError

MAX_DELAY = timedelta(days=1)
MAX_LOG = 20_000  # characters kept of an exchange's log (the newest)


class AftersalesOemExchange(models.Model):
    _name = "aftersales.oem.exchange"
    _description = "OEM Exchange"
    _inherit = ["aftersales.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _as_workflow_locked = True  # only the link writes it: a log nobody edits

    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Integer(string="Document ID", required=True, readonly=True)
    claim_id = fields.Many2one("aftersales.warranty.claim", index=True, ondelete="cascade", readonly=True)
    quality_info_id = fields.Many2one(
        "aftersales.quality.info", string="Quality Information", index=True, ondelete="cascade", readonly=True
    )
    kind = fields.Selection(
        [
            ("claim", "Claim"),
            ("answer", "Answer to the OEM"),
            ("decision", "OEM Decision"),
            ("quality", "Quality Information"),
            ("quality_reply", "OEM Reply"),
        ],
        required=True,
        readonly=True,
    )
    direction = fields.Selection([("out", "To the OEM"), ("in", "From the OEM")], required=True, readonly=True)
    state = fields.Selection(
        [("queued", "Queued"), ("sent", "Sent"), ("error", "Error"), ("received", "Received")],
        required=True,
        readonly=True,
        index=True,
    )
    attempts = fields.Integer(readonly=True)
    next_attempt = fields.Datetime(readonly=True, index=True)
    last_attempt = fields.Datetime(readonly=True)
    last_error = fields.Text(readonly=True)
    payload_summary = fields.Text(readonly=True)
    oem_record_id = fields.Integer(string="OEM Record ID", readonly=True)
    idempotency_key = fields.Char(readonly=True, index=True)
    log = fields.Text(readonly=True)

    _sql_constraints = [
        ("idempotency_key_uniq", "unique(idempotency_key)", "A document is queued for the OEM only once."),
    ]

    @api.depends("kind", "claim_id.name", "quality_info_id.name")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for exchange in self:
            document = exchange._as_oem_document()
            exchange.display_name = f"{kinds.get(exchange.kind, '')} {document.name or ''}".strip()

    def _as_oem_document(self):
        """The dealer-site document this exchange is about (a claim or a quality information)."""
        self.ensure_one()
        return self.quality_info_id if self.kind in ("quality", "quality_reply") else self.claim_id

    # ------------------------------------------------------------------ connection
    @api.model
    def _as_oem_client(self, company):
        if not company._as_oem_configured():
            raise OemError("config", "")
        # sudo: the API key is read to authenticate this call only; it is never returned or logged.
        secret = company.sudo().as_oem_api_key
        return OemClient(
            company.as_oem_url, company.as_oem_db, company.as_oem_login, secret, timeout=company.as_oem_timeout or 30
        )

    @api.model
    def _as_oem_message(self, company, error):
        """The translated sentence for a failed call."""
        _ = self.env._
        messages = {
            "config": _("Set the OEM site's URL, database, portal login and API key in the After-Sales settings."),
            "unreachable": _(
                "The OEM site %(url)s cannot be reached (%(error)s). It stays queued and is sent again later.",
                url=company.as_oem_url,
                error=error.detail,
            ),
            "auth": _("The OEM site refused the login %(login)s: wrong login or API key.", login=company.as_oem_login),
            "forbidden": _(
                "The OEM site refused the user %(login)s: %(error)s", login=company.as_oem_login, error=error.detail
            ),
            "refused": _("The OEM site refused the document: %(error)s", error=error.detail),
        }
        return messages.get(error.kind) or _("The OEM site answered with an error: %(error)s", error=error.detail)

    @api.model
    def _as_oem_call(self, company, method, *args, model="aftersales.warranty.claim"):
        """``<model>.<method>(*args)`` at the OEM site as the dealer's portal user."""
        client = self._as_oem_client(company)
        # Nothing of this transaction is sent half-written (and a test server sharing the cursor sees it).
        self.env.flush_all()
        try:
            return client.call(model, method, *args)
        finally:
            self.env.invalidate_all()

    @api.model
    def _as_oem_test_connection(self, company):
        try:
            dealer = self._as_oem_call(company, "as_oem_whoami")
        except OemError as error:
            raise UserError(self._as_oem_message(company, error)) from error
        return self.env._("Connected to the OEM site as network dealer %(dealer)s.", dealer=dealer.get("name"))

    # ------------------------------------------------------------------ queue
    @api.model
    def _as_oem_key_of(self, record):
        """The idempotency key of a dealer-site document: database UUID, model, id."""
        # sudo: the database UUID is not secret; only the link reads it, to name its documents.
        uuid = self.env["ir.config_parameter"].sudo().get_param("database.uuid")
        return f"{uuid}:{record._name}:{record.id}"

    def _as_oem_sync_status(self, synced_at):
        """(sync state, last error) of a document from its exchanges (``self``) and its last sync time."""
        outgoing = self.filtered(lambda x: x.direction == "out").sorted("id")
        pending = outgoing.filtered(lambda x: x.state in ("queued", "error"))
        if pending:
            return ("error" if "error" in pending.mapped("state") else "queued"), pending[-1:].last_error
        return (synced_at and "synced") or (outgoing and "sent") or False, False

    def _as_oem_log(self, line, **vals):
        self.ensure_one()
        now = fields.Datetime.now()
        text = f"{fields.Datetime.to_string(now)} {line}\n"
        vals["log"] = ((self.log or "") + text)[-MAX_LOG:]
        self._as_workflow_write(vals)

    def _as_oem_delay(self):
        self.ensure_one()
        minutes = max(self.company_id.as_oem_retry_minutes, 1) * 2 ** max(self.attempts - 1, 0)
        return min(timedelta(minutes=minutes), MAX_DELAY)

    def _as_oem_send(self):
        """Send each queued exchange once now; a failure keeps it queued (or in error when the OEM refused the
        data) with the error and the next attempt. Returns the exchanges sent."""
        sent = self.browse()
        for exchange in self.filtered(lambda x: x.state == "queued" and x.direction == "out"):
            now = fields.Datetime.now()
            attempt = {"attempts": exchange.attempts + 1, "last_attempt": now}
            document = exchange._as_oem_document()
            model, method = exchange._as_oem_method()
            try:
                result = exchange._as_oem_call(
                    exchange.company_id, method, document._as_oem_payload(exchange), model=model
                )
            except OemError as error:
                message = self._as_oem_message(exchange.company_id, error)
                exchange._as_oem_log(
                    self.env._("error: %(message)s", message=message),
                    **attempt,
                    state="queued" if error.retry else "error",
                    last_error=message,
                )
                exchange._as_oem_log(
                    self.env._("next attempt in %(delay)s", delay=exchange._as_oem_delay()),
                    next_attempt=now + exchange._as_oem_delay(),
                )
                continue
            result = result or {}
            exchange._as_oem_log(
                self.env._("sent: OEM record %(name)s (#%(id)s)", name=result.get("name"), id=result.get("id")),
                **attempt,
                state="sent",
                last_error=False,
                next_attempt=False,
                oem_record_id=result.get("id") or 0,
            )
            document._as_oem_sent(exchange, result)
            sent |= exchange
        return sent

    def _as_oem_method(self):
        """(model, method) the OEM site receives this exchange with."""
        return {
            "claim": ("aftersales.warranty.claim", "as_oem_receive_claim"),
            "answer": ("aftersales.warranty.claim", "as_oem_receive_answer"),
            "quality": ("aftersales.quality.info", "as_oem_receive_quality"),
        }[self.kind]

    def action_retry(self):
        """Send again now (also an exchange the OEM refused, after the claim was corrected)."""
        for document in {exchange._as_oem_document() for exchange in self}:
            document._as_oem_check_sender()
        todo = self.filtered(lambda x: x.direction == "out" and x.state in ("queued", "error"))
        for exchange in todo:
            exchange._as_oem_log(self.env._("retry requested"), state="queued", next_attempt=fields.Datetime.now())
        todo._as_oem_send()
        return True

    @api.model
    def _cron_oem_sync(self):
        """Send what is due, then pull the decisions and replies of every company connected to an OEM site."""
        due = self.search(
            [
                ("state", "=", "queued"),
                ("direction", "=", "out"),
                "|",
                ("next_attempt", "=", False),
                ("next_attempt", "<=", fields.Datetime.now()),
            ],
            order="id",
        )
        due._as_oem_send()
        companies = self.env["res.company"].search([("as_oem_url", "!=", False)])
        for company in companies.filtered(lambda c: c._as_oem_configured()):
            self.env["aftersales.warranty.claim"].with_company(company)._as_oem_pull(company)
            self.env["aftersales.quality.info"].with_company(company)._as_oem_pull(company)
