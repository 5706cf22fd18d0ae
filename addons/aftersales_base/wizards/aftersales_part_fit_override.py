from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesPartFitOverride(models.TransientModel):
    """A service manager allows parts on a vehicle model outside their applicable models, with a reason."""

    _name = "aftersales.part.fit.override"
    _description = "Allow Part on This Vehicle"

    repair_id = fields.Many2one("repair.order", string="Work Order", required=True, ondelete="cascade")
    vehicle_model_id = fields.Many2one(related="repair_id.vehicle_model_id")
    move_ids = fields.Many2many(
        "stock.move",
        string="Parts",
        domain="[('repair_id', '=', repair_id), ('repair_line_type', '=', 'add'), "
        "('as_fit_override_by_id', '=', False)]",
        compute="_compute_move_ids",
        store=True,
        readonly=False,
    )
    reason = fields.Text(required=True, help="Why the part is fitted although the OEM does not list the model.")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "repair.order" and self.env.context.get("active_id"):
            res.setdefault("repair_id", self.env.context["active_id"])
        return res

    @api.depends("repair_id")
    def _compute_move_ids(self):
        for wizard in self:
            wizard.move_ids = wizard.repair_id.move_ids._as_unfit_parts()

    def action_confirm(self):
        self.ensure_one()
        self.repair_id._check_group("aftersales_base.group_aftersales_manager", self.env._("allow unlisted parts"))
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why the part is fitted on this vehicle model."))
        moves = self.move_ids.filtered(lambda m: m.repair_id == self.repair_id and m.repair_line_type == "add")
        if not moves:
            raise UserError(
                self.env._("Work order %(wo)s: choose the parts to allow on this vehicle.", wo=self.repair_id.name)
            )
        moves._as_workflow_write({"as_fit_override_by_id": self.env.uid, "as_fit_override_reason": reason})
        self.repair_id.message_post(
            body=self.env._(
                "%(parts)s allowed on vehicle model %(model)s (not among the parts' applicable models) by "
                "%(user)s: %(reason)s",
                parts=", ".join(moves.product_id.mapped("display_name")),
                model=self.repair_id.vehicle_model_id.display_name or self.env._("(none)"),
                user=self.env.user.name,
                reason=reason,
            )
        )
        return {"type": "ir.actions.act_window_close"}
