from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FleetVehicleOdometer(models.Model):
    _inherit = "fleet.vehicle.odometer"

    repair_id = fields.Many2one("repair.order", string="Work Order", index="btree_not_null", ondelete="set null")
    is_replacement = fields.Boolean(
        string="Odometer Replaced",
        help="The odometer was replaced or reset: this reading starts a new series and may be lower.",
    )
    replacement_reason = fields.Char()

    @api.constrains("value", "vehicle_id", "is_replacement")
    def _check_value_not_backwards(self):
        for reading in self:
            if reading.is_replacement:
                # A work order's replacement flag can only be set by a manager (see repair.order.write).
                authorized = reading.repair_id.odometer_replaced or self.env.user.has_group(
                    "aftersales_base.group_aftersales_manager"
                )
                if not authorized:
                    raise ValidationError(
                        self.env._(
                            "Only a service manager may record an odometer replacement on %(vehicle)s.",
                            vehicle=reading.vehicle_id.display_name,
                        )
                    )
                continue
            # Readings since the last replacement must not go down.
            domain = [("vehicle_id", "=", reading.vehicle_id.id), ("id", "!=", reading.id)]
            last_replacement = self.search(
                domain + [("is_replacement", "=", True)], order="date desc, id desc", limit=1
            )
            if last_replacement:
                domain += [("id", ">", last_replacement.id)]
            higher = self.search(domain + [("value", ">", reading.value), ("date", "<=", reading.date)], limit=1)
            if higher:
                value, last = f"{reading.value:,.0f}", f"{higher.value:,.0f}"
                raise ValidationError(
                    self.env._(
                        "The odometer of %(vehicle)s cannot go backwards: %(value)s km is below the %(last)s km "
                        "recorded on %(date)s. If the odometer was replaced, a service manager records a replacement.",
                        vehicle=reading.vehicle_id.display_name,
                        value=value,
                        last=last,
                        date=higher.date,
                    )
                )
