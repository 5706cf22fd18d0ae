import uuid

from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from odoo import _, fields, http
from odoo.addons.aftersales_base.tools.portal_input import InputError, PortalInput, parse_id, parse_text, read_upload
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq

PAGE_SIZE = 20
NEW_ROWS = 3  # empty part and labour rows on the new-claim form
MAX_SEARCH = 64
MAX_ANSWER = 2000
# Photos uploaded with a form that came back with an error wait here (like the portal chatter's uploads,
# and cleaned up with them by mail's attachment garbage collection) until the claim is created.
PENDING_MODEL = "mail.compose.message"
MAX_PENDING = 20


class WarrantyPortal(CustomerPortal):
    # ------------------------------------------------------------------ who may use it
    def _warranty_is_dealer(self):
        """Whether the user belongs to a network dealer (only they file claims)."""
        user = request.env.user
        # sudo: the flag of the user's own company, read to decide what the portal offers.
        return not user._is_public() and bool(user.commercial_partner_id.sudo().is_network_dealer)

    def _warranty_denied(self, view=False):
        """A 403 page unless the user is a network dealer (or, to view claims, an internal user)."""
        if self._warranty_is_dealer() or (view and request.env.user._is_internal()):
            return None
        values = self._prepare_portal_layout_values()
        values["page_name"] = "warranty"
        return request.render("aftersales_warranty.portal_warranty_denied", values, status=403)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        is_dealer = self._warranty_is_dealer()
        values["warranty_network_dealer"] = is_dealer
        if "warranty_claim_count" in counters:
            values["warranty_claim_count"] = (
                request.env["aftersales.warranty.claim"].search_count([]) if is_dealer else 0
            )
        return values

    # ------------------------------------------------------------------ list and claim page
    def _warranty_filters(self):
        return {
            "all": {"label": _("All"), "domain": []},
            "draft": {"label": _("Draft"), "domain": [("state", "=", "draft")]},
            "review": {
                "label": _("In Review"),
                "domain": [("state", "in", ("submitted", "under_review"))],
            },
            "info": {"label": _("Information Requested"), "domain": [("state", "=", "info_requested")]},
            "decided": {
                "label": _("Decided"),
                "domain": [("state", "in", ("approved", "partially_approved", "rejected"))],
            },
            "settled": {"label": _("Settled"), "domain": [("state", "=", "settled")]},
        }

    @http.route(["/my/warranty", "/my/warranty/page/<int:page>"], type="http", auth="user", website=True, readonly=True)
    def portal_my_warranty_claims(self, page=1, filterby="all", search=None, **kw):
        denied = self._warranty_denied(view=True)
        if denied:
            return denied
        Claim = request.env["aftersales.warranty.claim"]
        filters = self._warranty_filters()
        filterby = filterby if filterby in filters else "all"
        domain = list(filters[filterby]["domain"])
        search = (search or "").strip()[:MAX_SEARCH]
        if search:
            domain += ["|", ("name", "ilike", search), ("vin", "ilike", search)]
        count = Claim.search_count(domain)
        pager = portal_pager(
            url="/my/warranty",
            url_args={"filterby": filterby, "search": search},
            total=count,
            page=page,
            step=PAGE_SIZE,
        )
        claims = Claim.search(domain, limit=PAGE_SIZE, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "claims": claims,
                "page_name": "warranty",
                "pager": pager,
                "default_url": "/my/warranty",
                "searchbar_filters": filters,
                "filterby": filterby,
                "search": search,
                "search_in": "all",
                "searchbar_inputs": {"all": {"input": "all", "label": _("Number or VIN")}},
            }
        )
        return request.render("aftersales_warranty.portal_my_warranty_claims", values)

    def _warranty_claim(self, claim_id, access_token=None):
        """The claim as the portal user may read it (record rules by commercial partner), then in sudo.

        _document_check_access raises unless the user can read the record (or holds its token);
        only then is the sudo record returned, for rendering and for the workflow methods.
        """
        return self._document_check_access("aftersales.warranty.claim", claim_id, access_token)

    def _warranty_attachments(self, claim):
        """The claim's files as the dealer sees them: name, type and links carrying an access token."""
        # sudo: the claim was checked as readable by this user; only name, type and token are shown.
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", claim._name), ("res_id", "=", claim.id)], order="id")
        )
        tokens = attachments.generate_access_token()
        return [
            {
                "id": attachment.id,
                "name": attachment.name,
                "is_image": (attachment.mimetype or "").startswith("image/"),
                "token": token,
            }
            for attachment, token in zip(attachments, tokens, strict=True)
        ]

    def _warranty_render_claim(self, claim, errors=None, access_token=None):
        values = self._get_page_view_values(
            claim,
            access_token,
            {
                "claim": claim,
                "page_name": "warranty_claim",
                "errors": errors or [],
                "attachments": self._warranty_attachments(claim),
            },
            "my_warranty_history",
            False,
        )
        return request.render("aftersales_warranty.portal_my_warranty_claim", values)

    @http.route(["/my/warranty/<int:claim_id>"], type="http", auth="user", website=True)
    def portal_my_warranty_claim(self, claim_id, access_token=None, **kw):
        denied = self._warranty_denied(view=True)
        if denied:
            return denied
        try:
            claim = self._warranty_claim(claim_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._warranty_render_claim(claim, access_token=access_token)

    # ------------------------------------------------------------------ new claim
    def _warranty_new_rows(self, form=None):
        """Part rows (part number, quantity) and labour rows (operation code, hours) of the new-claim form:
        the rows posted, then empty ones up to NEW_ROWS more."""
        form = form or MultiDict()
        codes, qtys = form.getlist("part_code"), form.getlist("part_qty")
        op_codes, hours = form.getlist("operation_code"), form.getlist("operation_hours")
        parts = [
            {"code": code, "qty": qtys[i] if i < len(qtys) else ""} for i, code in enumerate(codes) if code.strip()
        ]
        operations = [
            {"code": code, "hours": hours[i] if i < len(hours) else ""}
            for i, code in enumerate(op_codes)
            if code.strip()
        ]
        parts += [{"code": "", "qty": "1"} for _i in range(max(NEW_ROWS, len(parts) + 1) - len(parts))]
        operations += [{"code": "", "hours": ""} for _i in range(max(NEW_ROWS, len(operations) + 1) - len(operations))]
        return parts, operations

    @staticmethod
    def _warranty_form_token(posted):
        """The token of the form being filled in (kept when it comes back), new for a new form: the claim
        service creates one claim per token."""
        if isinstance(posted, str) and posted.isalnum() and len(posted) <= 64:
            return posted
        return uuid.uuid4().hex

    def _warranty_render_new(self, post, pending=None, errors=None):
        values = self._prepare_portal_layout_values()
        form = request.httprequest.form if request.httprequest.method == "POST" else None
        part_rows, operation_rows = self._warranty_new_rows(form)
        pending = pending or request.env["ir.attachment"]
        values.update(
            {
                "page_name": "warranty_new",
                "errors": errors or [],
                "values": post,
                "form_token": self._warranty_form_token(post.get("form_token")),
                "today": fields.Date.context_today(request.env.user).isoformat(),
                "part_rows": part_rows,
                "operation_rows": operation_rows,
                "pending": [{"id": a.id, "name": a.name, "token": a.access_token} for a in pending],
            }
        )
        return request.render("aftersales_warranty.portal_my_warranty_new", values)

    @http.route(["/my/warranty/new"], type="http", auth="user", website=True, methods=["GET"])
    def portal_my_warranty_new(self, **kw):
        return self._warranty_denied() or self._warranty_render_new({})

    def _warranty_claim_values(self, form):
        """The plain values of the posted form, as the claim service takes them."""
        codes, qtys = form.getlist("part_code"), form.getlist("part_qty")
        op_codes, hours = form.getlist("operation_code"), form.getlist("operation_hours")
        values = {name: form.get(name) for name in ("vin", "repair_date", "mileage", "complaint", "cause")}
        values.update(
            correction=form.get("correction"),
            form_token=form.get("form_token"),
            parts=[{"code": code, "qty": qtys[i] if i < len(qtys) else ""} for i, code in enumerate(codes)],
            operations=[{"code": code, "hours": hours[i] if i < len(hours) else ""} for i, code in enumerate(op_codes)],
        )
        return values

    def _warranty_read_uploads(self, files):
        """([(name, mimetype, bytes)] of the files of an allowed type and size, [translated errors])."""
        form = PortalInput(request.env)
        max_mb = request.env.company.as_portal_upload_max_mb
        # One more than the claim service accepts, so that it refuses too many files without reading them all.
        files = files[: MAX_PENDING + 1]
        uploads = [upload for f in files if (upload := form.get(read_upload, f, max_mb=max_mb))]
        return uploads, form.errors

    def _warranty_pending(self, form):
        """The photos this user uploaded with a form that came back (ids and tokens posted again)."""
        ids, tokens = form.getlist("pending_id")[:MAX_PENDING], form.getlist("pending_token")
        # sudo: pending uploads belong to no record; each is accepted only with its own access token.
        Attachment = request.env["ir.attachment"].sudo()
        pending = Attachment
        for i, raw_id in enumerate(ids):
            try:
                attachment = Attachment.browse(parse_id(raw_id, "")).exists()
            except InputError:
                continue
            token = tokens[i] if i < len(tokens) else ""
            if (
                attachment
                and attachment.res_model == PENDING_MODEL
                and not attachment.res_id
                and attachment.create_uid == request.env.user
                and consteq(attachment.access_token or "", token or "")
            ):
                pending |= attachment
        return pending

    def _warranty_keep_uploads(self, uploads):
        """Store the valid photos of a form that comes back, so the dealer need not upload them again."""
        if not uploads:
            return request.env["ir.attachment"]
        # sudo: files already checked by type and size, attached to no record, reachable by their token only.
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {"name": name, "mimetype": mimetype, "raw": data, "res_model": PENDING_MODEL, "res_id": 0}
                    for name, mimetype, data in uploads
                ]
            )
        )
        attachments.generate_access_token()
        return attachments

    @http.route(["/my/warranty/new"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_create(self, **post):
        denied = self._warranty_denied()
        if denied:
            return denied
        form = request.httprequest.form
        uploads, errors = self._warranty_read_uploads(request.httprequest.files.getlist("attachments"))
        pending = self._warranty_pending(form)
        if post.get("add_rows"):
            # "More lines": the form comes back with what was entered, its photos and more empty rows.
            return self._warranty_render_new(post, pending | self._warranty_keep_uploads(uploads), errors)
        Claim = request.env["aftersales.warranty.claim"]
        values = self._warranty_claim_values(form)
        files = uploads + [(a.name, a.mimetype, a.raw) for a in pending]
        try:
            if errors:
                # A refused file: nothing is created, and the form's other problems are shown with it.
                try:
                    Claim._as_portal_claim_vals(Claim._as_portal_dealer(request.env.user.partner_id), values, files)
                except ValidationError as error:
                    errors += error.args[0].split("\n")
                raise ValidationError("\n".join(errors))
            claim = Claim._as_portal_create_claim(request.env.user.partner_id, values, files)
        except (ValidationError, UserError) as error:
            pending |= self._warranty_keep_uploads(uploads)
            return self._warranty_render_new(post, pending, error.args[0].split("\n"))
        pending.unlink()
        return request.redirect(claim.access_url)

    # ------------------------------------------------------------------ steps on a claim
    def _warranty_step(self, claim_id, step):
        """Run ``step(claim)`` on a claim of the dealer; its refusal is shown on the claim page."""
        denied = self._warranty_denied()
        if denied:
            return denied
        try:
            claim = self._warranty_claim(claim_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            response = step(claim)
        except (UserError, ValidationError) as error:
            return self._warranty_render_claim(claim, error.args[0].split("\n"))
        return response if isinstance(response, Response) else request.redirect(claim.access_url)

    def _warranty_text(self, value, label):
        form = PortalInput(request.env)
        text = form.get(parse_text, value, label, max_length=MAX_ANSWER, required=True)
        form.raise_if_errors()
        return text

    @http.route(["/my/warranty/<int:claim_id>/attach"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_attach(self, claim_id, **post):
        def attach(claim):
            uploads, errors = self._warranty_read_uploads(request.httprequest.files.getlist("attachments"))
            if errors:
                raise ValidationError("\n".join(errors))
            claim.with_user(request.env.user)._as_portal_add_attachments(request.env.user.partner_id, uploads)

        return self._warranty_step(claim_id, attach)

    @http.route(["/my/warranty/<int:claim_id>/submit"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_submit(self, claim_id, **post):
        return self._warranty_step(claim_id, lambda claim: claim.with_user(request.env.user).sudo().action_submit())

    @http.route(["/my/warranty/<int:claim_id>/delete"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_delete(self, claim_id, **post):
        def delete(claim):
            if claim.state != "draft":
                raise UserError(_("Claim %(claim)s was submitted: it cannot be deleted.", claim=claim.name))
            # sudo (the record of _document_check_access): portal users have no unlink right; the claim
            # is the dealer's own draft.
            claim.unlink()
            return request.redirect("/my/warranty")

        return self._warranty_step(claim_id, delete)

    @http.route(["/my/warranty/<int:claim_id>/answer"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_answer(self, claim_id, answer=None, **post):
        def answer_info(claim):
            text = self._warranty_text(answer, _("Answer"))
            if claim.state != "info_requested" and claim.info_answer == text:
                return None  # the same answer sent twice (double click): answered once
            return claim.with_user(request.env.user).sudo().action_answer_info(text)

        return self._warranty_step(claim_id, answer_info)

    @http.route(["/my/warranty/<int:claim_id>/appeal"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_appeal(self, claim_id, reason=None, **post):
        def appeal(claim):
            text = self._warranty_text(reason, _("Reason"))
            if claim.appeal_count and claim.appeal_reason == text:
                return None  # the same appeal sent twice: appealed once
            return claim.with_user(request.env.user).sudo().action_appeal(text)

        return self._warranty_step(claim_id, appeal)
