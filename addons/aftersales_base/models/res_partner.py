import re

from odoo import api, fields, models
from odoo.addons.phone_validation.tools import phone_validation
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

MEMBERSHIP_LEVELS = [("none", "None"), ("silver", "Silver"), ("gold", "Gold"), ("platinum", "Platinum")]

# An 11-digit Chinese mobile number, with or without +86 / 0086 and separators.
_CN_MOBILE = re.compile(r"^(?:\+?86|0086)?(1\d{10})$")


def _digits(number):
    return re.sub(r"\D", "", number or "")


def national_digits(number):
    """The digits by which people look a customer up: a Chinese mobile without +86."""
    digits = _digits(number)
    match = _CN_MOBILE.match(digits)
    return match.group(1) if match else digits


class ResPartner(models.Model):
    _inherit = "res.partner"

    # A live network dealer (authorised service centre, 特约服务中心): its portal users file warranty
    # claims and quality information. The network addon sets it when the contract is signed; it
    # lives here so that warranty and follow-up know the network dealers without that addon.
    is_network_dealer = fields.Boolean(
        string="Network Dealer",
        copy=False,
        tracking=True,
        help="Set when the service centre contract is signed: the company is a live network dealer.",
    )
    vehicle_ids = fields.One2many("fleet.vehicle", "owner_id", string="Vehicles")
    vehicle_count = fields.Integer(compute="_compute_vehicle_count")
    repair_order_ids = fields.One2many("repair.order", "partner_id", string="Work Orders")
    visit_count = fields.Integer(compute="_compute_visit_count", string="Visits")
    last_visit_date = fields.Date(compute="_compute_last_visit_date", store=True)
    next_maintenance_date = fields.Date(
        compute="_compute_next_maintenance",
        store=True,
        index=True,
        help="Earliest next maintenance date of the customer's vehicles.",
    )
    preferred_contact = fields.Selection(
        [("phone", "Phone"), ("sms", "SMS"), ("wechat", "WeChat"), ("email", "Email")], default="phone"
    )
    wechat_id = fields.Char(string="WeChat ID")
    customer_source = fields.Selection(
        [
            ("walk_in", "Walk-in"),
            ("phone", "Phone"),
            ("online", "Online"),
            ("referral", "Referral"),
            ("vehicle_sale", "Vehicle sale"),
            ("campaign", "Campaign"),
        ],
        string="Source",
    )
    membership_level = fields.Selection(
        MEMBERSHIP_LEVELS,
        default="none",
        tracking=True,
        help="Regular customers' level; discounts come from loyalty programs.",
    )
    archive_missing = fields.Char(
        compute="_compute_archive_missing",
        help="Fields of the customer archive still empty.",
    )
    archive_complete = fields.Boolean(compute="_compute_archive_missing", search="_search_archive_complete")
    as_phone_digits = fields.Char(
        compute="_compute_as_phone_digits", store=True, index="trigram", string="Phone Digits", copy=False
    )
    as_phone_search = fields.Char(
        compute="_compute_as_phone_search",
        search="_search_as_phone_search",
        string="Phone / Mobile",
        help="Finds a customer by phone or mobile number typed in any common format "
        "(13800138000, 138 0013 8000, +86 138-0013-8000).",
    )

    @api.depends("vehicle_ids")
    def _compute_vehicle_count(self):
        for partner in self:
            partner.vehicle_count = len(partner.vehicle_ids)

    def _visit_data(self):
        return {
            partner: (count, last)
            for partner, count, last in self.env["repair.order"]._read_group(
                [("partner_id", "in", self.ids), ("service_stage", "!=", "cancelled")],
                ["partner_id"],
                ["__count", "reception_date:max"],
            )
        }

    def _compute_visit_count(self):
        data = self._visit_data()
        for partner in self:
            partner.visit_count = data.get(partner, (0, False))[0]

    @api.depends("repair_order_ids.service_stage", "repair_order_ids.reception_date")
    def _compute_last_visit_date(self):
        data = self._visit_data()
        for partner in self:
            last = data.get(partner, (0, False))[1]
            partner.last_visit_date = last and partner.company_id._as_local_date(last)  # the local day

    @api.depends("vehicle_ids.next_maintenance_date")
    def _compute_next_maintenance(self):
        for partner in self:
            dates = [d for d in partner.vehicle_ids.mapped("next_maintenance_date") if d]
            partner.next_maintenance_date = min(dates) if dates else False

    def _archive_required_fields(self):
        return ["phone", "street", "city", "vehicle_ids"]

    @api.depends("phone", "mobile", "street", "city", "vehicle_ids")
    def _compute_archive_missing(self):
        labels = {name: field.get_description(self.env)["string"] for name, field in self._fields.items()}
        for partner in self:
            missing = [
                labels[name]
                for name in partner._archive_required_fields()
                if not partner[name] and not (name == "phone" and partner.mobile)
            ]
            partner.archive_missing = ", ".join(missing)
            partner.archive_complete = not missing

    def _search_archive_complete(self, operator, value):
        # The same rule as the compute: a required field is empty (a mobile stands in for the phone).
        incomplete = expression.OR(
            [
                [("phone", "=", False), ("mobile", "=", False)] if name == "phone" else [(name, "=", False)]
                for name in self._archive_required_fields()
            ]
        )
        positive = (operator == "=") == bool(value)
        return ["!", *incomplete] if positive else incomplete

    @api.depends("phone", "mobile")
    def _compute_as_phone_digits(self):
        for partner in self:
            partner.as_phone_digits = " ".join(
                filter(None, (national_digits(partner.phone), national_digits(partner.mobile)))
            )

    def _compute_as_phone_search(self):
        for partner in self:
            partner.as_phone_search = partner.mobile or partner.phone

    def _search_as_phone_search(self, operator, value):
        if operator not in ("ilike", "=", "like", "=ilike") or not isinstance(value, str):
            return ["|", ("phone", operator, value), ("mobile", operator, value)]
        digits = national_digits(value)
        if len(digits) < 3:
            return ["|", ("phone", "ilike", value), ("mobile", "ilike", value)]
        return [("as_phone_digits", "ilike", digits)]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._as_normalize_phone_vals(vals, self._as_phone_region(vals))
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("phone") or vals.get("mobile"):
            regions = {partner._as_phone_region(vals if "country_id" in vals else None) for partner in self} or {"CN"}
            if len(regions) == 1:
                vals = self._as_normalize_phone_vals(dict(vals), regions.pop())
            else:
                for partner in self:
                    partner.write(partner._as_normalize_phone_vals(dict(vals), partner._as_phone_region()))
                return True
        return super().write(vals)

    def _schedule_archive_activities(self):
        """Ask the archive's responsible to complete the archives that miss something."""
        todo = self.filtered(lambda p: not p.archive_complete and p.is_company is False)
        activity_type = self.env.ref("aftersales_base.mail_activity_type_archive")
        existing = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "in", todo.ids), ("activity_type_id", "=", activity_type.id)]
        )
        todo -= self.browse(existing.mapped("res_id"))
        for partner in todo:
            company = partner.company_id or self.env.company
            user = company.as_archive_user_id or self.env.user
            partner.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=fields.Date.add(fields.Date.context_today(self), days=company.as_archive_days),
                user_id=user.id,
                note=self.env._("Complete the customer archive: %(missing)s", missing=partner.archive_missing),
            )

    def action_view_vehicles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("aftersales_base.fleet_vehicle_action_customer")
        action["domain"] = [("owner_id", "=", self.id)]
        action["context"] = {"default_owner_id": self.id}
        return action

    # ------------------------------------------------------------- normalisation
    def _as_phone_region(self, vals=None):
        country = self.env["res.country"].browse((vals or {}).get("country_id")) if vals else self.country_id
        company = self.env.company
        return (country.code if country else None) or company.as_phone_region or "CN"

    def _as_normalize_phone(self, number, region):
        """A Chinese mobile checked and written +86 138 0013 8000; other numbers formatted
        internationally when they parse, else kept as typed."""
        if not number or not isinstance(number, str):
            return number
        digits = _digits(number)
        mobile = _CN_MOBILE.match(digits) if region == "CN" or number.strip().startswith(("+86", "0086")) else None
        if mobile:
            try:
                return phone_validation.phone_format("+86" + mobile.group(1), "CN", 86, force_format="INTERNATIONAL")
            except UserError:  # phone_validation's own refusal, said again with the rule
                raise ValidationError(
                    self.env._(
                        "%(number)s is not a valid Chinese mobile number: 11 digits starting with 1 "
                        "(e.g. 138 0013 8000).",
                        number=number,
                    )
                ) from None
        return phone_validation.phone_format(number, region, None, force_format="INTERNATIONAL", raise_exception=False)

    def _as_normalize_phone_vals(self, vals, region):
        for name in ("phone", "mobile"):
            if vals.get(name):
                vals[name] = self._as_normalize_phone(vals[name], region)
        return vals
