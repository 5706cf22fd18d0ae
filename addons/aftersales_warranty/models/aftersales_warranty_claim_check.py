"""The check before submission: one method per rule, gathered by ``_get_problems``.

Each rule ``_as_rule_<name>(data)`` looks at one claim and returns its findings, a list of
``(code, severity, message)``; ``data`` holds what the rules read for the whole batch of claims in a fixed
number of queries (``_as_check_data``). An addon changes a rule by overriding its method with ``super()``,
adds one by appending its method name to ``_as_check_rules``, and adds batch data in ``_as_check_data``.
"""

from datetime import timedelta

from odoo import fields, models
from odoo.tools import create_index, float_compare


# The claim is split by concern into files of the same model (checker, accounting, KPI, portal), as OCA does.
class AftersalesWarrantyClaim(models.Model):
    _inherit = "aftersales.warranty.claim"  # pylint: disable=consider-merging-classes-inherited

    def init(self):
        res = super().init()
        # The duplicate check looks claims up by vehicle, causal part and repair date.
        create_index(
            self.env.cr,
            "aftersales_warranty_claim_duplicate_index",
            self._table,
            ["vehicle_id", "causal_product_id", "repair_date"],
        )
        return res

    # ------------------------------------------------------------------ orchestration
    def _as_check_rules(self):
        """The names of the rule methods, in the order their problems are listed."""
        return [
            "_as_rule_negative_figures",
            "_as_rule_odometer",
            "_as_rule_dates",
            "_as_rule_zero_amount",
            "_as_rule_lines",
            "_as_rule_causal_part",
            "_as_rule_policy",
            "_as_rule_coverage_date",
            "_as_rule_coverage_km",
            "_as_rule_wear_parts",
            "_as_rule_operations",
            "_as_rule_hours",
            "_as_rule_parts_operation",
            "_as_rule_attachments",
            "_as_rule_deadline",
            "_as_rule_duplicates",
        ]

    def _as_check_data(self):
        """What the rules need for all the claims of ``self``, read at once."""
        return {
            "today": fields.Date.context_today(self),
            "attachments": dict(
                self.env["ir.attachment"]._read_group(
                    [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["__count"]
                )
            ),
            "duplicates": self._find_duplicates(),
            "odometers": self._recorded_odometers(),
        }

    def _get_problems(self):
        """Every problem of each claim: {claim_id: [(code, severity, message)]}, a fixed number of queries."""
        data = self._as_check_data()
        rules = self._as_check_rules()
        return {claim.id: [problem for rule in rules for problem in getattr(claim, rule)(data)] for claim in self}

    def action_check(self):
        """Run the checker and store its problems on the claims (drafts: a submitted claim keeps its check)."""
        self._check_state("draft")
        problems = self._get_problems()
        self.problem_ids.sudo().unlink()  # sudo: problems are the checker's output, never edited by hand
        self.env["aftersales.warranty.claim.problem"].sudo().create(
            [
                {"claim_id": claim_id, "code": code, "severity": severity, "message": message}
                for claim_id, rows in problems.items()
                for code, severity, message in rows
            ]
        )
        self._as_workflow_write({"checked_date": fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------ batch data
    def _recorded_odometers(self):
        """{claim id: the highest odometer reading of its vehicle recorded up to the repair date}."""
        readings = (
            self.env["fleet.vehicle.odometer"]
            .sudo()
            .search(  # sudo: readings only compared, never shown
                [("vehicle_id", "in", self.vehicle_id.ids)]
            )
        )
        result = {}
        for claim in self:
            values = readings.filtered(
                lambda r, c=claim: r.vehicle_id == c.vehicle_id and (not r.date or r.date <= c.repair_date)
            ).mapped("value")
            result[claim.id] = max(values, default=0.0)
        return result

    def _find_duplicates(self):
        """Other live claims of the same company with the same vehicle and causal part within the window: one
        indexed query. (A dealer company's own claim and its copy at the OEM company are one claim, at two sites.)"""
        claims = self.filtered(lambda c: c.id and c.causal_product_id)
        if not claims:
            return {}
        self.flush_model(["vehicle_id", "causal_product_id", "repair_date", "state", "company_id", "name"])
        self.env["res.company"].flush_model(["as_claim_duplicate_days"])
        self.env.cr.execute(
            """
            SELECT c.id, o.name
              FROM aftersales_warranty_claim c
              JOIN res_company rc ON rc.id = c.company_id
              JOIN aftersales_warranty_claim o
                ON o.vehicle_id = c.vehicle_id
               AND o.causal_product_id = c.causal_product_id
               AND o.repair_date BETWEEN c.repair_date - rc.as_claim_duplicate_days
                                     AND c.repair_date + rc.as_claim_duplicate_days
               AND o.id != c.id
               AND o.company_id = c.company_id
               AND o.state NOT IN ('draft', 'rejected')
             WHERE c.id IN %s
             ORDER BY o.name
            """,
            [tuple(claims.ids)],
        )
        result = {}
        for claim_id, other in self.env.cr.fetchall():
            result.setdefault(claim_id, []).append(other)
        return result

    # ------------------------------------------------------------------ rules: figures no real repair has
    def _as_rule_negative_figures(self, data):
        """Negative quantities or prices on a line."""
        self.ensure_one()
        return [
            (
                "negative_quantity",
                "blocking",
                self.env._("Line %(line)s: quantities and prices cannot be negative.", line=line.name),
            )
            for line in self.line_ids.filtered(lambda x: x.quantity < 0 or x.price_unit < 0)
        ]

    def _as_rule_odometer(self, data):
        """A negative mileage, or one below the vehicle's odometer recorded up to the repair date."""
        self.ensure_one()
        odometer = data["odometers"].get(self.id, 0.0)
        if self.mileage < 0:
            return [("negative_mileage", "blocking", self.env._("The mileage cannot be negative."))]
        if odometer and float_compare(self.mileage, odometer, precision_digits=0) < 0:
            return [
                (
                    "mileage_below_odometer",
                    "blocking",
                    self.env._(
                        "%(mileage)s km is below the %(odometer)s km already recorded for the vehicle.",
                        mileage=int(self.mileage),
                        odometer=int(odometer),
                    ),
                )
            ]
        return []

    def _as_rule_dates(self, data):
        """A repair before the sale or in the future."""
        self.ensure_one()
        problems = []
        sale_date = self.vehicle_id.sale_date
        if sale_date and self.repair_date < sale_date:
            problems.append(
                (
                    "repair_before_sale",
                    "blocking",
                    self.env._(
                        "Repaired on %(date)s, before the sale date %(sale)s.", date=self.repair_date, sale=sale_date
                    ),
                )
            )
        if self.repair_date > data["today"]:
            problems.append(
                (
                    "repair_in_future",
                    "blocking",
                    self.env._("The repair date %(date)s is in the future.", date=self.repair_date),
                )
            )
        return problems

    def _as_rule_zero_amount(self, data):
        """Lines worth nothing in total."""
        self.ensure_one()
        if self.line_ids and self.currency_id.is_zero(self.amount_total):
            return [("zero_amount", "blocking", self.env._("The claim is worth nothing: nothing to claim."))]
        return []

    # ------------------------------------------------------------------ rules: what the claim must name
    def _as_rule_lines(self, data):
        self.ensure_one()
        if not self.line_ids:
            return [("no_lines", "blocking", self.env._("The claim has no part, labour or sublet line."))]
        return []

    def _as_rule_causal_part(self, data):
        self.ensure_one()
        if self.claim_type == "warranty" and not self.causal_product_id:
            return [("no_causal_part", "blocking", self.env._("Name the causal part."))]
        return []

    def _as_rule_policy(self, data):
        """A policy covers the vehicle's model; a warranty repair needs the sale date (the warranty start)."""
        self.ensure_one()
        if not self.policy_id:
            model = self.vehicle_id.model_id
            return [
                (
                    "no_policy",
                    "blocking",
                    self.env._("No warranty policy covers vehicle model %(model)s.", model=model.display_name or "-"),
                )
            ]
        if self.claim_type == "warranty" and not self.vehicle_id.sale_date:
            return [("no_sale_date", "blocking", self.env._("The vehicle has no sale date: warranty start unknown."))]
        return []

    # ------------------------------------------------------------------ rules: coverage
    def _as_rule_coverage_date(self, data):
        """A warranty repair within the policy's months (of the causal part) after the sale date."""
        self.ensure_one()
        policy, sale_date = self.policy_id, self.vehicle_id.sale_date
        if self.claim_type != "warranty" or not policy or not sale_date:
            return []
        months = policy._coverage(self.causal_product_id)[1]
        if self.repair_date > policy._end_date(sale_date, months):
            return [
                (
                    "out_of_coverage_date",
                    "blocking",
                    self.env._(
                        "Out of coverage: repaired on %(date)s, more than %(months)s months after the sale "
                        "date %(sale)s.",
                        date=self.repair_date,
                        months=months,
                        sale=sale_date,
                    ),
                )
            ]
        return []

    def _as_rule_coverage_km(self, data):
        """A warranty repair within the policy's kilometres (of the causal part)."""
        self.ensure_one()
        if self.claim_type != "warranty" or not self.policy_id:
            return []
        km = self.policy_id._coverage(self.causal_product_id)[2]
        if km and self.mileage > km:
            return [
                (
                    "out_of_coverage_km",
                    "blocking",
                    self.env._(
                        "Out of coverage: %(mileage)s km is above the %(km)s km of the policy.",
                        mileage=int(self.mileage),
                        km=km,
                    ),
                )
            ]
        return []

    def _as_rule_wear_parts(self, data):
        """No wear part excluded by the policy: the causal part of a warranty repair, nor any other part line."""
        self.ensure_one()
        policy = self.policy_id
        if not policy:
            return []
        products = [self.causal_product_id] if self.claim_type == "warranty" and self.causal_product_id else []
        products += [line.product_id for line in self.part_line_ids if line.product_id != self.causal_product_id]
        return [
            (
                "excluded_part",
                "blocking",
                self.env._("Part %(part)s is a wear part excluded from warranty.", part=product.display_name),
            )
            for product in products
            if policy._coverage(product)[0]
        ]

    # ------------------------------------------------------------------ rules: labour
    def _as_rule_operations(self, data):
        """Each labour line names an operation code valid for the vehicle's model."""
        self.ensure_one()
        model = self.vehicle_id.model_id
        problems = []
        for line in self.labour_line_ids:
            operation = line.operation_id
            if not operation:
                problems.append(
                    (
                        "no_operation",
                        "blocking",
                        self.env._("Labour line %(line)s has no operation code.", line=line.name),
                    )
                )
            elif operation.time_ids and model not in operation.time_ids.model_id:
                problems.append(
                    (
                        "operation_model",
                        "blocking",
                        self.env._(
                            "Operation %(op)s is not valid for vehicle model %(model)s.",
                            op=operation.display_name,
                            model=model.display_name,
                        ),
                    )
                )
        return problems

    def _as_rule_hours(self, data):
        """The hours of each valid operation within the flat-rate catalogue of the vehicle's model."""
        self.ensure_one()
        model = self.vehicle_id.model_id
        problems = []
        for line in self.labour_line_ids:
            operation = line.operation_id
            if not operation or (operation.time_ids and model not in operation.time_ids.model_id):
                continue  # _as_rule_operations reports it
            catalogue = operation._hours_for_model(model)
            if float_compare(line.quantity, catalogue, precision_digits=2) > 0:
                problems.append(
                    (
                        "hours_above_catalogue",
                        "blocking",
                        self.env._(
                            "Operation %(op)s: %(hours)s hours claimed, the catalogue allows %(catalogue)s.",
                            op=operation.display_name,
                            hours=line.quantity,
                            catalogue=catalogue,
                        ),
                    )
                )
        return problems

    def _as_rule_parts_operation(self, data):
        """Warning: a part outside the part categories of the operations claimed."""
        self.ensure_one()
        categories = self.labour_line_ids.operation_id.warranty_categ_ids
        if not categories:
            return []
        return [
            (
                "parts_operation",
                "warning",
                self.env._(
                    "Part %(part)s does not belong to the operations claimed.", part=line.product_id.display_name
                ),
            )
            for line in self.part_line_ids
            if not any(line.product_id.categ_id.parent_path.startswith(c.parent_path) for c in categories)
        ]

    # ------------------------------------------------------------------ rules: evidence and timing
    def _as_rule_attachments(self, data):
        """The company's minimum number of photos."""
        self.ensure_one()
        minimum = self.company_id.as_claim_min_attachments
        found = data["attachments"].get(self.id, 0)
        if found < minimum:
            return [
                (
                    "attachments",
                    "blocking",
                    self.env._(
                        "Attach at least %(count)s photos (old part, odometer); %(found)s attached.",
                        count=minimum,
                        found=found,
                    ),
                )
            ]
        return []

    def _as_rule_deadline(self, data):
        """A warranty claim within the policy's (else the company's) days after the repair."""
        self.ensure_one()
        deadline_days = self.policy_id.deadline_days or self.company_id.as_claim_deadline_days
        if self.claim_type == "warranty" and data["today"] > self.repair_date + timedelta(days=deadline_days):
            return [
                (
                    "deadline",
                    "blocking",
                    self.env._(
                        "Past the submission deadline: %(days)s days after the repair of %(date)s.",
                        days=deadline_days,
                        date=self.repair_date,
                    ),
                )
            ]
        return []

    def _as_rule_duplicates(self, data):
        """Another live claim on the same VIN and causal part within the company's window."""
        self.ensure_one()
        return [
            (
                "duplicate",
                "blocking",
                self.env._(
                    "Duplicate: claim %(other)s has the same VIN and causal part within %(days)s days.",
                    other=other,
                    days=self.company_id.as_claim_duplicate_days,
                ),
            )
            for other in data["duplicates"].get(self.id, [])
        ]
