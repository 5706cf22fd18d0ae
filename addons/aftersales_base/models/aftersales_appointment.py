from datetime import timedelta

from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from .aftersales_operation import JOB_TYPES


class AftersalesAppointment(models.Model):
    _name = "aftersales.appointment"
    _description = "Workshop Appointment"
    _inherit = ["aftersales.numbered.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "start desc, id desc"
    _check_company_auto = True

    name = fields.Char(default="/", readonly=True, copy=False, index="trigram")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    state = fields.Selection(
        [("booked", "Booked"), ("arrived", "Arrived"), ("no_show", "No-Show"), ("cancelled", "Cancelled")],
        default="booked",
        required=True,
        tracking=True,
        index=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True, check_company=True)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    vehicle_id = fields.Many2one("fleet.vehicle", check_company=True, domain="[('owner_id', '=', partner_id)]")
    source = fields.Selection(
        [("phone", "Phone"), ("walk_in", "Walk-in"), ("online", "Online"), ("solicitation", "Maintenance reminder")],
        default="phone",
        required=True,
    )
    start = fields.Datetime(required=True, tracking=True, index=True)
    duration = fields.Float(string="Duration (hours)", default=1.0)
    stop = fields.Datetime(compute="_compute_stop", store=True)
    job_type = fields.Selection(
        JOB_TYPES,
        default="maintenance",
        required=True,
    )
    bay_id = fields.Many2one("aftersales.workshop.bay", check_company=True, tracking=True)
    technician_id = fields.Many2one("res.users", check_company=True)
    user_id = fields.Many2one("res.users", string="Service Advisor", default=lambda self: self.env.user, tracking=True)
    complaint = fields.Text(string="Request")
    part_line_ids = fields.One2many("aftersales.appointment.part", "appointment_id", string="Parts to Prepare")
    repair_id = fields.Many2one("repair.order", string="Work Order", readonly=True, copy=False, check_company=True)
    parts_reserved = fields.Boolean(compute="_compute_parts_reserved")

    @api.depends("start", "duration")
    def _compute_stop(self):
        for appointment in self:
            appointment.stop = appointment.start and appointment.start + timedelta(hours=appointment.duration)

    @api.depends("name", "vehicle_id.license_plate", "partner_id.name")
    def _compute_display_name(self):
        """Plate and customer: what the calendar and the lists show of a booking."""
        for appointment in self:
            parts = [appointment.vehicle_id.license_plate, appointment.partner_id.name]
            appointment.display_name = " ".join(p for p in parts if p) or appointment.name

    @api.depends("repair_id.move_ids.state")
    def _compute_parts_reserved(self):
        for appointment in self:
            moves = appointment.repair_id.move_ids
            appointment.parts_reserved = bool(moves) and all(m.state == "assigned" for m in moves)

    @api.constrains("bay_id", "start", "stop", "state")
    def _check_bay_free(self):
        for appointment in self.filtered(lambda a: a.bay_id and a.state == "booked"):
            clash = self.search(
                [
                    ("id", "!=", appointment.id),
                    ("bay_id", "=", appointment.bay_id.id),
                    ("state", "=", "booked"),
                    ("start", "<", appointment.stop),
                    ("stop", ">", appointment.start),
                ],
                limit=1,
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "Bay %(bay)s is already booked by %(other)s at that time.",
                        bay=appointment.bay_id.display_name,
                        other=clash.name,
                    )
                )

    def _prepare_repair_vals(self):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "user_id": self.user_id.id,
            "job_type": self.job_type,
            "complaint": self.complaint,
            "bay_id": self.bay_id.id,
            "company_id": self.company_id.id,
            "schedule_date": self.start,
            "technician_ids": [Command.set(self.technician_id.ids)],
            "move_ids": [
                Command.create(
                    {"product_id": line.product_id.id, "product_uom_qty": line.quantity, "repair_line_type": "add"}
                )
                for line in self.part_line_ids
            ],
        }

    def action_reserve_parts(self):
        """Prepare the parts ahead: a draft work order whose part moves are reserved now."""
        for appointment in self:
            if appointment.state != "booked":
                raise UserError(self.env._("Appointment %(name)s is not booked.", name=appointment.name))
            if not appointment.part_line_ids:
                raise UserError(self.env._("Appointment %(name)s has no parts to prepare.", name=appointment.name))
            if not appointment.vehicle_id:
                raise UserError(self.env._("Appointment %(name)s needs the vehicle.", name=appointment.name))
            if not appointment.repair_id:
                appointment.repair_id = self.env["repair.order"].create(appointment._prepare_repair_vals())
            moves = appointment.repair_id.move_ids.filtered(lambda m: m.state == "draft")
            moves._action_confirm()
            moves._action_assign()
        return True

    def action_receive(self):
        """The customer arrived: the booking becomes a work order at reception."""
        for appointment in self:
            if appointment.state != "booked":
                raise UserError(self.env._("Appointment %(name)s is not booked.", name=appointment.name))
            if not appointment.vehicle_id:
                raise UserError(self.env._("Appointment %(name)s needs the vehicle.", name=appointment.name))
            if not appointment.repair_id:
                appointment.repair_id = self.env["repair.order"].create(appointment._prepare_repair_vals())
            appointment.repair_id.reception_date = fields.Datetime.now()
        self.write({"state": "arrived"})
        if len(self) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "repair.order",
                "res_id": self.repair_id.id,
                "view_mode": "form",
            }
        return True

    def action_no_show(self):
        for appointment in self:
            if appointment.state != "booked":
                raise UserError(self.env._("Appointment %(name)s is not booked.", name=appointment.name))
        self.repair_id.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))._do_unreserve()
        return self.write({"state": "no_show"})

    def action_cancel(self):
        self.repair_id.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))._action_cancel()
        return self.write({"state": "cancelled"})


