from odoo import api, fields, models


class AftersalesWarrantyPartReturn(models.Model):
    _inherit = "aftersales.warranty.part.return"

    old_part_id = fields.Many2one(
        "aftersales.old.part",
        string="Old-Part Ledger Entry",
        index="btree_not_null",
        readonly=True,
        help="The removed part in the dealer's old-part ledger that travels back to the OEM.",
    )

    def _as_workflow_field_names(self):
        # The ledger entry of the returned part is found by the return's creation, never chosen by hand.
        return super()._as_workflow_field_names() | {"old_part_id"}

    def _find_old_parts(self):
        """Ledger entries of the claim's work order for the returned parts, one per return."""
        OldPart = self.env["aftersales.old.part"]
        entries = OldPart.search(
            [("repair_id", "in", self.claim_id.repair_id.ids), ("product_id", "in", self.product_id.ids)]
        )
        taken = self.env["aftersales.warranty.part.return"].search([("old_part_id", "in", entries.ids)]).old_part_id
        for ret in self.filtered(lambda r: not r.old_part_id):
            match = (entries - taken).filtered(
                lambda e: e.repair_id == ret.claim_id.repair_id and e.product_id == ret.product_id
            )[:1]
            ret.old_part_id = match
            taken |= match

    @api.model_create_multi
    def create(self, vals_list):
        returns = super().create(vals_list)
        returns._find_old_parts()
        # The ledger entry of a claimed part is held for the OEM: a consequence of the claim that
        # the warranty user triggers, whatever their rights on the dealer's parts ledger.
        returns.old_part_id.sudo().filtered(lambda e: e.disposition == "pending").action_to_warranty()
        return returns

    def _as_ship_location(self, warehouse):
        # The old part leaves from where the dealer's old-part ledger keeps it.
        location = self.old_part_id.location_id
        return location if location.usage == "internal" else super()._as_ship_location(warehouse)

    def action_ship(self):
        res = super().action_ship()
        for ret in self.filtered(lambda r: r.old_part_id and r.claim_id.is_dealer_side and r.location_id):
            ret.old_part_id.sudo().location_id = ret.location_id  # the ledger follows the part to the OEM
        for ret in self.filtered("old_part_id"):
            ret.old_part_id.sudo().message_post(  # the ledger's history, logged by the system
                body=self.env._(
                    "Shipped to the OEM with claim %(claim)s (shipment %(ref)s).",
                    claim=ret.claim_id.display_name,
                    ref=ret.tracking_ref or "-",
                )
            )
        return res

    def action_judge(self, judgement, note=False):
        res = super().action_judge(judgement, note=note)
        for ret in self.filtered("old_part_id"):
            ret.old_part_id.sudo().message_post(  # the ledger's history, logged by the system
                body=self.env._("The OEM judged the returned part: %(judgement)s.", judgement=ret.judgement)
            )
        return res
