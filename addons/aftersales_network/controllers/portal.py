import base64
import binascii

from odoo import Command, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

# Fields a candidate fills in on the portal (whitelist: nothing else is written from the request).
PORTAL_FIELDS = {
    "business_licence_no": str,
    "legal_representative": str,
    "street": str,
    "city": str,
    "zip": str,
    "phone": str,
    "email": str,
    "brands_carried": str,
    "site_area": float,
    "workshop_area": float,
    "investment": float,
    "staff_count": int,
    "technician_count": int,
}


class NetworkPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "network_count" in counters:
            Application = request.env["aftersales.network.application"]
            values["network_count"] = (
                Application.search_count(self._network_domain()) if Application.has_access("read") else 0
            )
        return values

    def _network_domain(self):
        return [("partner_id", "child_of", [request.env.user.commercial_partner_id.id])]

    def _network_values_from_post(self, post):
        values = {}
        for field, cast in PORTAL_FIELDS.items():
            if field not in post:
                continue
            raw = (post.get(field) or "").strip()
            try:
                values[field] = cast(raw) if raw else (False if cast is str else 0)
            except ValueError as error:
                raise UserError(request.env._("%(field)s: please enter a number.", field=field)) from error
        if post.get("state_id"):
            values["state_id"] = int(post["state_id"])
        return values

    def _network_save_documents(self, application_sudo, files):
        Attachment = request.env["ir.attachment"].sudo()
        for document in application_sudo.document_ids:
            upload = files.get(f"document_{document.id}")
            if not upload or not upload.filename:
                continue
            attachment = Attachment.create(
                {
                    "name": upload.filename,
                    "datas": base64.b64encode(upload.read()),
                    "res_model": application_sudo._name,
                    "res_id": application_sudo.id,
                }
            )
            document.attachment_ids = [Command.link(attachment.id)]

    def _network_page(self, application_sudo, **kwargs):
        values = {
            "page_name": "network_application",
            "application": application_sudo,
            "provinces": request.env["res.country.state"].sudo().search([("country_id.code", "=", "CN")]),
            "error": kwargs.get("error"),
            "message": kwargs.get("message"),
        }
        return request.render("aftersales_network.portal_network_application", values)

    @http.route(["/my/network", "/my/network/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_network(self, page=1, **kw):
        Application = request.env["aftersales.network.application"]
        domain = self._network_domain()
        count = Application.search_count(domain)
        pager = portal_pager(url="/my/network", total=count, page=page, step=self._items_per_page)
        applications = Application.search(domain, limit=self._items_per_page, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update({"applications": applications, "page_name": "network_application", "pager": pager})
        return request.render("aftersales_network.portal_my_network", values)

    @http.route("/my/network/new", type="http", auth="user", methods=["POST"], website=True)
    def portal_network_new(self, **post):
        partner = request.env.user.commercial_partner_id
        if request.env.user._is_public():
            return request.redirect("/web/login")
        # Created as superuser because portal users have no create right: the candidate can only open an
        # application for its own commercial partner, in the company it belongs to.
        application_sudo = (
            request.env["aftersales.network.application"]
            .sudo()
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": (partner.company_id or request.env.company).id,
                    "user_id": False,
                    "legal_representative": partner.name if not partner.is_company else False,
                    "street": partner.street,
                    "city": partner.city,
                    "state_id": partner.state_id.id,
                    "phone": partner.phone,
                    "email": partner.email or request.env.user.email,
                }
            )
        )
        return request.redirect(application_sudo.get_portal_url())

    @http.route("/my/network/<int:application_id>", type="http", auth="public", website=True)
    def portal_network_application(self, application_id, access_token=None, **kw):
        try:
            application_sudo = self._document_check_access(
                "aftersales.network.application", application_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._network_page(application_sudo, message=kw.get("message"))

    @http.route("/my/network/<int:application_id>/save", type="http", auth="user", methods=["POST"], website=True)
    def portal_network_save(self, application_id, **post):
        try:
            application_sudo = self._document_check_access("aftersales.network.application", application_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if application_sudo.state != "draft":
            return self._network_page(application_sudo, error=request.env._("Only a draft application can be changed."))
        try:
            # Access checked above (rule on the candidate's commercial partner); only whitelisted fields are written.
            application_sudo.write(self._network_values_from_post(post))
            self._network_save_documents(application_sudo, request.httprequest.files)
            if post.get("submit"):
                application_sudo.action_submit()
                return request.redirect(application_sudo.get_portal_url(query_string="&message=submitted"))
        except (UserError, ValidationError) as error:
            return self._network_page(application_sudo, error=error.args[0])
        return request.redirect(application_sudo.get_portal_url(query_string="&message=saved"))

    @http.route("/my/network/<int:application_id>/sign", type="json", auth="public", website=True)
    def portal_network_sign(self, application_id, access_token=None, name=None, signature=None):
        try:
            application_sudo = self._document_check_access(
                "aftersales.network.application", application_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return {"error": request.env._("Invalid application.")}
        if application_sudo.state != "intent" or not application_sudo.intent_id:
            return {"error": request.env._("This application has no letter of intent waiting for a signature.")}
        if not signature:
            return {"error": request.env._("Signature is missing.")}
        try:
            application_sudo.action_sign_intent(name, signature)
        except (TypeError, binascii.Error):
            return {"error": request.env._("Invalid signature data.")}
        except (UserError, ValidationError) as error:
            return {"error": error.args[0]}
        return {
            "force_refresh": True,
            "redirect_url": application_sudo.get_portal_url(query_string="&message=signed"),
        }

    @http.route("/my/network/<int:application_id>/intent", type="http", auth="public", website=True)
    def portal_network_intent(self, application_id, access_token=None, download=False, **kw):
        try:
            application_sudo = self._document_check_access(
                "aftersales.network.application", application_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if not application_sudo.intent_id:
            return request.redirect(application_sudo.get_portal_url())
        return self._show_report(
            model=application_sudo.intent_id,
            report_type="pdf",
            report_ref="aftersales_network.action_report_network_intent",
            download=download,
        )
