from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

PORTAL_FIELDS = ("title", "description", "info_type", "vin", "mileage", "occurred_date", "claim_ref")


class QualityPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "quality_count" in counters:
            Info = request.env["aftersales.quality.info"]
            values["quality_count"] = Info.search_count([]) if Info.has_access("read") else 0
        return values

    @http.route(["/my/quality", "/my/quality/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_quality(self, page=1, **kw):
        Info = request.env["aftersales.quality.info"]
        count = Info.search_count([])
        pager = portal_pager(url="/my/quality", total=count, page=page, step=self._items_per_page)
        infos = Info.search([], order="date_reported desc, id desc", limit=self._items_per_page, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update({"infos": infos, "pager": pager, "page_name": "quality", "default_url": "/my/quality"})
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
        return request.render("aftersales_followup.portal_quality_page", values)

    @http.route(["/my/quality/new"], type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_quality_new(self, **post):
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "quality", "error": {}, "post": post})
        if request.httprequest.method == "POST":
            missing = [f for f in ("title", "description") if not (post.get(f) or "").strip()]
            if missing:
                values["error"] = dict.fromkeys(missing, True)
                return request.render("aftersales_followup.portal_quality_new", values)
            info = self._create_quality_info(post)
            return request.redirect(f"/my/quality/{info.id}")
        return request.render("aftersales_followup.portal_quality_new", values)

    def _create_quality_info(self, post):
        vals = {f: post[f].strip() for f in PORTAL_FIELDS if post.get(f) and post[f].strip()}
        if vals.get("info_type") not in ("general", "important", "major"):
            vals["info_type"] = "general"
        if "mileage" in vals:
            try:
                vals["mileage"] = float(vals["mileage"])
            except ValueError:
                vals.pop("mileage")
        partner = request.env.user.partner_id.commercial_partner_id
        vals.update(partner_id=partner.id, source="dealer")
        # sudo: portal dealers may not write OEM documents directly; the values are limited to PORTAL_FIELDS and
        # the dealer is forced to the user's own commercial partner, so a dealer can only report for itself.
        info = request.env["aftersales.quality.info"].sudo().create(vals)
        info.action_submit()
        info.message_subscribe(partner_ids=request.env.user.partner_id.ids)
        return info