class AftersalesAppointmentPart(models.Model):
    _name = "aftersales.appointment.part"
    _description = "Appointment Part to Prepare"
    _order = "appointment_id, id"

    appointment_id = fields.Many2one("aftersales.appointment", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="appointment_id.company_id", store=True)
    product_id = fields.Many2one("product.product", string="Part", required=True, domain=[("is_storable", "=", True)])
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure", required=True)
    qty_available = fields.Float(related="product_id.qty_available", string="On Hand")


class AftersalesBayLoad(models.Model):
    """Booked hours against each bay's capacity, per day, for the coming weeks."""

    _name = "aftersales.bay.load"
    _description = "Workshop Bay Load"
    _auto = False
    _order = "date, bay_id"

    date = fields.Date(readonly=True)
    bay_id = fields.Many2one("aftersales.workshop.bay", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    capacity_hours = fields.Float(readonly=True, aggregator="sum")
    booked_hours = fields.Float(readonly=True, aggregator="sum")
    free_hours = fields.Float(readonly=True, aggregator="sum")
    appointment_count = fields.Integer(readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT row_number() OVER () AS id, d.day::date AS date, b.id AS bay_id, b.company_id,
                       b.hours_per_day AS capacity_hours,
                       COALESCE(SUM(a.duration), 0) AS booked_hours,
                       b.hours_per_day - COALESCE(SUM(a.duration), 0) AS free_hours,
                       COUNT(a.id) AS appointment_count
                  FROM aftersales_workshop_bay b
                 CROSS JOIN generate_series(CURRENT_DATE - 7, CURRENT_DATE + 60, interval '1 day') AS d(day)
                  LEFT JOIN aftersales_appointment a
                         ON a.bay_id = b.id AND a.state IN ('booked', 'arrived')
                        AND a.start::date = d.day::date
                 WHERE b.active
                 GROUP BY d.day, b.id, b.company_id, b.hours_per_day
            )
            """
        )
