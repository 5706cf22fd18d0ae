from datetime import datetime

import pytz

from odoo import fields, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import ValidationError
from odoo.http import request


class AftersalesPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "appointment_count" in counters:
            Appointment = request.env["aftersales.appointment"]
            values["appointment_count"] = Appointment.search_count([]) if Appointment.has_access("read") else 0
        return values

    def _own_vehicles(self):
        partner = request.env.user.partner_id.commercial_partner_id
        # Portal users cannot read vehicles; list only the ones their company owns.
        return request.env["fleet.vehicle"].sudo().search([("owner_id", "child_of", partner.id)])

    @http.route(["/my/appointments"], type="http", auth="user", website=True, readonly=True)
    def portal_my_appointments(self, **kw):
        appointments = request.env["aftersales.appointment"].search([], order="start desc")
        values = self._prepare_portal_layout_values()
        values.update({"appointments": appointments, "page_name": "appointment", "default_url": "/my/appointments"})
        return request.render("aftersales_base.portal_my_appointments", values)

    @http.route(["/my/appointments/new"], type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_new_appointment(self, **post):
        vehicles = self._own_vehicles()
        values = self._prepare_portal_layout_values()
        values.update({"vehicles": vehicles, "page_name": "appointment", "error": "", "post": post})
        if request.httprequest.method == "POST":
            try:
                vehicle = vehicles.filtered(lambda v: str(v.id) == post.get("vehicle_id"))
                if not vehicle:
                    raise ValidationError(request.env._("Choose one of your vehicles."))
                local = datetime.strptime(f"{post.get('date')} {post.get('time')}", "%Y-%m-%d %H:%M")
                tz = pytz.timezone(request.env.user.tz or "Asia/Shanghai")
                start = tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
                if start <= datetime.utcnow():
                    raise ValidationError(request.env._("Choose a time in the future."))
            except (ValueError, ValidationError) as error:
                values["error"] = (
                    str(error) if isinstance(error, ValidationError) else request.env._("Give a valid date and time.")
                )
                return request.render("aftersales_base.portal_new_appointment", values)
            # sudo: portal users do not create back-office records; the booking is forced to their
            # own company and one of its vehicles, and lands "booked" for the advisor to confirm.
            request.env["aftersales.appointment"].sudo().create(
                {
                    "partner_id": vehicle.owner_id.id,
                    "vehicle_id": vehicle.id,
                    "company_id": vehicle.company_id.id or request.env.company.id,
                    "start": fields.Datetime.to_string(start),
                    "job_type": post.get("job_type")
                    if post.get("job_type") in ("maintenance", "general", "body_paint")
                    else "maintenance",
                    "complaint": post.get("complaint", "")[:2000],
                    "source": "online",
                    "user_id": False,
                }
            )
            return request.redirect("/my/appointments")
        return request.render("aftersales_base.portal_new_appointment", values)
