from odoo import api, models
from odoo.osv import expression


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "like", "=ilike", "=like"):
            extra = self.env["product.template"]._as_search_domain(value)
            if extra:
                domain = expression.OR([domain, [("product_tmpl_id." + extra[0][0], *extra[0][1:])]])
        return domain

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Parts are found in one query by name, internal reference, OEM number (with or without separators),
        superseded number or pinyin initials, instead of the progressive searches of the standard."""
        extra = self.env["product.template"]._as_search_domain(name) if operator == "ilike" else None
        if not name or not extra:
            return super().name_search(name, args, operator, limit)
        domain = expression.AND(
            [
                args or [],
                expression.OR(
                    [
                        [("name", "ilike", name)],
                        [("default_code", "ilike", name)],
                        [("product_tmpl_id.as_search_index", "ilike", extra[0][2])],
                    ]
                ),
            ]
        )
        products = self.search_fetch(domain, ["display_name"], limit=limit)
        return [(product.id, product.display_name) for product in products]
