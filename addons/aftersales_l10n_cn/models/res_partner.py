from odoo import api, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _as_city_address(self, vals):
        """A city of China's list (l10n_cn_city) brings its name, postcode, province and country, as the form's
        onchange does, so that an address written over RPC or by the portal reads the same."""
        if vals.get("city_id"):
            city = self.env["res.city"].browse(vals["city_id"])
            vals.setdefault("city", city.name)
            vals.setdefault("zip", city.zipcode)
            vals.setdefault("state_id", city.state_id.id)
            vals.setdefault("country_id", city.country_id.id)
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._as_city_address(dict(vals)) for vals in vals_list])

    def write(self, vals):
        vals = self._as_city_address(dict(vals))
        if "state_id" in vals and "city_id" not in vals:
            # moved to another province: the city of the former province no longer applies
            moved = self.filtered(lambda p: p.city_id.state_id and p.city_id.state_id.id != vals["state_id"])
            for partner in moved:
                dropped = {"city_id": False}
                if "city" not in vals and partner.city == partner.city_id.name:
                    dropped["city"] = False
                super(ResPartner, partner).write({**vals, **dropped})
            rest = self - moved
            return super(ResPartner, rest).write(vals) if rest else True
        return super().write(vals)

    @api.constrains("city_id", "state_id")
    def _check_city_in_province(self):
        for partner in self:
            city = partner.city_id
            if city.state_id and partner.state_id and city.state_id != partner.state_id:
                raise ValidationError(
                    self.env._(
                        "City %(city)s of %(partner)s is not in province %(province)s (it is in %(city_province)s).",
                        city=city.name,
                        partner=partner.display_name,
                        province=partner.state_id.name,
                        city_province=city.state_id.name,
                    )
                )
