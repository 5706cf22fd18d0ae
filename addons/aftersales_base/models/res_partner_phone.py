import re

from odoo import api, fields, models
from odoo.addons.phone_validation.tools import phone_validation
from odoo.exceptions import UserError, ValidationError

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
