from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    as_warranty_signoff_id = fields.Many2one(
        "res.users",
        string="Warranty Sign-Off",
        readonly=True,
        copy=False,
        help="The warranty clerk who signed this warranty part off: it is issued only then, each part on its own.",
    )

    def _as_workflow_field_names(self):
        # Given by the warranty clerk's sign-off button only.
        return super()._as_workflow_field_names() | {"as_warranty_signoff_id"}

    def _as_warranty_unsigned(self):
        """Warranty parts of a work order still waiting for the clerk's sign-off."""
        return self.filtered(
            lambda m: m.payer == "warranty"
            and m.repair_line_type == "add"
            and m.state not in ("done", "cancel")
            and not m.as_warranty_signoff_id
        )
