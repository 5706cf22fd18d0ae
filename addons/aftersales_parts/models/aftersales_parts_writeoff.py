from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

GROUP_CLERK = "aftersales_parts.group_aftersales_parts_clerk"
GROUP_MANAGER = "aftersales_parts.group_aftersales_parts_manager"
# fixed once the write-off leaves the draft: what is confirmed and approved is what gets scrapped
DRAFT_ONLY_FIELDS = {"line_ids", "location_id", "warranty_supervisor_id", "stocktake_id", "date"}


class PartsWriteoff(models.Model):
    _name = "aftersales.parts.writeoff"
    _description = "Parts Write-off"
    _inherit = [
        "aftersales.numbered.mixin",
        "aftersales.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _as_workflow_fields = (
        "state",
        "requested_by_id",
        "service_manager_id",
        "warranty_confirmed",
        "parts_supervisor_id",
        "approved_by_id",
        "picking_id",
    )

    _state_from = ["confirmed"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_confirm", "Joint Confirmation"),
            ("confirmed", "Confirmed"),
            ("approved", "Approved (pending disposal)"),
            ("done", "Disposed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(default=fields.Date.context_today, required=True)
    quarter = fields.Char(compute="_compute_quarter", store=True)
    requested_by_id = fields.Many2one(
        "res.users",
        string="Requested by",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
        check_company=True,
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Source location",
        required=True,
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        default=lambda self: self.env["stock.warehouse"]
        .search([("company_id", "=", self.env.company.id)], limit=1)
        .lot_stock_id,
    )
    stocktake_id = fields.Many2one(
        "aftersales.stocktake", string="Quarterly count", check_company=True, domain="[('kind', '=', 'quarterly')]"
    )
    line_ids = fields.One2many("aftersales.parts.writeoff.line", "writeoff_id", string="Lines", copy=True)
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    service_manager_id = fields.Many2one("res.users", string="Service manager", readonly=True, copy=False)
    warranty_supervisor_id = fields.Many2one(
        "res.users",
        string="Warranty supervisor",
        check_company=True,
        tracking=True,
        help="The warranty supervisor who confirms that the parts cannot be claimed.",
    )
    warranty_confirmed = fields.Boolean(readonly=True, copy=False)
    parts_supervisor_id = fields.Many2one("res.users", string="Parts supervisor", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    picking_id = fields.Many2one("stock.picking", string="Transfer to pending disposal", readonly=True, copy=False)
    scrap_ids = fields.One2many("stock.scrap", "as_writeoff_id", string="Scraps")
    note = fields.Text()

    @api.depends("date")
    def _compute_quarter(self):
        for writeoff in self:
            date = writeoff.date
            writeoff.quarter = f"{date.year}-Q{(date.month - 1) // 3 + 1}" if date else False

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for writeoff in self:
            writeoff.amount_total = sum(writeoff.line_ids.mapped("amount"))

    @api.model
    def _get_under_validation_exceptions(self):
        return [*super()._get_under_validation_exceptions(), "note", "message_main_attachment_id"]

    def write(self, vals):
        if DRAFT_ONLY_FIELDS & set(vals) and not self.env.su:
            self._as_check_draft()
        return super().write(vals)

    def _as_check_draft(self):
        closed = self.filtered(lambda writeoff: writeoff.state != "draft")
        if closed:
            raise UserError(
                self.env._(
                    "Write-off %(name)s has been submitted: its parts, location and warranty supervisor are fixed.",
                    name=closed[0].name,
                )
            )

    def _as_check_group(self, group, message):
        if not (self.env.su or self.env.user.has_group(group)):
            raise AccessError(message)

    # ------------------------------------------------------------------ actions
    def action_submit(self):
        self._as_check_group(GROUP_CLERK, self.env._("Only parts staff submit a write-off."))
        for writeoff in self:
            if writeoff.state != "draft":
                raise UserError(self.env._("Write-off %(name)s is not a draft.", name=writeoff.name))
            if not writeoff.line_ids:
                raise UserError(self.env._("Write-off %(name)s has no lines.", name=writeoff.name))
            human = writeoff.line_ids.filtered(lambda line: line.reason == "human")
            if human:
                raise UserError(
                    self.env._(
                        "Write-off %(name)s: %(part)s was damaged by a person; it is not written off but charged "
                        "to %(person)s.",
                        name=writeoff.name,
                        part=human[0].product_id.display_name,
                        person=human[0].responsible_id.name or self.env._("the responsible employee"),
                    )
                )
            if not writeoff.warranty_supervisor_id:
                raise UserError(
                    self.env._("Write-off %(name)s: name the warranty supervisor who confirms it.", name=writeoff.name)
                )
        self._as_workflow_write({"state": "to_confirm"})
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=self.warranty_supervisor_id[:1].id or self.env.user.id,
            summary=self.env._("Confirm the write-off"),
        )
        return True

    def _check_to_confirm(self):
        for writeoff in self:
            if writeoff.state != "to_confirm":
                raise UserError(
                    self.env._("Write-off %(name)s is not waiting for joint confirmation.", name=writeoff.name)
                )

    def action_confirm_service(self):
        self._check_to_confirm()
        if not self.env.user.has_group("aftersales_base.group_aftersales_manager"):
            raise UserError(self.env._("Only a service manager confirms for the service department."))
        self._as_workflow_write({"service_manager_id": self.env.user.id})
        return self._check_joint_confirmation()

    def action_confirm_warranty(self):
        self._check_to_confirm()
        for writeoff in self:
            if writeoff.warranty_supervisor_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Write-off %(name)s is confirmed for warranty by %(user)s only.",
                        name=writeoff.name,
                        user=writeoff.warranty_supervisor_id.name,
                    )
                )
        # sudo: the warranty supervisor may hold no parts rights; he was named on the write-off and
        # checked above, and this writes only his confirmation flag.
        self._as_workflow_write({"warranty_confirmed": True})
        return self.sudo()._check_joint_confirmation()

    def action_confirm_parts(self):
        self._check_to_confirm()
        if not self.env.user.has_group(GROUP_MANAGER):
            raise UserError(self.env._("Only the parts supervisor confirms for the parts department."))
        self._as_workflow_write({"parts_supervisor_id": self.env.user.id})
        return self._check_joint_confirmation()

    def _check_joint_confirmation(self):
        done = self.filtered(lambda w: w.service_manager_id and w.warranty_confirmed and w.parts_supervisor_id)
        if done:
            done._as_workflow_write({"state": "confirmed"})
            done.message_post(body=self.env._("Jointly confirmed by service, warranty and parts."))
        return True

    def _check_not_own(self):
        own = self.filtered(lambda w: w.requested_by_id == self.env.user)
        if own:
            raise UserError(self.env._("Write-off %(name)s: nobody approves their own write-off.", name=own[0].name))

    # Tier reviews of a write-off are written by these methods only (see tier_review.py): each checks the
    # caller, then runs base_tier_validation's own step through sudo(), which keeps the caller as env.user
    # so the tier still checks that he is one of its reviewers and records him as the reviewer.
    def request_validation(self):
        self._as_check_group(GROUP_CLERK, self.env._("Only parts staff request the approval of a write-off."))
        for writeoff in self:
            if writeoff.state != "confirmed":
                raise UserError(self.env._("Write-off %(name)s must be jointly confirmed first.", name=writeoff.name))
        return super(PartsWriteoff, self.sudo()).request_validation()

    def validate_tier(self):
        self._check_not_own()
        self._as_check_reviewer()
        return super(PartsWriteoff, self.sudo()).validate_tier()

    def reject_tier(self):
        self._check_not_own()
        self._as_check_reviewer()
        return super(PartsWriteoff, self.sudo()).reject_tier()

    def restart_validation(self):
        self._as_check_group(GROUP_MANAGER, self.env._("Only a parts manager restarts the approval of a write-off."))
        if any(writeoff.state in ("approved", "done") for writeoff in self):
            raise UserError(self.env._("An approved write-off cannot be reviewed again."))
        return super(PartsWriteoff, self.sudo()).restart_validation()

    def _as_check_reviewer(self):
        for writeoff in self:
            if not writeoff.review_ids.filtered(lambda review: self.env.user in review.reviewer_ids):
                raise AccessError(
                    self.env._(
                        "Write-off %(name)s: %(user)s is not one of its reviewers.",
                        name=writeoff.name,
                        user=self.env.user.name,
                    )
                )

    def action_approve(self):
        self._as_check_group(GROUP_MANAGER, self.env._("Only the parts supervisor approves a write-off."))
        self._check_not_own()
        self.invalidate_recordset(["review_ids", "validation_status", "need_validation"])
        for writeoff in self:
            if writeoff.state != "confirmed":
                raise UserError(self.env._("Write-off %(name)s must be jointly confirmed first.", name=writeoff.name))
            if writeoff.need_validation or (writeoff.review_ids and writeoff.validation_status != "validated"):
                raise UserError(
                    self.env._(
                        "Write-off %(name)s is waiting for approval: request validation and let every tier approve.",
                        name=writeoff.name,
                    )
                )
        for writeoff in self:
            picking = writeoff._move_to_pending_disposal()
            writeoff._as_workflow_write(
                {"state": "approved", "approved_by_id": self.env.user.id, "picking_id": picking.id}
            )
        return True

    def action_dispose(self):
        if not self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
            raise UserError(self.env._("Only the parts supervisor disposes of written-off parts."))
        for writeoff in self:
            if writeoff.state != "approved":
                raise UserError(self.env._("Write-off %(name)s is not approved.", name=writeoff.name))
            scraps = self.env["stock.scrap"].create(writeoff._prepare_scrap_vals())
            for scrap in scraps:
                scrap.action_validate()
        self._as_workflow_write({"state": "done"})
        return True

    def action_cancel(self):
        self._as_check_group(GROUP_CLERK, self.env._("Only parts staff cancel a write-off."))
        if any(w.state in ("approved", "done") for w in self):
            raise UserError(self.env._("An approved write-off cannot be cancelled; its parts await disposal."))
        self._as_workflow_write({"state": "cancel"})
        return True

    def action_draft(self):
        self._as_check_group(GROUP_CLERK, self.env._("Only parts staff reset a write-off to draft."))
        if any(w.state != "cancel" for w in self):
            raise UserError(self.env._("Only a cancelled write-off can be reset to draft."))
        self._as_workflow_write(
            {"state": "draft", "service_manager_id": False, "warranty_confirmed": False, "parts_supervisor_id": False}
        )
        return True

    # ------------------------------------------------------------------ business
    def _move_to_pending_disposal(self):
        """Move the approved parts, still valued, into the pending-disposal location."""
        self.ensure_one()
        destination = self.company_id._as_get_pending_disposal_location()
        warehouse = self.location_id.warehouse_id or self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.int_type_id.id,
                "location_id": self.location_id.id,
                "location_dest_id": destination.id,
                "origin": self.name,
                "company_id": self.company_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": line.product_id.display_name,
                            "product_id": line.product_id.id,
                            "product_uom_qty": line.quantity,
                            "product_uom": line.product_id.uom_id.id,
                            "location_id": self.location_id.id,
                            "location_dest_id": destination.id,
                        }
                    )
                    for line in self.line_ids
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        short = picking.move_ids.filtered(lambda m: m.quantity < m.product_uom_qty)
        if short:
            raise UserError(
                self.env._(
                    "Write-off %(name)s: %(part)s is not in stock at %(location)s.",
                    name=self.name,
                    part=short[0].product_id.display_name,
                    location=self.location_id.display_name,
                )
            )
        picking.move_ids.picked = True
        picking._action_done()
        return picking

    def _prepare_scrap_vals(self):
        self.ensure_one()
        location = self.picking_id.location_dest_id or self.company_id._as_get_pending_disposal_location()
        return [
            {
                "product_id": line.product_id.id,
                "scrap_qty": line.quantity,
                "product_uom_id": line.product_id.uom_id.id,
                "location_id": location.id,
                "origin": self.name,
                "company_id": self.company_id.id,
                "as_writeoff_id": self.id,
            }
            for line in self.line_ids
        ]
