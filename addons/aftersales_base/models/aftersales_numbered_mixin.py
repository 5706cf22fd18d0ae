from odoo import api, models


class AftersalesNumberedMixin(models.AbstractModel):
    """Documents numbered on save from the sequence whose code is the model's name (name "/" until then)."""

    _name = "aftersales.numbered.mixin"
    _description = "After-Sales Numbered Document"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self._as_next_number(vals)
        return super().create(vals_list)

    @api.model
    def _as_next_number(self, vals):
        """The next number in the sequence of the document's company (or a shared sequence)."""
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        return self.env["ir.sequence"].with_company(company).next_by_code(self._name) or "/"
