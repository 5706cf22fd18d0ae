import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import normalize_plate, normalize_vin, plate_is_valid, vin_check_digit, vin_model_year, vin_problem


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"
    _rec_names_search = ["name", "license_plate", "vin_sn", "vin_last6", "owner_id.name", "owner_id.as_phone_digits"]

    owner_id = fields.Many2one(
        "res.partner",
        tracking=True,
        index=True,
        check_company=True,
        help="The customer who owns the vehicle.",
    )
    owner_phone = fields.Char(related="owner_id.phone", string="Owner Phone")
    vin_sn = fields.Char(string="VIN")
    license_plate = fields.Char(index=True)
    vin_last6 = fields.Char(
        string="VIN (last 6)",
        compute="_compute_vin_last6",
        store=True,
        index=True,
        help="Last six characters of the VIN, as printed on many documents.",
    )
    vin_model_year = fields.Integer(
        string="Model Year (VIN)",
        compute="_compute_vin_data",
        store=True,
        help="Decoded from position 10 of the VIN.",
    )
    vin_brand_id = fields.Many2one(
        "fleet.vehicle.model.brand",
        string="Brand (VIN)",
        compute="_compute_vin_data",
        store=True,
        help="Brand of the manufacturer code (positions 1-3 of the VIN), where known.",
    )
    engine_number = fields.Char(tracking=True)
    sale_date = fields.Date(
        tracking=True, help="Date the vehicle was sold to its first owner: the warranty starts on this date."
    )
    purchase_dealer_id = fields.Many2one("res.partner", help="Dealer that sold the vehicle.")
    repair_order_ids = fields.One2many("repair.order", "vehicle_id", string="Work Orders")
    repair_order_count = fields.Integer(compute="_compute_repair_order_count", string="Work Order Count")
    last_service_date = fields.Date(compute="_compute_service_schedule", store=True)
    maintenance_interval_months = fields.Integer(
        compute="_compute_maintenance_interval",
        store=True,
        readonly=False,
        help="Months between two periodic maintenances: from the vehicle model, else the company default.",
    )
    maintenance_interval_km = fields.Integer(
        compute="_compute_maintenance_interval",
        store=True,
        readonly=False,
        help="Kilometres between two periodic maintenances: from the vehicle model, else the company default.",
    )
    next_maintenance_date = fields.Date(compute="_compute_service_schedule", store=True, index=True)
    next_maintenance_odometer = fields.Float(compute="_compute_service_schedule", store=True)

    _sql_constraints = [
        ("vin_sn_uniq", "unique(vin_sn)", "Another vehicle already has this VIN."),
    ]

    @api.depends("vin_sn")
    def _compute_vin_last6(self):
        for vehicle in self:
            vehicle.vin_last6 = (vehicle.vin_sn or "")[-6:] or False

    @api.depends("vin_sn")
    def _compute_vin_data(self):
        this_year = fields.Date.context_today(self).year
        Wmi = self.env["aftersales.vin.wmi"]
        for vehicle in self:
            vin = vehicle.vin_sn or ""
            valid = vin and not vin_problem(vin)
            vehicle.vin_model_year = vin_model_year(vin, this_year) if valid else 0
            vehicle.vin_brand_id = Wmi._brand_for_vin(vin) if valid else False

    def _compute_repair_order_count(self):
        counts = dict(
            self.env["repair.order"]._read_group([("vehicle_id", "in", self.ids)], ["vehicle_id"], ["__count"])
        )
        for vehicle in self:
            vehicle.repair_order_count = counts.get(vehicle, 0)

    @api.depends("model_id", "company_id")
    def _compute_maintenance_interval(self):
        for vehicle in self:
            company = vehicle.company_id or self.env.company
            vehicle.maintenance_interval_months = (
                vehicle.model_id.maintenance_interval_months or company.as_maintenance_months
            )
            vehicle.maintenance_interval_km = vehicle.model_id.maintenance_interval_km or company.as_maintenance_km

    @api.depends(
        "repair_order_ids.service_stage",
        "repair_order_ids.delivered_date",
        "repair_order_ids.odometer_in",
        "maintenance_interval_months",
        "maintenance_interval_km",
        "sale_date",
    )
    def _compute_service_schedule(self):
        for vehicle in self:
            done = vehicle.repair_order_ids.filtered(lambda r: r.service_stage == "delivered" and r.delivered_date)
            last = max(done, key=lambda r: r.delivered_date, default=False)
            # the day of the delivery where the workshop is (the company's time zone), not in UTC: a car delivered at
            # 8:30 in Shanghai was delivered that day, not the day before
            vehicle.last_service_date = last and vehicle.company_id._as_local_date(last.delivered_date)
            start = vehicle.last_service_date or vehicle.sale_date
            months = vehicle.maintenance_interval_months
            vehicle.next_maintenance_date = start and months and fields.Date.add(start, months=months)
            vehicle.next_maintenance_odometer = (
                last.odometer_in + vehicle.maintenance_interval_km if last and vehicle.maintenance_interval_km else 0
            )

    @api.depends("model_id.brand_id.name", "model_id.name", "license_plate")
    def _compute_vehicle_name(self):
        """Fleet's name with our own wording for a vehicle without plate (fleet's Chinese reads "没有Plate")."""
        for vehicle in self:
            vehicle.name = "/".join(
                [
                    vehicle.model_id.brand_id.name or "",
                    vehicle.model_id.name or "",
                    vehicle.license_plate or self.env._("No plate yet"),
                ]
            )

    @api.constrains("vin_sn")
    def _check_vin(self):
        reasons = {
            "length": self.env._("it must have 17 characters"),
            "letters": self.env._("the letters I, O and Q are not used in a VIN"),
            "characters": self.env._("only letters and digits are allowed"),
        }
        for vehicle in self.filtered("vin_sn"):
            problem = vin_problem(vehicle.vin_sn)
            if problem == "check_digit":
                raise ValidationError(
                    self.env._(
                        "VIN %(vin)s of vehicle %(vehicle)s is invalid: its check digit (position 9) should be "
                        "%(digit)s. Please check the VIN on the vehicle.",
                        vin=vehicle.vin_sn,
                        vehicle=vehicle.display_name,
                        digit=vin_check_digit(vehicle.vin_sn),
                    )
                )
            if problem:
                raise ValidationError(
                    self.env._(
                        "VIN %(vin)s of vehicle %(vehicle)s is invalid: %(reason)s.",
                        vin=vehicle.vin_sn,
                        vehicle=vehicle.display_name,
                        reason=reasons[problem],
                    )
                )

    @api.constrains("license_plate")
    def _check_license_plate(self):
        for vehicle in self.filtered("license_plate"):
            if not plate_is_valid(vehicle.license_plate):
                raise ValidationError(
                    self.env._(
                        "Plate %(plate)s of vehicle %(vehicle)s is not a Chinese plate: a province character, a "
                        "letter and 5 characters (6 for new-energy vehicles), e.g. 粤A12345 or 粤AD12345.",
                        plate=vehicle.license_plate,
                        vehicle=vehicle.display_name,
                    )
                )

    @api.constrains("license_plate", "company_id", "active")
    def _check_license_plate_unique(self):
        """One plate, one vehicle in service per company, like the VIN (plates are compared normalized:
        粤A 12345 is 粤A12345). An archived (scrapped, sold) vehicle no longer holds its plate."""
        vehicles = self.filtered(lambda v: v.license_plate and v.active)
        if not vehicles:
            return
        # sudo: the check counts every vehicle of the company with the plate, whatever the user may read;
        # only the plate and company (the user's own input) are named in the error.
        groups = (
            self.sudo()
            .with_context(active_test=True)
            ._read_group(
                [("license_plate", "in", vehicles.mapped("license_plate"))],
                ["license_plate", "company_id"],
                ["__count"],
            )
        )
        for plate, company, count in groups:
            if count > 1 and any(v.license_plate == plate and v.company_id == company for v in vehicles):
                raise ValidationError(
                    self.env._(
                        "Another vehicle already has plate %(plate)s in %(company)s.",
                        plate=plate,
                        company=company.display_name or self.env._("every company"),
                    )
                )

    @api.model
    def _normalize_codes(self, vals):
        if vals.get("vin_sn"):
            vals["vin_sn"] = normalize_vin(vals["vin_sn"])
        if vals.get("license_plate"):
            vals["license_plate"] = normalize_plate(vals["license_plate"])
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._normalize_codes(dict(vals)) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalize_codes(dict(vals)))

    @api.model
    def _search_display_name(self, operator, value):
        """A full VIN, a plate or the last 6 of a VIN is looked up exactly, on its own index;
        anything else (a name, a phone, part of a plate) searches every identifying field."""
        if operator in ("ilike", "=ilike", "=") and isinstance(value, str) and value.strip():
            code = normalize_vin(value)
            if re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", code):
                return [("vin_sn", "=", code)]
            plate = normalize_plate(value)
            if plate_is_valid(plate):
                return [("license_plate", "=", plate)]
            if re.fullmatch(r"[A-HJ-NPR-Z0-9]{6}", code) and re.search(r"\d", code):
                return ["|", ("vin_last6", "=", code), ("license_plate", "=like", f"%{code}")]
            if not value.isascii():
                value = plate
        return super()._search_display_name(operator, value)

    def action_view_repair_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_base.repair_order_action_workshop")
        action["domain"] = [("vehicle_id", "=", self.id)]
        action["context"] = {"default_vehicle_id": self.id, "default_partner_id": self.owner_id.id}
        return action

    def action_view_parts_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_base.stock_move_action_vehicle_parts")
        action["domain"] = [("repair_id.vehicle_id", "=", self.id), ("repair_line_type", "!=", False)]
        return action
