import base64
import binascii

from odoo import Command, http
from odoo.addons.aftersales_base.tools.portal_input import (
    PortalInput,
    parse_id,
    parse_number,
    parse_text,
    read_upload,
)
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import SQL

from ..models.aftersales_network_application import CLOSED_STATES

# Fields a candidate fills in on the portal (whitelist: nothing else is written from the request).
TEXT_FIELDS = {
    "business_licence_no": 40,
    "legal_representative": 100,
    "street": 200,
    "city": 100,
    "zip": 20,
    "phone": 40,
    "email": 120,
    "brands_carried": 200,
}
# Numbers with their bounds: finite, not negative, within what a service centre can be.
NUMBER_FIELDS = {
    "site_area": {"maximum": 1_000_000},
    "workshop_area": {"maximum": 1_000_000},
    "investment": {"maximum": 100_000_000_000},
    "staff_count": {"maximum": 100_000, "integer": True},
    "technician_count": {"maximum": 100_000, "integer": True},
}


def format_number(value):
    """A number as the candidate reads it: 2,250,000 (not 2250000.0); empty when not filled in."""
    if not value:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


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

    def _network_provinces(self):
        # sudo: provinces are public reference data; only China's are offered, in the order of their codes
        # (the pinyin initials of the ISO 3166-2 codes: 安徽, 北京, 重庆, 福建, ...).
        provinces = request.env["res.country.state"].sudo().search([("country_id.code", "=", "CN")])
        xmlids = provinces.get_external_id()
        return provinces.sorted(lambda state: xmlids.get(state.id) or state.code)

    def _network_cities(self, state_id):
        """The cities of a province (China's list of l10n_cn_city when installed), in the order of their names."""
        if not state_id:
            return request.env["res.city"]
        # sudo: cities are public reference data, like the provinces
        return request.env["res.city"].sudo().search([("state_id", "=", state_id)])

    def _network_cities_enforced(self):
        # sudo: the country's setting is public reference data
        country = request.env.ref("base.cn", raise_if_not_found=False)
        return bool(country and country.sudo().enforce_cities)

    @http.route("/my/network/cities", type="json", auth="user", website=True, readonly=True)
    def portal_network_cities(self, state_id=None):
        """The cities of a Chinese province for the application form (id, name)."""
        form = PortalInput(request.env)
        state_id = form.get(
            parse_id, state_id, self._network_label("state_id"), allowed_ids=self._network_provinces().ids
        )
        if form.errors:
            return []
        return [[city.id, city.name] for city in self._network_cities(state_id)]

    def _network_open_application(self, partner):
        """The candidate's application in progress, whoever started it (officer from CRM or candidate)."""
        # sudo: the search looks for the candidate's own applications (partner checked by the caller) whatever
        # record rule applies, to send the candidate to it rather than open a second one.
        return (
            request.env["aftersales.network.application"]
            .sudo()
            .search([("partner_id", "=", partner.id), ("state", "not in", CLOSED_STATES)], limit=1)
        )

    def _network_can_apply(self):
        user = request.env.user
        partner = user.commercial_partner_id
        return user.share and not partner.is_network_dealer and not self._network_open_application(partner)

    def _network_label(self, name):
        return request.env["aftersales.network.application"]._fields[name]._description_string(request.env)

    def _network_values_from_post(self, form, post, provinces):
        """Parse the whitelisted fields of the form; problems are collected in ``form``."""
        values = {}
        for name, length in TEXT_FIELDS.items():
            if name in post:
                values[name] = form.get(parse_text, post[name], self._network_label(name), max_length=length) or False
        for name, bounds in NUMBER_FIELDS.items():
            if name in post:
                values[name] = form.get(parse_number, post[name], self._network_label(name), default=0, **bounds)
        if "state_id" in post:
            values["state_id"] = form.get(
                parse_id, post["state_id"], self._network_label("state_id"), allowed_ids=provinces.ids
            )
        if "city_id" in post:
            # a city of the chosen province only (none without a province)
            cities = self._network_cities(values.get("state_id"))
            values["city_id"] = form.get(
                parse_id, post["city_id"], self._network_label("city_id"), allowed_ids=cities.ids
            )
            if not values["city_id"]:
                values["city"] = False
        return values

    def _network_read_documents(self, form, application_sudo, files):
        """The uploaded files per document line, checked by type and size (company setting)."""
        max_mb = application_sudo.company_id.as_portal_upload_max_mb
        uploads = []
        for document in application_sudo.document_ids:
            for upload in files.getlist(f"document_{document.id}"):
                content = form.get(read_upload, upload, max_mb=max_mb)
                if content:
                    uploads.append((document, content))
        return uploads

    def _network_save_documents(self, uploads):
        # sudo: portal users create no attachments; the files were checked and belong to the candidate's
        # application (access checked by the route).
        Attachment = request.env["ir.attachment"].sudo()
        for document, (filename, mimetype, data) in uploads:
            attachment = Attachment.create(
                {
                    "name": filename,
                    "mimetype": mimetype,
                    "datas": base64.b64encode(data),
                    "res_model": document.application_id._name,
                    "res_id": document.application_id.id,
                }
            )
            document.attachment_ids = [Command.link(attachment.id)]

    def _network_form_values(self, application_sudo, post=None):
        """What the form shows: the application's values, or what the candidate typed when it comes back."""
        values = {name: application_sudo[name] or "" for name in TEXT_FIELDS}
        values.update({name: format_number(application_sudo[name]) for name in NUMBER_FIELDS})
        values["state_id"] = str(application_sudo.state_id.id or "")
        values["city_id"] = str(application_sudo.city_id.id or "")
        for name in (*TEXT_FIELDS, *NUMBER_FIELDS, "state_id", "city_id"):
            if post and name in post:
                values[name] = post[name]
        return values

    def _network_page(self, application_sudo, error=None, message=None, post=None):
        provinces = self._network_provinces()
        form = self._network_form_values(application_sudo, post)
        # the cities of the province shown on the form (what was typed when it comes back with an error)
        state_id = int(form["state_id"]) if str(form["state_id"]).isdigit() else 0
        values = {
            "page_name": "network_application",
            "application": application_sudo,
            "provinces": provinces,
            "cities": self._network_cities(state_id if state_id in provinces.ids else False),
            "cities_enforced": self._network_cities_enforced(),
            "form": form,
            "error": error,
            "message": message,
        }
        return request.render("aftersales_network.portal_network_application", values)

    @http.route(["/my/network", "/my/network/page/<int:page>"], type="http", auth="user", website=True, readonly=True)
    def portal_my_network(self, page=1, message=None, **kw):
        Application = request.env["aftersales.network.application"]
        domain = self._network_domain()
        count = Application.search_count(domain)
        pager = portal_pager(url="/my/network", total=count, page=page, step=self._items_per_page)
        applications = Application.search(domain, limit=self._items_per_page, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "applications": applications,
                "page_name": "network_application",
                "pager": pager,
                "can_apply": self._network_can_apply(),
                "message": message,
            }
        )
        return request.render("aftersales_network.portal_my_network", values)

    @http.route("/my/network/new", type="http", auth="user", methods=["POST"], website=True)
    def portal_network_new(self, **post):
        user = request.env.user
        partner = user.commercial_partner_id
        if not user.share:
            return request.redirect("/my/network?message=internal")
        # Two submits at once: the second waits for nothing, fails to lock and is retried by the server,
        # then finds the application the first one opened.
        request.env.cr.execute(SQL("SELECT id FROM res_partner WHERE id = %s FOR NO KEY UPDATE NOWAIT", partner.id))
        existing = self._network_open_application(partner)
        if existing:
            return request.redirect(existing.get_portal_url(query_string="&message=open"))
        if partner.is_network_dealer:
            return request.redirect("/my/network?message=dealer")
        # Created as superuser because portal users have no create right: the candidate can only open an
        # application for its own commercial partner, in the company it belongs to.
        state = partner.state_id.filtered(lambda state: state.country_id.code == "CN")
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
                    "state_id": state.id,
                    "city_id": partner.city_id.filtered(lambda city: city.state_id == state).id,
                    "phone": partner.phone,
                    "email": partner.email or user.email,
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
            if post.get("submit") and application_sudo.state == "submitted":
                # the same submission sent twice (double click): it is already submitted
                return request.redirect(application_sudo.get_portal_url(query_string="&message=submitted"))
            return self._network_page(application_sudo, error=request.env._("Only a draft application can be changed."))
        form = PortalInput(request.env)
        values = self._network_values_from_post(form, post, self._network_provinces())
        uploads = self._network_read_documents(form, application_sudo, request.httprequest.files)
        try:
            form.raise_if_errors()
            with request.env.cr.savepoint():
                # Access checked above (rule on the candidate's commercial partner); only parsed whitelisted
                # fields are written.
                application_sudo.write(values)
                self._network_save_documents(uploads)
        except (UserError, ValidationError) as error:
            return self._network_page(application_sudo, error=error.args[0], post=post)
        if post.get("submit"):
            try:
                application_sudo.action_submit()
            except UserError as error:
                return self._network_page(application_sudo, error=error.args[0])
            return request.redirect(application_sudo.get_portal_url(query_string="&message=submitted"))
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
        form = PortalInput(request.env)
        name = form.get(parse_text, name, request.env._("Name"), max_length=100, required=True)
        if form.errors:
            return {"error": "\n".join(form.errors)}
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
