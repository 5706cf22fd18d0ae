import base64

from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class PartsPortal(CustomerPortal):
    def _as_is_parts_dealer(self):
        """Network dealers order parts and report unpacking damage; a candidate still applying does not.
        Without the dealer network addon, every portal customer of the OEM is a dealer."""
        partner = request.env.user.partner_id.commercial_partner_id
        if "is_network_dealer" not in partner._fields:
            return True
        return bool(partner.is_network_dealer)

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["as_parts_dealer"] = self._as_is_parts_dealer()
        return values

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "parts_feedback_count" in counters:
            Feedback = request.env["aftersales.parts.quality.feedback"]
            visible = Feedback.has_access("read") and self._as_is_parts_dealer()
            values["parts_feedback_count"] = Feedback.search_count([]) if visible else 0
        return values

    @http.route(["/my/parts/feedback"], type="http", auth="user", website=True)
    def portal_parts_feedback(self, **kw):
        feedbacks = request.env["aftersales.parts.quality.feedback"].search([])
        values = self._prepare_portal_layout_values()
        values.update({"feedbacks": feedbacks, "page_name": "parts_feedback"})
        return request.render("aftersales_parts.portal_parts_feedback_list", values)

    @http.route(["/my/parts/feedback/<int:feedback_id>"], type="http", auth="user", website=True)
    def portal_parts_feedback_page(self, feedback_id, access_token=None, **kw):
        try:
            feedback = self._document_check_access("aftersales.parts.quality.feedback", feedback_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({"feedback": feedback, "page_name": "parts_feedback"})
        return request.render("aftersales_parts.portal_parts_feedback_page", values)

    @http.route(["/my/parts/order"], type="http", auth="user", methods=["GET", "POST"], website=True)
    def portal_parts_order(self, **post):
        """A dealer orders parts from the OEM: the order becomes a quotation for the dealer's company."""
        if not self._as_is_parts_dealer():
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        if request.httprequest.method == "POST":
            partner = request.env.user.partner_id.commercial_partner_id
            lines = self._parse_part_lines(post)
            if lines:
                # sudo: portal users cannot create sale orders; the order is for their own company only and
                # carries the parts and quantities they typed, priced by the OEM's pricelist.
                order = (
                    request.env["sale.order"]
                    .sudo()
                    .create(
                        {
                            "partner_id": partner.id,
                            "origin": request.env._("Dealer portal"),
                            "order_line": [(0, 0, {"product_id": p.id, "product_uom_qty": q}) for p, q in lines],
                        }
                    )
                )
                return request.redirect(order.get_portal_url())
            values["error"] = request.env._("Enter at least one known part number and a quantity.")
        values["page_name"] = "parts_order"
        return request.render("aftersales_parts.portal_parts_order", values)

    @http.route(["/my/parts/feedback/new"], type="http", auth="user", methods=["GET", "POST"], website=True)
    def portal_parts_feedback_new(self, **post):
        """A dealer reports unpacking damage or shortage with the list of parts and photos."""
        if not self._as_is_parts_dealer():
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        if request.httprequest.method == "POST" and post.get("description"):
            partner = request.env.user.partner_id.commercial_partner_id
            Feedback = request.env["aftersales.parts.quality.feedback"]
            order = request.env["sale.order"].search([("name", "=", post.get("order", "").strip())], limit=1)
            vals = Feedback._prepare_portal_vals(
                partner, post.get("kind") or "damage", post["description"], order, self._parse_part_lines(post)
            )
            # sudo: portal users may read their feedback but not create it directly; the values are limited
            # to their own company, their own order and the parts they list.
            feedback = Feedback.sudo().create(vals)
            photos = request.httprequest.files.getlist("photos")
            attachments = [
                {
                    "name": photo.filename,
                    "datas": base64.b64encode(photo.read()),
                    "res_model": feedback._name,
                    "res_id": feedback.id,
                }
                for photo in photos
                if photo.filename
            ]
            if attachments:
                # sudo: attachments of the feedback just created for this dealer
                request.env["ir.attachment"].sudo().create(attachments)
            return request.redirect(f"/my/parts/feedback/{feedback.id}")
        values["page_name"] = "parts_feedback"
        return request.render("aftersales_parts.portal_parts_feedback_new", values)

    def _parse_part_lines(self, post):
        Product = request.env["product.product"].sudo()  # sudo: look up catalogue parts by their number only
        lines = []
        for index in range(1, 6):
            number, qty = post.get(f"part_{index}", "").strip(), post.get(f"qty_{index}", "")
            if not number:
                continue
            found = Product.name_search(number, [("sale_ok", "=", True)], limit=1)
            try:
                quantity = float(qty or 1)
            except ValueError:
                quantity = 0.0
            if found and quantity > 0:
                lines.append((Product.browse(found[0][0]), quantity))
        return lines
