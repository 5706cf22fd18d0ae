import base64

from werkzeug.datastructures import MultiDict

from odoo import Command, _, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

PAGE_SIZE = 20
NEW_ROWS = 3  # empty part and labour rows on the new-claim form


class WarrantyPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "warranty_claim_count" in counters:
            Claim = request.env["aftersales.warranty.claim"]
            values["warranty_claim_count"] = Claim.search_count([]) if Claim.has_access("read") else 0
        return values

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

    @http.route(["/my/warranty", "/my/warranty/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_warranty_claims(self, page=1, filterby="all", search=None, **kw):
        Claim = request.env["aftersales.warranty.claim"]
        filters = self._warranty_filters()
        filterby = filterby if filterby in filters else "all"
        domain = list(filters[filterby]["domain"])
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

    @http.route(["/my/warranty/<int:claim_id>"], type="http", auth="public", website=True)
    def portal_my_warranty_claim(self, claim_id, access_token=None, error=None, **kw):
        try:
            claim = self._warranty_claim(claim_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            claim,
            access_token,
            {"claim": claim, "page_name": "warranty_claim", "error": error},
            "my_warranty_history",
            False,
        )
        return request.render("aftersales_warranty.portal_my_warranty_claim", values)

    def _warranty_new_rows(self, form=None):
        """Part rows (part number, quantity) and labour rows (operation code) of the new-claim form: the rows
        posted, then empty ones up to NEW_ROWS more."""
        form = form or MultiDict()
        codes, qtys = form.getlist("part_code"), form.getlist("part_qty")
        parts = [
            {"code": code, "qty": qtys[i] if i < len(qtys) else ""} for i, code in enumerate(codes) if code.strip()
        ]
        operations = [{"code": code} for code in form.getlist("operation_code") if code.strip()]
        parts += [{"code": "", "qty": "1"} for _i in range(max(NEW_ROWS, len(parts) + 1) - len(parts))]
        operations += [{"code": ""} for _i in range(max(NEW_ROWS, len(operations) + 1) - len(operations))]
        return parts, operations

    @http.route(["/my/warranty/new"], type="http", auth="user", website=True, methods=["GET"])
    def portal_my_warranty_new(self, error=None, **kw):
        values = self._prepare_portal_layout_values()
        form = request.httprequest.form if request.httprequest.method == "POST" else None
        part_rows, operation_rows = self._warranty_new_rows(form)
        values.update(
            {
                "page_name": "warranty_new",
                "error": error,
                "values": kw,
                "part_rows": part_rows,
                "operation_rows": operation_rows,
            }
        )
        return request.render("aftersales_warranty.portal_my_warranty_new", values)

    @staticmethod
    def _warranty_number(value, default=0.0):
        """A posted number, or None when it is not one."""
        try:
            return float(value) if value not in (None, "") else default
        except ValueError:
            return None

    def _warranty_new_lines(self, env, form):
        """The claim lines of the posted part and labour rows, and the causal part (the first part row).

        Raises UserError with a message for the dealer on an unknown code or a wrong quantity. Parts and
        operations are looked up by exact code among the company's and the shared ones.
        """
        company_domain = [("company_id", "in", [False, env.company.id])]
        codes, qtys = form.getlist("part_code"), form.getlist("part_qty")
        lines, causal = [], env["product.product"]
        for i, raw_code in enumerate(codes):
            code = raw_code.strip()
            if not code:
                continue
            part = env["product.product"].search([("default_code", "=", code), *company_domain], limit=1)
            if not part:
                raise UserError(_("Unknown part number %(code)s.", code=code))
            qty = self._warranty_number(qtys[i] if i < len(qtys) else "", 1.0)
            if qty is None or qty <= 0:
                raise UserError(_("The quantity of part %(code)s must be a positive number.", code=code))
            causal = causal or part
            lines.append(Command.create({"line_type": "part", "product_id": part.id, "quantity": qty}))
        if not causal:
            raise UserError(_("Enter the causal part number."))
        for raw_code in form.getlist("operation_code"):
            code = raw_code.strip()
            if not code:
                continue
            operation = env["aftersales.operation"].search([("code", "=", code), *company_domain], limit=1)
            if not operation:
                raise UserError(_("Unknown operation code %(code)s.", code=code))
            # The flat-rate hours come from the operation catalogue for the vehicle model.
            lines.append(Command.create({"line_type": "labour", "operation_id": operation.id}))
        return lines, causal

    @http.route(["/my/warranty/new"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_create(self, **post):
        if post.get("add_rows"):
            # "More lines": the form comes back with what was entered and more empty rows.
            return self.portal_my_warranty_new(**post)
        user = request.env.user
        dealer = user.commercial_partner_id
        form = request.httprequest.form
        # sudo: portal users have no read access on vehicles, parts or operations; the lookups are exact
        # (VIN, part number, operation code) and the claim is always created for the user's own dealer.
        env = request.env(su=True)
        vin = (post.get("vin") or "").strip().upper()
        vehicle = env["fleet.vehicle"].search([("vin_sn", "=", vin)], limit=1)
        mileage = self._warranty_number(post.get("mileage"))
        try:
            if not vehicle:
                raise UserError(_("Unknown VIN."))
            if mileage is None or mileage < 0:
                raise UserError(_("The mileage must be a positive number of kilometres."))
            lines, causal = self._warranty_new_lines(env, form)
        except UserError as e:
            return self.portal_my_warranty_new(error=e.args[0], **post)
        vals = {
            "company_id": env.company.id,
            "dealer_id": dealer.id,
            "vehicle_id": vehicle.id,
            "mileage": mileage,
            "complaint": post.get("complaint"),
            "cause": post.get("cause"),
            "correction": post.get("correction"),
            "causal_product_id": causal.id,
            "line_ids": lines,
        }
        if post.get("repair_date"):
            vals["repair_date"] = post["repair_date"]
        claim = env["aftersales.warranty.claim"].with_user(user).sudo().create(vals)
        self._warranty_attach(claim, request.httprequest.files.getlist("attachments"))
        return request.redirect(f"/my/warranty/{claim.id}")

    def _warranty_attach(self, claim, files):
        claim.ensure_one()
        vals_list = [
            {
                "name": f.filename,
                "datas": base64.b64encode(f.read()),
                "res_model": claim._name,
                "res_id": claim.id,
            }
            for f in files
            if f and f.filename
        ]
        if vals_list:
            # sudo: the claim was checked as readable by this portal user just before.
            request.env["ir.attachment"].sudo().create(vals_list)

    def _warranty_post(self, claim_id, method, *args):
        try:
            claim = self._warranty_claim(claim_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            getattr(claim.with_user(request.env.user).sudo(), method)(*args)
        except UserError as e:
            return request.redirect(f"/my/warranty/{claim_id}?error={e.args[0]}")
        return request.redirect(f"/my/warranty/{claim_id}")

    @http.route(["/my/warranty/<int:claim_id>/attach"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_attach(self, claim_id, **post):
        try:
            claim = self._warranty_claim(claim_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if claim.state != "draft":
            return request.redirect(f"/my/warranty/{claim_id}")
        self._warranty_attach(claim, request.httprequest.files.getlist("attachments"))
        return request.redirect(f"/my/warranty/{claim_id}")

    @http.route(["/my/warranty/<int:claim_id>/submit"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_submit(self, claim_id, **post):
        return self._warranty_post(claim_id, "action_submit")

    @http.route(["/my/warranty/<int:claim_id>/answer"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_answer(self, claim_id, answer=None, **post):
        return self._warranty_post(claim_id, "action_answer_info", answer)

    @http.route(["/my/warranty/<int:claim_id>/appeal"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_warranty_appeal(self, claim_id, reason=None, **post):
        return self._warranty_post(claim_id, "action_appeal", reason)
