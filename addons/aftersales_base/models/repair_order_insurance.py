from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class RepairOrder(models.Model):
    """Insurance accident vehicles: the insurer's papers and the insurer's invoice at settlement."""

    # one file per concern of the work order (the flow is in repair_order.py)
    _inherit = "repair.order"  # pylint: disable=consider-merging-classes-inherited

    # Insurance accident vehicles
    is_insurance_claim = fields.Boolean(string="Insurance Accident", tracking=True)
    insurer_id = fields.Many2one("res.partner", check_company=True)
    insurance_policy = fields.Char(string="Policy Number")
    damage_report_ref = fields.Char(string="Assessor's Damage Report")
    insurance_details_complete = fields.Boolean(
        string="Insurance Details Form Complete",
        help="The insurance vehicle details checklist (保险事故车辆资料明细) is complete.",
    )
    insurance_papers_complete = fields.Boolean(compute="_compute_insurance_papers_complete")
    insurer_approved_amount = fields.Monetary(tracking=True)
    insurance_difference = fields.Monetary(compute="_compute_amounts", store=True)
    insurance_difference_settled = fields.Boolean(string="Difference Settled", tracking=True)

    # Invoices and analytic lines are the advisors' and accountants' business: technicians,
    # team leaders and inspectors open the work order without them.
    insurance_invoice_id = fields.Many2one(
        "account.move",
        string="Insurer Invoice",
        readonly=True,
        copy=False,
        groups="account.group_account_invoice,account.group_account_readonly",
    )

    @api.depends(
        "is_insurance_claim", "insurer_id", "insurance_policy", "damage_report_ref", "insurance_details_complete"
    )
    def _compute_insurance_papers_complete(self):
        for order in self:
            order.insurance_papers_complete = not order.is_insurance_claim or bool(
                order.insurer_id
                and order.insurance_policy
                and order.damage_report_ref
                and order.insurance_details_complete
            )

    def _settle_insurance_lines(self):
        self.ensure_one()
        parts = self.move_ids.filtered(lambda m: m.payer == "insurance" and m.repair_line_type == "add" and m.quantity)
        labour = self.labour_line_ids.filtered(lambda line: line.payer == "insurance")
        if self.insurance_invoice_id or not (parts or labour):
            return
        if not self.insurer_id:
            raise UserError(self.env._("Work order %(wo)s: set the insurer to invoice insurance lines.", wo=self.name))
        lines = [
            Command.create({"product_id": m.product_id.id, "quantity": m.quantity, "price_unit": m.as_sale_price})
            for m in parts
        ]
        lines += [
            Command.create(
                {
                    "product_id": line._labour_product().id,
                    "name": line.name,
                    "quantity": line.hours,
                    "price_unit": line.price_unit,
                }
            )
            for line in labour
        ]
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.insurer_id.id,
                "company_id": self.company_id.id,
                "invoice_origin": self.name,
                "ref": self.damage_report_ref,
                "invoice_line_ids": lines,
            }
        )
        self._as_workflow_write({"insurance_invoice_id": invoice.id})
