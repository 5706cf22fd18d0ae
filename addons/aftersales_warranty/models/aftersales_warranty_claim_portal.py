"""A network dealer files a warranty claim from outside: the portal form, later the dealer-to-OEM API.

One service, ``aftersales.warranty.claim._as_portal_create_claim(partner, values, attachments)``, does
every check on plain values (strings as a form or a JSON call sends them) and creates at most one claim
per submission. The portal controller only turns the HTTP request into those values.
"""

import base64
import math

from odoo import Command, api, fields, models
from odoo.addons.aftersales_base.tools.portal_input import (
    InputError,
    PortalInput,
    check_upload,
    parse_date,
    parse_number,
    parse_text,
    submission_key,
)
from odoo.exceptions import AccessError, ValidationError

# Bounds of what a dealer may send in one claim (not business rules: sanity limits of the input).
MAX_MILEAGE_KM = 2_000_000
MAX_PART_QTY = 1_000
MAX_HOURS = 100
MAX_ROWS = 50
MAX_ATTACHMENTS = 20
MAX_TEXT = 2000
MAX_CODE = 64
MAX_TOKEN = 64
# Fields of the OEM's own work on a claim: suppliers and accounting documents. Internal users only.
INTERNAL_GROUP = "base.group_user"


# The claim is split by concern into files of the same model (checker, accounting, KPI, portal), as OCA does.
class AftersalesWarrantyClaim(models.Model):
    _inherit = "aftersales.warranty.claim"  # pylint: disable=consider-merging-classes-inherited

    portal_submission_key = fields.Char(
        readonly=True,
        copy=False,
        groups=INTERNAL_GROUP,
        help="The form token (or digest) of the portal submission that created the claim: the same "
        "submission sent twice gives this claim again, never a second one.",
    )
    causal_supplier_id = fields.Many2one(groups=INTERNAL_GROUP)
    dealer_invoice_id = fields.Many2one(groups=INTERNAL_GROUP)
    dealer_refund_id = fields.Many2one(groups=INTERNAL_GROUP)
    oem_bill_id = fields.Many2one(groups=INTERNAL_GROUP)
    recovery_invoice_id = fields.Many2one(groups=INTERNAL_GROUP)
    recovery_netting_id = fields.Many2one(groups=INTERNAL_GROUP)

    _sql_constraints = [
        (
            "portal_submission_key_uniq",
            "unique(dealer_id, portal_submission_key)",
            "This submission already created a claim.",
        ),
    ]

    @api.constrains("mileage")
    def _check_mileage_finite(self):
        """NaN or infinity (JSON-RPC accepts them) would skip the coverage check and break every list."""
        for claim in self:
            if not math.isfinite(claim.mileage):
                raise ValidationError(
                    self.env._("Claim %(claim)s: the mileage must be a finite number.", claim=claim.name)
                )

    # ------------------------------------------------------------------ service
    @api.model
    def _as_portal_dealer(self, partner):
        """The network dealer (commercial partner) ``partner`` files for, after checking the caller is
        one of its users; AccessError otherwise."""
        dealer = partner.commercial_partner_id
        user = self.env.user
        if not self.env.su and dealer != user.commercial_partner_id:
            raise AccessError(self.env._("You can only file claims for your own dealer."))
        # sudo: the flag of the caller's own company, read to decide what it may do.
        if not dealer or not dealer.sudo().is_network_dealer:
            raise AccessError(self.env._("Only network dealers can file warranty claims."))
        return dealer

    @api.model
    def _as_portal_create_claim(self, partner, values, attachments=()):
        """Create a draft claim of ``partner``'s network dealer from plain values.

        ``values``: vin, repair_date (YYYY-MM-DD), mileage, complaint, cause, correction, parts (list of
        {"code", "qty"}; the first is the causal part), operations (list of {"code", "hours"}),
        form_token. ``attachments``: (file name, mimetype, bytes). Every problem is raised together in one
        translated ValidationError and nothing is created; the same submission twice returns the claim
        of the first.
        """
        dealer = self._as_portal_dealer(partner)
        key = self._as_portal_submission_key(dealer, values)
        existing = self._as_portal_submitted(dealer, key)
        if existing:
            return existing
        vals, files = self._as_portal_claim_vals(dealer, values, attachments)
        self._as_portal_lock_dealer(dealer)
        vals["portal_submission_key"] = key
        # sudo: portal users cannot create claims; every value was checked above and the claim is the
        # caller's dealer's, in the caller's company (the creator stays the calling user).
        with self.env.cr.savepoint():  # a refusal by the model's own constraints leaves nothing behind
            claim = self.sudo().create(vals)
            claim._as_portal_attach(files)
        return claim.sudo(self.env.su)

    @api.model
    def _as_portal_submission_key(self, dealer, values):
        form = PortalInput(self.env)
        token = form.get(parse_text, values.get("form_token"), self.env._("Form"), max_length=MAX_TOKEN)
        form.raise_if_errors()
        if token:
            return token
        fields_sent = ("vin", "repair_date", "mileage", "complaint", "parts", "operations")
        return submission_key(dealer.id, *(repr(values.get(name)) for name in fields_sent))

    @api.model
    def _as_portal_submitted(self, dealer, key):
        # sudo: the key is internal; the claim found is the dealer's own.
        claim = self.sudo().search([("dealer_id", "=", dealer.id), ("portal_submission_key", "=", key)], limit=1)
        return claim.sudo(self.env.su)

    @api.model
    def _as_portal_lock_dealer(self, dealer):
        """Two identical submissions at the same time: the dealer's row is updated (to itself), so the
        second waits for the first to commit, then fails to serialize and is retried by the server, and
        on retry finds the first one's claim instead of making another."""
        self.env.cr.execute("UPDATE res_partner SET write_date = write_date WHERE id = %s", [dealer.id])

    @api.model
    def _as_portal_claim_vals(self, dealer, values, attachments=()):
        """(values of the claim to create, checked files) from the dealer's plain values; one
        ValidationError listing every problem."""
        form = PortalInput(self.env)
        vehicle = self._as_portal_vehicle(form, values.get("vin"))
        today = fields.Date.context_today(self)
        repair_date = form.get(
            parse_date,
            values.get("repair_date"),
            self.env._("Repair Date"),
            minimum=vehicle.sale_date or None,
            maximum=today,
        )
        mileage = form.get(
            parse_number, values.get("mileage"), self.env._("Mileage (km)"), maximum=MAX_MILEAGE_KM, required=True
        )
        texts = {
            name: form.get(parse_text, values.get(name), label, max_length=MAX_TEXT, required=name == "complaint")
            for name, label in (
                ("complaint", self.env._("Complaint")),
                ("cause", self.env._("Cause")),
                ("correction", self.env._("Correction")),
            )
        }
        part_lines, causal = self._as_portal_part_lines(form, values.get("parts") or [])
        labour_lines = self._as_portal_labour_lines(form, values.get("operations") or [])
        files = self._as_portal_files(form, attachments)
        form.raise_if_errors()
        vals = {
            "company_id": self.env.company.id,
            "dealer_id": dealer.id,
            "vehicle_id": vehicle.id,
            "repair_date": repair_date or today,
            "mileage": mileage,
            "causal_product_id": causal.id,
            "line_ids": part_lines + labour_lines,
            **{name: text or False for name, text in texts.items()},
        }
        return vals, files

    @api.model
    def _as_portal_vehicle(self, form, vin):
        vin = (form.get(parse_text, vin, self.env._("VIN"), max_length=MAX_CODE, required=True) or "").upper()
        if not vin:
            return self.env["fleet.vehicle"]
        # sudo: portal users cannot read vehicles; the lookup is by exact VIN among the company's vehicles.
        vehicle = (
            self.env["fleet.vehicle"]
            .sudo()
            .search([("vin_sn", "=", vin), ("company_id", "in", [False, self.env.company.id])], limit=1)
        )
        if not vehicle:
            form.errors.append(self.env._("Unknown VIN."))
        return vehicle

    @api.model
    def _as_portal_rows(self, form, rows, label):
        """The rows with a code (stripped), refusing more than MAX_ROWS."""
        if not isinstance(rows, list | tuple) or len(rows) > MAX_ROWS:
            form.errors.append(self.env._("%(lines)s: at most %(count)s lines.", lines=label, count=MAX_ROWS))
            return []
        result = []
        for row in rows:
            row = row if isinstance(row, dict) else {}
            code = form.get(parse_text, row.get("code"), label, max_length=MAX_CODE)
            if code:
                result.append((code, row))
        return result

    @api.model
    def _as_portal_catalogue(self, model, code_field, codes, extra_domain=()):
        """{code: record} of the codes among the company's and the shared catalogue."""
        # sudo: portal users cannot read parts or operations; exact codes, company's and shared ones only.
        records = (
            self.env[model]
            .sudo()
            .search(
                [(code_field, "in", list(codes)), ("company_id", "in", [False, self.env.company.id]), *extra_domain]
            )
        )
        return {record[code_field]: record for record in records}

    @api.model
    def _as_portal_part_lines(self, form, rows):
        rows = self._as_portal_rows(form, rows, self.env._("Parts"))
        parts = self._as_portal_catalogue(
            "product.product", "default_code", [code for code, _row in rows], [("type", "=", "consu")]
        )
        lines, causal = [], self.env["product.product"]
        for code, row in rows:
            quantity = form.get(
                parse_number,
                row.get("qty"),
                self.env._("Quantity of part %(code)s", code=code),
                minimum=0.01,
                maximum=MAX_PART_QTY,
                default=1.0,
            )
            part = parts.get(code)
            if not part:
                form.errors.append(self.env._("Unknown part number %(code)s.", code=code))
                continue
            causal = causal or part
            if quantity:
                lines.append(Command.create({"line_type": "part", "product_id": part.id, "quantity": quantity}))
        if not rows:
            form.errors.append(self.env._("Enter the causal part number."))
        return lines, causal

    @api.model
    def _as_portal_labour_lines(self, form, rows):
        rows = self._as_portal_rows(form, rows, self.env._("Labour"))
        operations = self._as_portal_catalogue("aftersales.operation", "code", [code for code, _row in rows])
        lines = []
        for code, row in rows:
            hours = form.get(
                parse_number,
                row.get("hours"),
                self.env._("Hours of operation %(code)s", code=code),
                minimum=0.1,
                maximum=MAX_HOURS,
            )
            operation = operations.get(code)
            if not operation:
                form.errors.append(self.env._("Unknown operation code %(code)s.", code=code))
                continue
            vals = {"line_type": "labour", "operation_id": operation.id}
            if hours:
                vals["quantity"] = hours  # else the flat-rate hours of the catalogue for the vehicle model
            lines.append(Command.create(vals))
        return lines

    @api.model
    def _as_portal_files(self, form, attachments):
        """The attachments of an allowed type and size (company setting), at most MAX_ATTACHMENTS."""
        attachments = list(attachments or [])
        if len(attachments) > MAX_ATTACHMENTS:
            form.errors.append(self.env._("Attach at most %(count)s files.", count=MAX_ATTACHMENTS))
            return []
        max_mb = self.env.company.as_portal_upload_max_mb
        files = []
        for name, mimetype, data in attachments:
            name = (name or "").strip()[:200] or "file"
            try:
                check_upload(name, mimetype, len(data or b""), max_mb=max_mb)
            except InputError as error:
                form.errors.append(form.translate(error))
                continue
            files.append((name, mimetype, data))
        return files

    def _as_portal_attach(self, files):
        """Attach checked files (see _as_portal_files) to the claim."""
        self.ensure_one()
        if files:
            # sudo: portal users cannot create attachments on a claim; the files were checked by type and
            # size and the claim is the caller's (just created or read through its record rules).
            self.env["ir.attachment"].sudo().create(
                [
                    {
                        "name": name,
                        "mimetype": mimetype,
                        "datas": base64.b64encode(data),
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                    for name, mimetype, data in files
                ]
            )

    def _as_portal_add_attachments(self, partner, attachments):
        """More photos on a draft claim of the caller's dealer (portal upload on the claim page)."""
        self.ensure_one()
        dealer = self._as_portal_dealer(partner)
        if self.sudo().dealer_id != dealer:
            raise AccessError(self.env._("You can only file claims for your own dealer."))
        form = PortalInput(self.env)
        if self.state != "draft":
            form.errors.append(self.env._("Photos can only be added to a draft claim."))
        files = self._as_portal_files(form, attachments)
        if not files and not form.errors:
            form.errors.append(self.env._("Choose the files to upload."))
        if form.errors:
            raise ValidationError("\n".join(form.errors))
        self._as_portal_attach(files)
        return True
