from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class RepairOrder(models.Model):
    _inherit = "repair.order"

    warranty_claim_ids = fields.One2many("aftersales.warranty.claim", "repair_id", string="Warranty Claims")
    warranty_claim_count = fields.Integer(compute="_compute_warranty_claim_count", string="Claims")
    campaign_vehicle_ids = fields.Many2many(
        "aftersales.warranty.campaign.vehicle",
        compute="_compute_campaign_vehicle_ids",
        string="Open Campaigns",
        help="Recalls and service campaigns still to perform on this vehicle.",
    )
    warranty_signoff_id = fields.Many2one(
        "res.users", string="Warranty Sign-Off", readonly=True, copy=False, tracking=True
    )
    has_warranty_parts = fields.Boolean(compute="_compute_has_warranty_parts")
    warranty_unsigned = fields.Boolean(compute="_compute_has_warranty_parts", string="Warranty Parts to Sign Off")

    def _as_workflow_field_names(self):
        # The warranty clerk's sign-off is given by its button only.
        return super()._as_workflow_field_names() | {"warranty_signoff_id"}

    def _compute_warranty_claim_count(self):
        counts = dict(
            self.env["aftersales.warranty.claim"]._read_group(
                [("repair_id", "in", self.ids)], ["repair_id"], ["__count"]
            )
        )
        for order in self:
            order.warranty_claim_count = counts.get(order, 0)

    @api.depends("vehicle_id")
    def _compute_campaign_vehicle_ids(self):
        lines = self.env["aftersales.warranty.campaign.vehicle"].search(
            [
                ("vehicle_id", "in", self.vehicle_id.ids),
                ("campaign_id.state", "=", "open"),
                ("claim_id", "=", False),
            ]
        )
        for order in self:
            order.campaign_vehicle_ids = lines.filtered(lambda x, v=order.vehicle_id: x.vehicle_id == v)

    @api.depends("move_ids.payer", "move_ids.repair_line_type", "move_ids.as_warranty_signoff_id", "move_ids.state")
    def _compute_has_warranty_parts(self):
        for order in self:
            order.has_warranty_parts = any(
                m.payer == "warranty" and m.repair_line_type == "add" for m in order.move_ids
            )
            order.warranty_unsigned = bool(order.move_ids._as_warranty_unsigned())

    # ------------------------------------------------------------------ sign-off
    def action_warranty_signoff(self):
        """The warranty clerk signs off the warranty parts before they are issued: each part on
        its own, so a warranty part added later (additional work) needs a sign-off of its own."""
        self.env["aftersales.warranty.claim"]._check_group(
            "aftersales_warranty.group_aftersales_warranty_clerk", self.env._("sign off warranty parts of")
        )
        for order in self:
            moves = order.move_ids._as_warranty_unsigned()
            if not moves:
                raise UserError(
                    self.env._("Work order %(wo)s has no warranty part waiting for a sign-off.", wo=order.name)
                )
            moves._as_workflow_write({"as_warranty_signoff_id": self.env.uid})
            order._as_workflow_write({"warranty_signoff_id": self.env.uid})
            order.message_post(
                body=self.env._(
                    "Warranty parts signed off by the warranty clerk: %(parts)s.",
                    parts=", ".join(moves.product_id.mapped("display_name")),
                )
            )
        return True

    def action_issue_parts(self):
        for order in self:
            unsigned = order.move_ids._as_warranty_unsigned()
            if unsigned:
                raise UserError(
                    self.env._(
                        "Work order %(wo)s: warranty parts are issued only with the warranty clerk's sign-off "
                        "(each part its own): %(parts)s.",
                        wo=order.name,
                        parts=", ".join(unsigned.product_id.mapped("display_name")),
                    )
                )
        return super().action_issue_parts()

    # ------------------------------------------------------------------ claims
    def _unclaimed_warranty_lines(self):
        claimed = self.env["aftersales.warranty.claim.line"].search(
            ["|", ("move_id", "in", self.move_ids.ids), ("labour_line_id", "in", self.labour_line_ids.ids)]
        )
        moves = (
            self.move_ids.filtered(
                lambda m: m.payer == "warranty" and m.repair_line_type == "add" and m.state != "cancel"
            )
            - claimed.move_id
        )
        labour = self.labour_line_ids.filtered(lambda x: x.payer == "warranty") - claimed.labour_line_id
        return moves, labour

    def _prepare_warranty_claim_vals(self, product, moves, labour):
        self.ensure_one()
        lines = [
            Command.create(
                {
                    "line_type": "part",
                    "product_id": m.product_id.id,
                    "quantity": m.product_uom_qty,
                    "move_id": m.id,
                }
            )
            for m in moves
        ]
        lines += [
            Command.create(
                {
                    "line_type": "labour",
                    "operation_id": x.operation_id.id,
                    "name": x.name,
                    "quantity": x.hours,
                    "labour_line_id": x.id,
                }
            )
            for x in labour
        ]
        return {
            "company_id": self.company_id.id,
            "dealer_id": self.company_id.partner_id.id,
            "oem_partner_id": self.company_id.as_oem_partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "repair_id": self.id,
            "repair_date": fields.Date.context_today(
                self, self.delivered_date or self.ready_date or fields.Datetime.now()
            ),
            "mileage": self.odometer_in,
            "complaint": self.complaint,
            "cause": self.diagnosis,
            "correction": ", ".join(labour.mapped("name")),
            "causal_product_id": product.id,
            "line_ids": lines,
        }

    def action_create_warranty_claims(self):
        """One claim per causal part from the warranty-paid lines not yet claimed."""
        self.env["aftersales.warranty.claim"]._check_group(
            "aftersales_warranty.group_aftersales_warranty_clerk", self.env._("create claims from")
        )
        vals_list = []
        for order in self:
            if order.service_stage not in ("ready", "delivered"):
                raise UserError(
                    self.env._("Work order %(wo)s: claims are filed once the work is finished.", wo=order.name)
                )
            moves, labour = order._unclaimed_warranty_lines()
            if not moves and not labour:
                raise UserError(self.env._("Work order %(wo)s has no warranty line left to claim.", wo=order.name))
            by_product = moves.grouped("product_id")
            products = list(by_product) or [self.env["product.product"]]
            assigned = {product: self.env["aftersales.labour.line"] for product in products}
            for line in labour:
                categories = line.operation_id.warranty_categ_ids
                product = next(
                    (
                        p
                        for p in products
                        if p and any(p.categ_id.parent_path.startswith(c.parent_path) for c in categories)
                    ),
                    products[0],
                )
                assigned[product] |= line
            for product in products:
                vals_list.append(
                    order._prepare_warranty_claim_vals(
                        product, by_product.get(product, self.env["stock.move"]), assigned[product]
                    )
                )
        claims = self.env["aftersales.warranty.claim"].create(vals_list)
        return claims._action_open()

    def action_perform_campaign(self):
        """Perform the open campaigns of the vehicle: a warranty labour line and its claim."""
        self.ensure_one()
        self.env["aftersales.warranty.claim"]._check_group(
            "aftersales_warranty.group_aftersales_warranty_clerk", self.env._("perform a campaign on")
        )
        lines = self.campaign_vehicle_ids
        if not lines:
            raise UserError(self.env._("Work order %(wo)s: no open campaign for this vehicle.", wo=self.name))
        vals_list = []
        for line in lines:
            campaign = line.campaign_id
            # sudo: the warranty clerk performing the recall has no labour-line rights of her own; the line is
            # the campaign's operation at the OEM's expense, on the work order she opened, no user value in it.
            labour = (
                self.env["aftersales.labour.line"]
                .sudo()
                .create({"repair_id": self.id, "operation_id": campaign.operation_id.id, "payer": "warranty"})
                .sudo(False)
            )
            vals = self._prepare_warranty_claim_vals(self.env["product.product"], self.env["stock.move"], labour)
            vals.update(
                claim_type="campaign",
                campaign_id=campaign.id,
                complaint=campaign.name,
                cause=campaign.code,
            )
            vals_list.append(vals)
        claims = self.env["aftersales.warranty.claim"].create(vals_list)
        for line, claim in zip(lines, claims, strict=True):
            line._as_workflow_write({"claim_id": claim.id})
        return claims._action_open()

    def action_view_warranty_claims(self):
        self.ensure_one()
        return self.warranty_claim_ids._action_open()
