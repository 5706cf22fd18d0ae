from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from ..tools.stock_lock import lock_quants


class RepairOrder(models.Model):
    """Parts of a work order: cost, issue to the technician (old part in, new part out), old parts."""

    # one file per concern of the work order (the flow is in repair_order.py)
    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    return_old_parts = fields.Boolean(
        string="Old Parts Back to Customer", help="Only old parts of non-warranty lines go back to the customer."
    )
    parts_cost = fields.Monetary(compute="_compute_parts_cost", store=True)
    parts_issued_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("move_ids.state", "move_ids.quantity")
    def _compute_parts_cost(self):
        for order in self:
            moves = order.move_ids.filtered(lambda m: m.repair_line_type == "add" and m.state != "cancel")
            order.parts_cost = sum(m.product_id.standard_price * (m.quantity or m.product_uom_qty) for m in moves)

    @api.constrains("return_old_parts", "move_ids")
    def _check_return_old_parts(self):
        for order in self.filtered("return_old_parts"):
            parts = order.move_ids.filtered(lambda m: m.repair_line_type == "add")
            if parts and all(m.payer == "warranty" for m in parts):
                # Warranty old parts belong to the OEM: only non-warranty ones may go back.
                raise ValidationError(
                    self.env._(
                        "Work order %(wo)s: old parts of warranty lines go to the warranty clerk, never back to "
                        "the customer.",
                        wo=order.name,
                    )
                )

    def action_issue_parts(self):
        """Issue the approved parts to the technician (old part in, new part out)."""
        self._check_stage("in_progress")
        self._check_group("aftersales_base.group_aftersales_technician", self.env._("issue parts"))
        for order in self:
            if order.supplement_pending:
                raise UserError(
                    self.env._("Work order %(wo)s: the customer must approve the additional work first.", wo=order.name)
                )
        moves = self.move_ids.filtered(lambda m: m.repair_line_type == "add" and m.state not in ("done", "cancel"))
        moves._as_check_old_part_returned()
        moves._as_check_vehicle_fit()
        self._as_lock_stock(moves)
        moves._action_assign()
        short = moves.filtered(
            lambda m: float_compare(m.quantity, m.product_uom_qty, precision_rounding=m.product_uom.rounding) < 0
        )
        if short:
            parts = ", ".join("%s (%g/%g)" % (m.product_id.display_name, m.quantity, m.product_uom_qty) for m in short)
            raise UserError(
                self.env._(
                    "Not enough stock to issue: %(parts)s. Order the shortage before issuing.",
                    parts=parts,
                )
            )
        moves.picked = True
        self._as_receive_old_parts()
        self._as_workflow_write({"parts_issued_date": fields.Datetime.now()})
        return self._as_parts_issued_notification(moves)

    def _as_lock_stock(self, moves):
        """Lock the stock the moves reserve from before reserving (see ``tools/stock_lock.py``): two technicians
        issuing the last unit at once run one after the other, the second gets "Not enough stock"."""
        if moves:
            lock_quants(self.env, moves.product_id, moves.location_id)

    def _as_receive_old_parts(self):
        """Old in, new out: the removed parts recorded on the orders are moved from the vehicle to the
        Old Parts location (done, without stock value), where the old-part ledger takes them up."""
        removed = self.move_ids.filtered(
            lambda m: m.repair_line_type in ("remove", "recycle") and m.state not in ("done", "cancel")
        )
        if not removed:
            return
        # Safe: called by the issue and close steps after their checks; the moves are the order's own
        # removed parts, taken into the old-parts location, which technicians may not validate themselves.
        removed = removed.sudo()
        removed.filtered(lambda m: m.state == "draft")._action_confirm()
        removed._action_assign()
        for move in removed:
            if float_compare(move.quantity, move.product_uom_qty, precision_rounding=move.product_uom.rounding) < 0:
                move.quantity = move.product_uom_qty
        removed.picked = True
        removed._action_done()

    def _as_unissued_parts(self):
        """Parts of the orders not (fully) issued to the technician: they would not be consumed."""
        return self.move_ids.filtered(
            lambda m: m.repair_line_type == "add"
            and m.state not in ("done", "cancel")
            and (
                not m.picked
                or float_compare(m.quantity, m.product_uom_qty, precision_rounding=m.product_uom.rounding) < 0
            )
        )

    def _ensure_parts_issued(self):
        for order in self:
            if order.supplement_pending:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s: additional work is waiting for the customer's approval.", wo=order.name
                    )
                )
            unissued = order._as_unissued_parts()
            if unissued:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s cannot be closed: parts %(parts)s are not issued. Issue them "
                        "(Issue Parts) or remove them from the order first.",
                        wo=order.name,
                        parts=", ".join(
                            "%s (%g/%g)" % (m.product_id.display_name, m.quantity if m.picked else 0, m.product_uom_qty)
                            for m in unissued
                        ),
                    )
                )
