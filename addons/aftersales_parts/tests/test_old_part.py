from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestOldPart(PartsCommon):
    def _repair_with_removed_part(self):
        self._stock(self.pad, 2)
        repair = self.env["repair.order"].create({"partner_id": self.customer.id})
        self.env["stock.move"].create(
            [
                {"repair_id": repair.id, "repair_line_type": "add", "product_id": self.pad.id, "product_uom_qty": 1.0},
                {
                    "repair_id": repair.id,
                    "repair_line_type": "remove",
                    "product_id": self.pad.id,
                    "product_uom_qty": 1.0,
                },
            ]
        )
        repair.action_validate()
        repair.action_repair_start()
        repair.move_ids.quantity = 1.0
        repair.action_repair_end()
        return repair

    def test_removed_part_lands_in_the_ledger(self):
        """Closing a work order with a removed part creates its old-part entry with a retention deadline."""
        repair = self._repair_with_removed_part()
        old = self.env["aftersales.old.part"].search([("repair_id", "=", repair.id)])
        removal = repair.move_ids.filtered(lambda m: m.repair_line_type == "remove")
        self.assertRecordValues(
            old,
            [
                {
                    "product_id": self.pad.id,
                    "quantity": 1.0,
                    "disposition": "pending",
                    "partner_id": self.customer.id,
                    "move_id": removal.id,
                    "location_id": removal.location_dest_id.id,
                }
            ],
        )
        self.assertTrue(old.name.startswith("JJ"))
        self.assertEqual((old.retention_deadline - old.date.date()).days, self.company.as_old_part_retention_days)
        self.assertFalse(
            self.env["aftersales.old.part"].search(
                [("move_id", "=", repair.move_ids.filtered(lambda m: m.repair_line_type == "add").id)]
            ),
            "a new part fitted is not an old part",
        )

    def test_warranty_old_part_is_never_returned_to_the_customer(self):
        """Once handed to the warranty clerk, the part cannot go back to the customer."""
        repair = self._repair_with_removed_part()
        old = self.env["aftersales.old.part"].search([("repair_id", "=", repair.id)])
        old.with_user(self.advisor).action_to_warranty()
        with self.assertRaisesRegex(UserError, "never returned"):
            old.with_user(self.advisor).action_return_to_customer()
        with self.assertRaises(UserError):
            old.with_user(self.advisor).action_to_parts_sales()

    def test_non_warranty_part_goes_back_to_the_customer(self):
        """A non-warranty old part may be returned to the customer, once."""
        repair = self._repair_with_removed_part()
        old = self.env["aftersales.old.part"].search([("repair_id", "=", repair.id)])
        old.with_user(self.advisor).action_return_to_customer()
        self.assertEqual(old.disposition, "customer")
        with self.assertRaises(UserError):
            old.with_user(self.advisor).action_scrap()

    def test_label_carries_a_qr_code_of_the_reference(self):
        """The printable label embeds a QR code of the ledger reference."""
        repair = self._repair_with_removed_part()
        old = self.env["aftersales.old.part"].search([("repair_id", "=", repair.id)])
        html = self.env["ir.actions.report"]._render_qweb_html(
            "aftersales_parts.action_report_old_part_label", old.ids
        )[0]
        self.assertIn(f"barcode_type=QR&amp;value={old.name}".encode(), html)
