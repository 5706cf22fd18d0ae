from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestWarrantyRoleTours(WarrantyCommon, HttpCase):
    """Each warranty role does its part in the web client, logged in as itself (never as admin)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.as_oem_partner_id = cls.oem
        cls.company.as_claim_min_attachments = 0
        # The dealer's clerk also opens work orders at the counter (advisor rights to read them).
        cls.clerk.groups_id |= cls.env.ref("aftersales_base.group_aftersales_advisor")

    def test_clerk_files_a_claim_from_a_work_order(self):
        order = self.env["repair.order"].create(
            {
                "vehicle_id": self.vehicle.id,
                "partner_id": self.owner.id,
                "odometer_in": 23000,
                "complaint": "前部异响",
                "diagnosis": "减震器漏油",
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.part.id,
                            "product_uom_qty": 1,
                            "repair_line_type": "add",
                            "payer": "warranty",
                        }
                    )
                ],
                "labour_line_ids": [Command.create({"operation_id": self.operation.id, "payer": "warranty"})],
            }
        )
        order.service_stage = "ready"
        url = f"/odoo/action-aftersales_base.repair_order_action_workshop/{order.id}"
        self.start_tour(url, "aftersales_warranty_clerk_claim_from_work_order", login="wty_clerk")
        claim = order.warranty_claim_ids
        self.assertEqual(len(claim), 1)
        self.assertRecordValues(
            claim, [{"state": "submitted", "submitted_by_id": self.clerk.id, "causal_product_id": self.part.id}]
        )
        self.assertTrue(claim.checked_date)
        self.assertEqual(claim.dealer_invoice_id.state, "posted")

    def test_reviewer_approves_partially_with_a_cut(self):
        claim = self._submitted_claim()
        claim.with_user(self.reviewer).action_start_review()
        url = f"/odoo/action-aftersales_warranty.aftersales_warranty_claim_action/{claim.id}"
        self.start_tour(url, "aftersales_warranty_reviewer_partial_approval", login="wty_reviewer")
        labour = claim.labour_line_ids
        self.assertRecordValues(labour, [{"approved_quantity": 1.5, "cut_reason": "工时按1.5小时核定"}])
        self.assertRecordValues(
            claim, [{"state": "partially_approved", "reviewer_id": self.reviewer.id, "amount_approved": 700.0}]
        )
