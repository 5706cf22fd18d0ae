from odoo import api, models
from odoo.osv import expression


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _get_domain_locations_new(self, location_ids):
        """Worn parts kept in an Old Parts location are no stock: on hand, available and forecast quantities
        (and with them min/max replenishment) leave them out, unless only Old Parts locations are asked for."""
        domains = super()._get_domain_locations_new(location_ids)
        locations = self.env["stock.location"].browse(location_ids)
        if not location_ids or self.env.context.get("strict") or all(locations.mapped("as_old_parts")):
            return domains
        old = self.env["stock.location"].search([("as_old_parts", "=", True)])
        if not old:
            return domains
        not_old_src = [("location_id", "not in", old.ids)]
        not_old_dest = [
            "|",
            "&",
            ("location_final_id", "!=", False),
            ("location_final_id", "not in", old.ids),
            "&",
            ("location_final_id", "=", False),
            ("location_dest_id", "not in", old.ids),
        ]
        quant_domain, move_in_domain, move_out_domain = domains
        return (
            expression.AND([quant_domain, not_old_src]),
            expression.AND([move_in_domain, not_old_dest]),
            expression.AND([move_out_domain, not_old_src]),
        )

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
        key = extra[0][2]
        if any(char.isdigit() for char in key):
            # a complete OEM number typed with or without separators: one btree lookup answers
            exact = [("product_tmpl_id.as_part_number_normalized", "=", key)]
            products = self.search_fetch(expression.AND([args or [], exact]), ["display_name"], limit=limit)
            if products:
                # an old, superseded number also brings its current part
                superseded = products.product_tmpl_id.filtered("as_replaced_by_id")
                if superseded:
                    products |= superseded.as_current_part_id.product_variant_ids
                return [(product.id, product.display_name) for product in products]
        # Both conditions sit on product_template, each with a trigram index, so PostgreSQL answers with a
        # bitmap OR of the two indexes; the template's keys already hold its normalized internal reference.
        template_domain = expression.OR([[("name", "ilike", name)], extra])
        domain = expression.AND([args or [], [("product_tmpl_id", "any", template_domain)]])
        products = self.search_fetch(domain, ["display_name"], limit=limit)
        return [(product.id, product.display_name) for product in products]
