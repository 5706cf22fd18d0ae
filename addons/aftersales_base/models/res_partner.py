from odoo import api, fields, models
from odoo.osv import expression

MEMBERSHIP_LEVELS = [("none", "None"), ("silver", "Silver"), ("gold", "Gold"), ("platinum", "Platinum")]


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
        string="Archive Missing",
        compute="_compute_archive_missing",
        help="Fields of the customer archive still empty.",
    )
    archive_complete = fields.Boolean(compute="_compute_archive_missing", search="_search_archive_complete")

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
            partner.last_visit_date = last and last.date()

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
