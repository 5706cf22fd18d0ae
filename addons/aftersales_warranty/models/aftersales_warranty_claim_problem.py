from odoo import fields, models


class AftersalesWarrantyClaimProblem(models.Model):
    _name = "aftersales.warranty.claim.problem"
    _description = "Warranty Claim Problem"
    _order = "claim_id, severity, id"

    claim_id = fields.Many2one("aftersales.warranty.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    code = fields.Selection(
        [
            ("no_lines", "No Lines"),
            ("no_causal_part", "No Causal Part"),
            ("no_policy", "No Policy"),
            ("no_sale_date", "No Sale Date"),
            ("excluded_part", "Excluded Part"),
            ("out_of_coverage_date", "Out of Coverage (Date)"),
            ("out_of_coverage_km", "Out of Coverage (km)"),
            ("no_operation", "No Operation Code"),
            ("operation_model", "Operation Not Valid for the Model"),
            ("hours_above_catalogue", "Hours Above the Catalogue"),
            ("parts_operation", "Parts Inconsistent with the Operation"),
            ("attachments", "Missing Attachments"),
            ("deadline", "Past the Deadline"),
            ("duplicate", "Duplicate"),
            ("negative_quantity", "Negative Quantity"),
            ("negative_mileage", "Negative Mileage"),
            ("mileage_below_odometer", "Mileage Below the Odometer"),
            ("repair_before_sale", "Repair Before the Sale"),
            ("repair_in_future", "Repair Date in the Future"),
            ("zero_amount", "Zero Amount"),
        ],
        required=True,
    )
    severity = fields.Selection([("blocking", "Blocking"), ("warning", "Warning")], required=True)
    message = fields.Char(required=True)
