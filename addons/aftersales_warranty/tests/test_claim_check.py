from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import WarrantyCommon, make_vin


@tagged("post_install", "-at_install")
class TestClaimCheck(WarrantyCommon):
    def _codes(self, claim, severity="blocking"):
        return set(claim.problem_ids.filtered(lambda p: p.severity == severity).mapped("code"))

    def test_policy_of_the_model_wins_over_the_brand(self):
        """A vehicle model with its own policy uses it; others fall back to the brand's policy."""
        model_policy = self.env["aftersales.warranty.policy"].create(
            {"name": "秦PLUS 五年", "model_id": self.model.id, "months": 60, "km": 150000}
        )
        claim = self._new_claim()
        self.assertEqual(claim.policy_id, model_policy)
        other = self.env["fleet.vehicle"].create(
            {"model_id": self.other_model.id, "vin_sn": make_vin(9000002), "sale_date": self.today}
        )
        claim2 = self._new_claim(vehicle_id=other.id)
        self.assertEqual(claim2.policy_id, self.policy)

    def test_clerk_files_a_claim_through_the_form(self):
        """The warranty clerk fills in the claim form: policy, flat-rate hours and prices come by themselves."""
        with Form(self.env["aftersales.warranty.claim"].with_user(self.clerk)) as form:
            form.dealer_id = self.dealer
            form.vehicle_id = self.vehicle
            form.mileage = 23000
            form.causal_product_id = self.part
            with form.line_ids.new() as line:
                line.line_type = "part"
                line.product_id = self.part
            with form.line_ids.new() as line:
                line.line_type = "labour"
                line.operation_id = self.operation
        claim = form.record
        self.assertEqual(claim.policy_id, self.policy)
        self.assertRecordValues(
            claim.line_ids.sorted("line_type"),
            [
                {"line_type": "labour", "quantity": 2.0, "price_unit": 100.0, "amount_claimed": 200.0},
                {"line_type": "part", "quantity": 1.0, "price_unit": 500.0, "amount_claimed": 500.0},
            ],
        )
        self.assertEqual(claim.amount_total, 750.0)
        self.assertTrue(claim.name.startswith("SP"))

    def test_clean_claim_has_no_problem_and_submits(self):
        """A claim inside coverage, with photos and catalogue hours, is submitted by the warranty clerk."""
        claim = self._new_claim()
        self.assertEqual(claim.amount_total, 750.0)  # 500 part + 50 handling (10 %) + 2 h x 100
        claim.action_submit()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(claim.problem_ids)
        self.assertEqual(claim.submitted_by_id, self.clerk)

    def test_checker_lists_every_problem_and_refuses_submission(self):
        """Out of coverage by date and km, wear part, hours above the catalogue, no photos, late: all listed."""
        self.vehicle.sale_date = self.today - relativedelta(years=4)
        claim = self._new_claim(
            attach=0,
            mileage=120000,
            repair_date=self.today - relativedelta(days=45),
            line_ids=[
                Command.create({"line_type": "part", "product_id": self.part.id, "quantity": 1}),
                Command.create({"line_type": "part", "product_id": self.wear_part.id, "quantity": 1}),
                Command.create({"line_type": "labour", "operation_id": self.operation.id, "quantity": 3.5}),
            ],
        )
        with self.assertRaisesRegex(UserError, "blocking problems"):
            claim.action_submit()
        claim.action_check()
        self.assertEqual(
            self._codes(claim),
            {
                "out_of_coverage_date",
                "out_of_coverage_km",
                "excluded_part",
                "hours_above_catalogue",
                "attachments",
                "deadline",
            },
        )
        self.assertEqual(self._codes(claim, "warning"), {"parts_operation"})
        self.assertEqual(claim.state, "draft")

    def test_longer_coverage_for_traction_battery(self):
        """The battery is covered 8 years / 150,000 km while the vehicle's general coverage has ended."""
        self.vehicle.sale_date = self.today - relativedelta(years=5)
        claim = self._new_claim(
            causal_product_id=self.battery.id,
            mileage=110000,
            line_ids=[Command.create({"line_type": "part", "product_id": self.battery.id, "quantity": 1})],
        )
        claim.action_check()
        self.assertFalse(self._codes(claim))
        claim.mileage = 160000
        claim.action_check()
        self.assertEqual(self._codes(claim), {"out_of_coverage_km"})

    def test_operation_not_valid_for_the_model(self):
        """An operation with per-model times is refused on another model."""
        self.operation.time_ids = [Command.create({"model_id": self.other_model.id, "hours": 1.0})]
        claim = self._new_claim()
        claim.action_check()
        self.assertIn("operation_model", self._codes(claim))

    def test_duplicate_same_vin_and_part_within_window(self):
        """A second claim on the same VIN and causal part within the window is a duplicate, found in one query."""
        first = self._submitted_claim()
        second = self._new_claim(repair_date=self.today - relativedelta(days=10))
        second.flush_recordset()
        with self.assertQueryCount(1):
            duplicates = second._find_duplicates()
        self.assertEqual(duplicates, {second.id: [first.name]})
        with self.assertRaisesRegex(UserError, first.name):
            second.action_submit()
        # Outside the window (settings: 30 days) it is not a duplicate.
        self.company.as_claim_duplicate_days = 5
        second.action_check()
        self.assertNotIn("duplicate", self._codes(second))

    def test_double_submission_is_idempotent(self):
        """Submitting twice changes nothing the second time."""
        claim = self._submitted_claim()
        date, messages = claim.submitted_date, len(claim.message_ids)
        claim.action_submit()
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(claim.submitted_date, date)
        self.assertEqual(len(claim.message_ids), messages)

    def test_submitted_claim_cannot_be_edited(self):
        """The dealer cannot change a submitted claim or its lines."""
        claim = self._submitted_claim()
        with self.assertRaisesRegex(UserError, "can no longer be edited"):
            claim.with_user(self.clerk).write({"mileage": 1000})
        with self.assertRaisesRegex(UserError, "can no longer be edited"):
            claim.line_ids[0].with_user(self.clerk).write({"quantity": 3})
        with self.assertRaises(UserError):
            claim.with_user(self.clerk).unlink()
        # Nor can anyone jump the workflow by writing the status.
        with self.assertRaises(AccessError):
            claim.with_user(self.clerk).write({"state": "approved"})
        with self.assertRaises(AccessError):
            claim.with_user(self.manager).write({"reviewer_id": self.manager.id})

    def test_other_company_cannot_read_the_claims(self):
        """A warranty clerk of another company sees none of this company's claims."""
        claim = self._new_claim()
        other_company = self.env["res.company"].create({"name": "另一家4S店"})
        stranger = new_test_user(
            self.env,
            login="wty_stranger",
            groups="aftersales_warranty.group_aftersales_warranty_clerk",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        Claim = self.env["aftersales.warranty.claim"].with_user(stranger)
        self.assertNotIn(claim, Claim.search([]))
        with self.assertRaises(AccessError):
            Claim.browse(claim.id).read(["name"])

    def test_figures_no_real_repair_has_block_submission(self):
        """Negative quantity or mileage, mileage below the odometer, repair before the sale or in the future,
        a claim worth nothing: each is a blocking problem and the claim stays a draft."""
        self.env["fleet.vehicle.odometer"].create(
            {"vehicle_id": self.vehicle.id, "value": 30000, "date": self.today - relativedelta(days=10)}
        )
        cases = {
            "negative_quantity": {
                "mileage": 31000,
                "line_ids": [Command.create({"line_type": "part", "product_id": self.part.id, "quantity": -1})],
            },
            "negative_mileage": {"mileage": -5},
            "mileage_below_odometer": {"mileage": 23000},
            "repair_before_sale": {"mileage": 31000, "repair_date": self.vehicle.sale_date - relativedelta(days=1)},
            "repair_in_future": {"mileage": 31000, "repair_date": self.today + relativedelta(days=3)},
            "zero_amount": {
                "mileage": 31000,
                "line_ids": [
                    Command.create({"line_type": "part", "product_id": self.part.id, "quantity": 1, "price_unit": 0.0})
                ],
            },
        }
        for code, vals in cases.items():
            with self.subTest(code=code):
                claim = self._new_claim(**vals)
                claim.action_check()
                self.assertIn(code, self._codes(claim))
                with self.assertRaisesRegex(UserError, "blocking problems"):
                    claim.with_user(self.clerk).action_submit()
                self.assertEqual(claim.state, "draft")
        # A mileage above the recorded odometer, repaired today: no such problem.
        claim = self._new_claim(mileage=31000)
        claim.action_submit()
        self.assertEqual(claim.state, "submitted")

    def test_site_adds_a_rule_and_relaxes_another_with_super(self):
        """The checker is one method per rule: a site appends its own rule to the list and overrides another with
        super(); the claim's problems follow, the other rules are untouched."""
        Claim = type(self.env["aftersales.warranty.claim"])
        rules, attachments = Claim._as_check_rules, Claim._as_rule_attachments

        def site_rules(claim):
            return [*rules(claim), "_as_rule_site_complaint"]

        def site_complaint(claim, data):
            return [] if claim.complaint else [("no_lines", "warning", "Describe the complaint.")]

        def site_attachments(claim, data):  # this site takes the photos on its own system
            return [p for p in attachments(claim, data) if p[1] != "blocking"]

        claim = self._new_claim(attach=0, complaint=False)
        claim.action_check()
        self.assertEqual(self._codes(claim), {"attachments"})
        with (
            patch.object(Claim, "_as_check_rules", site_rules),
            patch.object(Claim, "_as_rule_site_complaint", site_complaint, create=True),
            patch.object(Claim, "_as_rule_attachments", site_attachments),
        ):
            claim.action_check()
        self.assertFalse(self._codes(claim))
        self.assertEqual(claim.problem_ids.mapped("message"), ["Describe the complaint."])

    def test_each_rule_reports_its_own_problem(self):
        """Each rule method, called alone, returns only the problems of its own criterion."""
        self.vehicle.sale_date = self.today - relativedelta(years=4)
        claim = self._new_claim(attach=0, mileage=120000)
        data = claim._as_check_data()
        self.assertEqual([p[0] for p in claim._as_rule_coverage_date(data)], ["out_of_coverage_date"])
        self.assertEqual([p[0] for p in claim._as_rule_coverage_km(data)], ["out_of_coverage_km"])
        self.assertEqual([p[0] for p in claim._as_rule_attachments(data)], ["attachments"])
        self.assertEqual(claim._as_rule_duplicates(data), [])
        self.assertEqual(
            [p for rule in claim._as_check_rules() for p in getattr(claim, rule)(data)],
            claim._get_problems()[claim.id],
        )
