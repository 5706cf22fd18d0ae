from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    as_abc_a_share = fields.Float(
        string="A-class share of consumption value (%)",
        default=80.0,
    )
    as_abc_b_share = fields.Float(
        string="B-class share of consumption value (%)",
        default=15.0,
    )
    as_quotes_required = fields.Integer(
        string="Quotes compared for A-class parts",
        default=3,
        help="An order of A-class parts is confirmed once this many vendors quoted (the order and its "
        "alternatives), unless a parts manager confirms it with a reason (货比三家).",
    )
    as_dead_stock_months = fields.Integer(
        string="Dead stock after (months without movement)",
        default=12,
    )
    as_old_part_retention_days = fields.Integer(
        string="Old parts retention (days)",
        default=90,
        help="How long a removed part is kept in the old-parts store before disposal.",
    )
    as_parts_region_id = fields.Many2one(
        "aftersales.parts.region",
        string="Parts region",
        help="Region whose vehicle population gives the reserve quotas of warehouses not in one of its provinces.",
    )
    as_pending_disposal_location_id = fields.Many2one(
        "stock.location",
        string="Pending disposal location",
        help="Approved write-offs wait here, still valued, until they are disposed of.",
    )

    as_finance_partner_id = fields.Many2one(
        "res.partner",
        string="Finance recipient of the counter daily report",
        help="The cashier's daily counter report is e-mailed to this contact every evening (and on demand). "
        "Without one, the report is not sent.",
    )
    as_blind_count = fields.Selection(
        [("never", "Never"), ("quarterly", "Quarterly full counts"), ("all", "All counts")],
        string="Blind count",
        default="quarterly",
        required=True,
        help="In a blind count the counters do not see the book quantity and start from an empty count; "
        "the variance is computed once the count is submitted.",
    )

    def _as_get_pending_disposal_location(self):
        """Return the company's pending-disposal location, creating it under the main warehouse."""
        self.ensure_one()
        if self.as_pending_disposal_location_id:
            return self.as_pending_disposal_location_id
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.id)], limit=1)
        # sudo: a location is configuration a parts manager may not create himself; this one is
        # created once per company with fixed values and no user input.
        location = (
            self.env["stock.location"]
            .sudo()
            .create(
                {
                    "name": self.env._("Pending Disposal"),
                    "usage": "internal",
                    "location_id": warehouse.view_location_id.id,
                    "company_id": self.id,
                }
            )
        )
        self.sudo().as_pending_disposal_location_id = location
        return location

    as_tech_high_points = fields.Integer(
        string="High-tech part from (points)",
        default=35,
        help="Parts scoring at least this many technology points are high-tech parts (35-50).",
    )
    as_tech_technical_points = fields.Integer(
        string="Technical part from (points)",
        default=25,
        help="Parts scoring at least this many points (and below the high-tech bar) are technical parts.",
    )
    as_qa_decision_days = fields.Integer(
        string="QA decision within (working days)",
        default=2,
        help="Unpacking damage or shortage: QA gives cause and decision within this many working days.",
    )
    as_qa_reply_days = fields.Integer(
        string="Reply to dealer within (working days)",
        default=1,
        help="After the QA decision, the OEM answers the dealer within this many working days.",
    )
