import uuid

from odoo import http
from odoo.addons.aftersales_base.tools.portal_input import read_upload, submission_key
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.tools import consteq


class QualityPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "quality_count" in counters:
            Info = request.env["aftersales.quality.info"]
            values["quality_count"] = Info.search_count([]) if Info.has_access("read") else 0
        return values

    @http.route(["/my/quality", "/my/quality/page/<int:page>"], type="http", auth="user", website=True, readonly=True)
    def portal_my_quality(self, page=1, **kw):
        Info = request.env["aftersales.quality.info"]
        count = Info.search_count([])
        pager = portal_pager(url="/my/quality", total=count, page=page, step=self._items_per_page)
        infos = Info.search([], order="date_reported desc, id desc", limit=self._items_per_page, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "infos": infos,
                "pager": pager,
                "page_name": "quality",
                "default_url": "/my/quality",
                "is_network_dealer": self._quality_is_network_dealer(),
            }
        )
        return request.render("aftersales_followup.portal_my_quality", values)

    @http.route(["/my/quality/<int:info_id>"], type="http", auth="public", website=True)
    def portal_quality_page(self, info_id, access_token=None, **kw):
        try:
            info_sudo = self._document_check_access("aftersales.quality.info", info_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            info_sudo, access_token, {"info": info_sudo, "page_name": "quality"}, "my_quality_history", False
        )
        # sudo: the record was checked readable by this user just above; its attachments are listed by name.
        values["attachments"] = (
            request.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "aftersales.quality.info"), ("res_id", "=", info_sudo.id)])
        )
        return request.render("aftersales_followup.portal_quality_page", values)

    @http.route(["/my/quality/new"], type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_quality_new(self, **post):
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "quality", "error": {}, "errors": [], "post": post, "pending": []})
        if not self._quality_is_network_dealer():
            values.update(post={}, errors=[request.env._("Only network dealers report quality information.")])
            return request.render("aftersales_followup.portal_quality_new", values)
        if request.httprequest.method != "POST":
            post["form_token"] = uuid.uuid4().hex
            return request.render("aftersales_followup.portal_quality_new", values)
        form, vals, uploads = self._quality_parse(post)
        # Photos that passed the checks are kept even when the form comes back with an error.
        pending = self._quality_pending_attachments() | self._quality_store_uploads(uploads)
        if form.errors:
            values.update(errors=form.errors, pending=pending)
            values["error"] = dict.fromkeys(self._quality_missing(post), True)
            return request.render("aftersales_followup.portal_quality_new", values)
        info = self._create_quality_info(vals, pending, post.get("form_token"))
        return request.redirect(f"/my/quality/{info.id}")

    # ------------------------------------------------------------- helpers
    def _quality_is_network_dealer(self):
        user = request.env.user
        return user._is_portal() and user.partner_id.commercial_partner_id.is_network_dealer

    def _quality_missing(self, post):
        return [name for name in ("title", "description") if not (post.get(name) or "").strip()]

    def _quality_parse(self, post):
        """The values of the form, each parsed as untrusted input (the model's one parser, also used by the
        OEM link's API); ``form.errors`` lists every problem."""
        env = request.env
        form, vals = env["aftersales.quality.info"]._as_portal_quality_parse(post)
        # sudo: the upload limit is a company setting portal users cannot read; only that number is read.
        max_mb = env.company.sudo().as_portal_upload_max_mb
        uploads = [
            form.get(read_upload, upload, max_mb=max_mb) for upload in request.httprequest.files.getlist("attachments")
        ]
        return form, vals, [upload for upload in uploads if upload]

    def _quality_store_uploads(self, uploads):
        """Checked uploads kept as pending attachments (no record yet), so a form returned with an error
        does not lose them; each carries an access token the form sends back."""
        # sudo: portal users cannot create attachments; the files were checked by type and size, and are
        # attached to nothing until this user's own quality information is created with their tokens.
        Attachment = request.env["ir.attachment"].sudo()
        if not uploads:
            return Attachment
        return Attachment.create(
            [
                {
                    "name": name,
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": "aftersales.quality.info",
                    "res_id": 0,
                    "access_token": Attachment._generate_access_token(),
                }
                for name, mimetype, data in uploads
            ]
        )

    def _quality_pending_attachments(self):
        """Attachments uploaded by an earlier submit of this form, recognised by their access tokens."""
        ids = request.httprequest.form.getlist("pending_ids")
        tokens = request.httprequest.form.getlist("pending_tokens")
        # sudo: pending attachments are not linked to any record; only those whose token the form carries count.
        Attachment = request.env["ir.attachment"].sudo()
        found = Attachment.browse()
        for attachment_id, token in zip(ids, tokens, strict=False):
            if not attachment_id.isdigit():
                continue
            attachment = Attachment.browse(int(attachment_id)).exists()
            if (
                attachment
                and attachment.res_model == "aftersales.quality.info"
                and not attachment.res_id
                and attachment.access_token
                and consteq(attachment.access_token, token or "")
            ):
                found |= attachment
        return found

    def _create_quality_info(self, vals, attachments, form_token):
        """One submit, one report: the same form (its token and content) sent twice gives the same record."""
        partner = request.env.user.partner_id.commercial_partner_id
        key = submission_key(partner.id, form_token or "", *sorted(vals.items()))
        return request.env["aftersales.quality.info"]._as_portal_create_quality_info(vals, key, attachments)
