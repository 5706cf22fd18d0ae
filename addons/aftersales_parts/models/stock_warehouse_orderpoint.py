from odoo import api, fields, models
from odoo.exceptions import UserError


class StockWarehouseOrderpoint(models.Model):
    _name = "stock.warehouse.orderpoint"
    _inherit = ["stock.warehouse.orderpoint", "aftersales.workflow.mixin"]
    _as_workflow_fields = ("as_reserve_state", "as_approved_min_qty", "as_approved_by_id", "as_quota_override_by_id")

    as_region_id = fields.Many2one(
        "aftersales.parts.region", string="Parts region", compute="_compute_as_derived_quota"
    )
    as_vehicle_population = fields.Integer(
        string="Regional population",
        compute="_compute_as_derived_quota",
        help="Vehicles of the part's applicable models in service in the warehouse's region (地区保有量).",
    )
    as_derived_quota = fields.Float(
        string="Derived quota",
        digits="Product Unit of Measure",
        compute="_compute_as_derived_quota",
        help="Regional population / 1,000 x the part's reserve per 1,000 vehicles, rounded up.",
    )
    as_quota_overridden = fields.Boolean(string="Quota set by the parts manager", copy=False)
    as_quota_override = fields.Float(string="Manual quota", digits="Product Unit of Measure", copy=False)
    as_quota_override_by_id = fields.Many2one("res.users", string="Quota set by", readonly=True, copy=False)
    as_regional_quota = fields.Float(
        string="Regional reserve quota",
        digits="Product Unit of Measure",
        compute="_compute_as_regional_quota",
        inverse="_inverse_as_regional_quota",
        help="Minimum reserve the OEM derives from the vehicle population of the dealer's region, "
        "unless the parts manager set it by hand.",
    )
    as_below_quota = fields.Boolean(string="Below the regional quota", compute="_compute_as_regional_quota")
    as_can_set_quota = fields.Boolean(string="Can set the quota", compute="_compute_as_can_set_quota")
    as_reserve_state = fields.Selection(
        [("draft", "Drafted by dealer"), ("submitted", "Submitted to OEM"), ("approved", "Approved")],
        string="Reserve status",
        default="draft",
        copy=False,
    )
    as_approved_min_qty = fields.Float(
        string="Approved minimum", digits="Product Unit of Measure", readonly=True, copy=False
    )
    as_approved_by_id = fields.Many2one("res.users", string="Reserve approved by", readonly=True, copy=False)

    def _as_is_parts_manager(self):
        return self.env.su or self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager")

    @api.depends(
        "product_id.as_reserve_per_thousand",
        "product_id.as_vehicle_model_ids",
        "warehouse_id.partner_id.state_id",
        "company_id.as_parts_region_id",
    )
    def _compute_as_derived_quota(self):
        Region = self.env["aftersales.parts.region"]
        for orderpoint in self:
            region = Region._find_for_warehouse(orderpoint.warehouse_id) if orderpoint.warehouse_id else Region
            # sudo: parts staff may not read vehicle models; only the vehicle count of the part's models is used
            template = orderpoint.product_id.product_tmpl_id.sudo()
            population = region.sudo()._get_population(template.as_vehicle_model_ids) if region else 0
            orderpoint.as_region_id = region
            orderpoint.as_vehicle_population = population
            orderpoint.as_derived_quota = Region._compute_quota(population, template.as_reserve_per_thousand)

    @api.depends("as_derived_quota", "as_quota_overridden", "as_quota_override", "product_min_qty")
    def _compute_as_regional_quota(self):
        for orderpoint in self:
            orderpoint.as_regional_quota = (
                orderpoint.as_quota_override if orderpoint.as_quota_overridden else orderpoint.as_derived_quota
            )
            orderpoint.as_below_quota = orderpoint.product_min_qty < orderpoint.as_regional_quota

    @api.depends_context("uid")
    def _compute_as_can_set_quota(self):
        self.as_can_set_quota = self._as_is_parts_manager()

    def _inverse_as_regional_quota(self):
        for orderpoint in self:
            orderpoint.write({"as_quota_overridden": True, "as_quota_override": orderpoint.as_regional_quota})

    def _as_check_quota_rights(self, vals):
        if {"as_regional_quota", "as_quota_overridden", "as_quota_override"} & set(vals) and not (
            self._as_is_parts_manager()
        ):
            raise UserError(self.env._("Only the parts manager sets a regional quota by hand."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._as_check_quota_rights(vals)
        orderpoints = super().create(vals_list)
        manual = orderpoints.filtered("as_quota_overridden")
        manual._as_workflow_write({"as_quota_override_by_id": self.env.user.id})
        manual._as_log_quota()
        return orderpoints

    def _as_log_quota(self):
        """Reorder rules have no chatter: a quota set or reset by hand is logged on the part."""
        for orderpoint in self:
            if orderpoint.as_quota_overridden:
                body = self.env._(
                    "Regional quota at %(warehouse)s set by hand to %(quota)s (derived from the vehicle population: "
                    "%(derived)s).",
                    warehouse=orderpoint.warehouse_id.display_name,
                    quota=orderpoint.as_quota_override,
                    derived=orderpoint.as_derived_quota,
                )
            else:
                body = self.env._(
                    "Regional quota at %(warehouse)s derived again from the vehicle population: %(quota)s.",
                    warehouse=orderpoint.warehouse_id.display_name,
                    quota=orderpoint.as_derived_quota,
                )
            orderpoint.product_id.product_tmpl_id.message_post(body=body)

    def action_as_reset_quota(self):
        self.write({"as_quota_overridden": False, "as_quota_override": 0.0})
        return True

    def write(self, vals):
        self._as_check_quota_rights(vals)
        quota_set = bool({"as_quota_overridden", "as_quota_override"} & set(vals))
        manual = vals.get("as_quota_overridden", True)
        if "product_min_qty" in vals and not self._as_is_parts_manager():
            lowered = self.filtered(
                lambda op: op.as_reserve_state == "approved" and vals["product_min_qty"] < op.as_approved_min_qty
            )
            if lowered:
                raise UserError(
                    self.env._(
                        "The minimum reserve of %(part)s was approved at %(qty)s; only the parts manager can lower it.",
                        part=lowered[0].product_id.display_name,
                        qty=lowered[0].as_approved_min_qty,
                    )
                )
        res = super().write(vals)
        if quota_set:
            # who set the quota: the parts manager whose rights were checked above
            self._as_workflow_write({"as_quota_override_by_id": self.env.user.id if manual else False})
            self._as_log_quota()
        return res

    def action_as_submit_reserve(self):
        if not (self.env.su or self.env.user.has_group("aftersales_parts.group_aftersales_parts_clerk")):
            raise UserError(self.env._("Only parts staff submit a minimum reserve."))
        self.filtered(lambda op: op.as_reserve_state == "draft")._as_workflow_write({"as_reserve_state": "submitted"})
        return True

    def action_as_approve_reserve(self):
        if not self._as_is_parts_manager():
            raise UserError(self.env._("Only the parts manager approves a minimum reserve."))
        for orderpoint in self:
            if orderpoint.product_min_qty < orderpoint.as_regional_quota:
                raise UserError(
                    self.env._(
                        "The minimum reserve of %(part)s (%(qty)s) is below the regional quota %(quota)s.",
                        part=orderpoint.product_id.display_name,
                        qty=orderpoint.product_min_qty,
                        quota=orderpoint.as_regional_quota,
                    )
                )
            orderpoint._as_workflow_write(
                {
                    "as_reserve_state": "approved",
                    "as_approved_min_qty": orderpoint.product_min_qty,
                    "as_approved_by_id": self.env.user.id,
                }
            )
        return True
