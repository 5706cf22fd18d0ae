from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

LEDGER_GROUPS = ("aftersales_parts.group_aftersales_parts_clerk", "aftersales_base.group_aftersales_advisor")


class OldPart(models.Model):
    _name = "aftersales.old.part"
    _description = "Old Part"
    _inherit = ["aftersales.numbered.mixin", "aftersales.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # the ledger records what the removal move did; its disposition moves through the buttons only
    _as_workflow_fields = (
        "disposition",
        "is_warranty",
        "handed_to_id",
        "move_id",
        "repair_id",
        "partner_id",
        "product_id",
        "quantity",
        "lot_id",
    )

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    date = fields.Datetime(string="Removed on", default=fields.Datetime.now, required=True, readonly=True)
    move_id = fields.Many2one("stock.move", string="Removal move", readonly=True, check_company=True, index=True)
    repair_id = fields.Many2one("repair.order", string="Work order", readonly=True, check_company=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one("product.product", string="Part", required=True, readonly=True, check_company=True)
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Lot/Serial", readonly=True)
    is_warranty = fields.Boolean(
        string="Warranty part",
        tracking=True,
        help="A warranty old part is handed to the warranty clerk and kept for the OEM; "
        "never returned to the customer.",
    )
    disposition = fields.Selection(
        [
            ("pending", "Pending"),
            ("warranty", "Warranty (held for the OEM)"),
            ("customer", "Returned to customer"),
            ("sales", "To parts sales"),
            ("scrapped", "Scrapped"),
        ],
        default="pending",
        required=True,
        tracking=True,
    )
    location_id = fields.Many2one("stock.location", string="Current location", check_company=True, tracking=True)
    retention_deadline = fields.Date(string="Keep until", tracking=True)
    handed_to_id = fields.Many2one("res.users", string="Handed to", tracking=True)
    note = fields.Text()

    _sql_constraints = [("move_unique", "unique(move_id, product_id)", "A removal move makes one ledger entry.")]

    @api.model
    def _prepare_old_part_vals(self, move):
        company = move.company_id
        payer = move["payer"] if "payer" in move._fields else False
        return {
            "company_id": company.id,
            "move_id": move.id,
            "repair_id": move.repair_id.id,
            "partner_id": move.repair_id.partner_id.id,
            "product_id": move.product_id.id,
            "quantity": move.quantity,
            "lot_id": move.move_line_ids.lot_id[:1].id,
            "is_warranty": payer == "warranty",
            "disposition": "warranty" if payer == "warranty" else "pending",
            "location_id": move.location_dest_id.id,
            "retention_deadline": fields.Date.context_today(self) + timedelta(days=company.as_old_part_retention_days),
        }

    @api.model
    def _create_from_moves(self, moves):
        # sudo: the ledger entry is written as a consequence of validating a work order, by a technician or
        # advisor who may not have the parts rights; the values come from the move, not from the user.
        return self.sudo().create([self._prepare_old_part_vals(move) for move in moves])

    def _check_pending(self):
        if not (self.env.su or any(self.env.user.has_group(group) for group in LEDGER_GROUPS)):
            raise AccessError(
                self.env._("Old part %(name)s: only parts staff or advisors dispose of old parts.", name=self[:1].name)
            )
        for part in self:
            if part.disposition not in ("pending", "warranty"):
                raise UserError(self.env._("Old part %(name)s has already been disposed of.", name=part.name))

    def action_to_warranty(self):
        self._check_pending()
        self._as_workflow_write({"disposition": "warranty", "is_warranty": True, "handed_to_id": self.env.user.id})
        return True

    def action_return_to_customer(self):
        self._check_pending()
        warranty = self.filtered("is_warranty")
        if warranty:
            raise UserError(
                self.env._(
                    "Old part %(name)s is a warranty part: it is kept for the OEM and never returned to the customer.",
                    name=warranty[0].name,
                )
            )
        self._as_workflow_write({"disposition": "customer", "location_id": False})
        return True

    def action_to_parts_sales(self):
        self._check_pending()
        if self.filtered("is_warranty"):
            raise UserError(self.env._("Warranty old parts stay with the warranty clerk."))
        self._as_workflow_write({"disposition": "sales"})
        return True

    def action_scrap(self):
        self._check_pending()
        self._as_workflow_write({"disposition": "scrapped"})
        return True

    def action_print_label(self):
        return self.env.ref("aftersales_parts.action_report_old_part_label").report_action(self)
