from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestWorkOrder(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.as_oem_partner_id = cls.oem
        cls.part2 = cls.env["product.product"].create(
            {
                "name": "前稳定杆连杆",
                "default_code": "SL-001",
                "is_storable": True,
                "categ_id": cls.categ_chassis.id,
                "standard_price": 120.0,
            }
        )
        cls.clerk.groups_id |= cls.env.ref("aftersales_base.group_aftersales_advisor")

    def _order(self, stage="ready", moves=None):
        order = self.env["repair.order"].create(
            {
                "vehicle_id": self.vehicle.id,
                "partner_id": self.owner.id,
                "odometer_in": 23000,
                "complaint": "前部异响",
                "diagnosis": "减震器漏油，稳定杆连杆球头松旷",
                "move_ids": moves
                or [
                    Command.create(
                        {"product_id": p.id, "product_uom_qty": 1, "repair_line_type": "add", "payer": payer}
                    )
                    for p, payer in ((self.part, "warranty"), (self.part2, "warranty"), (self.wear_part, "customer"))
                ],
                "labour_line_ids": [Command.create({"operation_id": self.operation.id, "payer": "warranty"})],
            }
        )
        order.service_stage = stage
        return order

    def test_create_claims_one_per_causal_part(self):
        """The warranty lines of a finished work order become one claim per causal part, once."""
        order = self._order()
        order.with_user(self.clerk).action_create_warranty_claims()
        claims = order.warranty_claim_ids.sorted(lambda c: c.causal_product_id.default_code)
        self.assertEqual(claims.causal_product_id, self.part | self.part2)
        self.assertRecordValues(
            claims,
            [
                {"dealer_id": self.company.partner_id.id, "oem_partner_id": self.oem.id, "mileage": 23000.0},
                {"dealer_id": self.company.partner_id.id, "oem_partner_id": self.oem.id, "mileage": 23000.0},
            ],
        )
        shock = claims.filtered(lambda c: c.causal_product_id == self.part)
        # The labour of the shock absorber operation goes to the shock absorber claim; customer parts stay out.
        self.assertEqual(shock.labour_line_ids.operation_id, self.operation)
        self.assertNotIn(self.wear_part, claims.line_ids.product_id)
        self.assertTrue(all(claims.mapped("is_dealer_side")))
        with self.assertRaisesRegex(UserError, "no warranty line left"):
            order.with_user(self.clerk).action_create_warranty_claims()

    def test_claims_only_from_finished_work(self):
        order = self._order(stage="in_progress")
        with self.assertRaisesRegex(UserError, "finished"):
            order.with_user(self.clerk).action_create_warranty_claims()

    def test_warranty_parts_need_the_clerk_sign_off(self):
        """Issuing warranty parts is refused until the warranty clerk signs off."""
        order = self._order(stage="in_progress")
        advisor = new_test_user(self.env, login="wty_advisor", groups="aftersales_base.group_aftersales_advisor")
        with self.assertRaisesRegex(UserError, "sign-off"):
            order.with_user(advisor).action_issue_parts()
        order.with_user(self.clerk).action_warranty_signoff()
        self.assertEqual(order.warranty_signoff_id, self.clerk)
        warranty_parts = order.move_ids.filtered(lambda m: m.payer == "warranty")
        self.assertEqual(warranty_parts.as_warranty_signoff_id, self.clerk)

    def test_each_warranty_part_needs_its_own_sign_off(self):
        """A warranty part added after the sign-off (additional work) waits for a sign-off of its own."""
        order = self._order(stage="in_progress")
        order.with_user(self.clerk).action_warranty_signoff()
        order.write(
            {
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.part2.id,
                            "product_uom_qty": 1,
                            "repair_line_type": "add",
                            "payer": "warranty",
                        }
                    )
                ]
            }
        )
        later = order.move_ids.filtered(lambda m: m.payer == "warranty" and not m.as_warranty_signoff_id)
        self.assertEqual(len(later), 1)
        self.assertTrue(order.warranty_unsigned)
        advisor = new_test_user(self.env, login="wty_advisor2", groups="aftersales_base.group_aftersales_advisor")
        with self.assertRaisesRegex(UserError, "each part its own"):
            order.with_user(advisor).action_issue_parts()
        # Nobody writes the sign-off by hand, the clerk included.
        with self.assertRaises(AccessError):
            later.with_user(self.clerk).write({"as_warranty_signoff_id": self.clerk.id})
        order.with_user(self.clerk).action_warranty_signoff()
        self.assertEqual(later.as_warranty_signoff_id, self.clerk)
        self.assertFalse(order.warranty_unsigned)
        with self.assertRaisesRegex(UserError, "no warranty part waiting"):
            order.with_user(self.clerk).action_warranty_signoff()

    def test_warranty_old_parts_never_go_back_to_the_customer(self):
        order = self._order(
            stage="in_progress",
            moves=[
                Command.create(
                    {"product_id": self.part.id, "product_uom_qty": 1, "repair_line_type": "add", "payer": "warranty"}
                )
            ],
        )
        with self.assertRaises(ValidationError):
            order.return_old_parts = True

    def test_campaign_shown_at_reception_and_performed(self):
        """An open recall on the vehicle shows on its work order; performing it files the campaign claim."""
        campaign = self.env["aftersales.warranty.campaign"].create(
            {
                "name": "前减震器召回",
                "code": "RC-2026-01",
                "operation_id": self.operation.id,
                "vin_list": self.vehicle.vin_sn,
            }
        )
        campaign.action_load_vehicles()
        campaign.action_open()
        order = self._order(stage="reception", moves=[Command.clear()])
        self.assertEqual(order.campaign_vehicle_ids.campaign_id, campaign)
        order.with_user(self.clerk).action_perform_campaign()
        claim = order.warranty_claim_ids
        self.assertRecordValues(claim, [{"claim_type": "campaign", "campaign_id": campaign.id}])
        self.assertEqual(campaign.completion_rate, 100.0)
        order.invalidate_recordset(["campaign_vehicle_ids"])
        self.assertFalse(order.campaign_vehicle_ids)
