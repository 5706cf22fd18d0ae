import re
from datetime import timedelta

from pypinyin import Style, lazy_pinyin

from odoo import api, fields, models
from odoo.addons.aftersales_base.tools.cron_batch import commit_batch, run_cron_batches
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

SEPARATORS = re.compile(r"[^0-9a-z\u4e00-\u9fff]")


def normalize_part_number(value):
    """Part numbers are compared without separators and case: '16-01 100.A' == '1601100a'."""
    return SEPARATORS.sub("", (value or "").lower())


def pinyin_initials(value):
    """'离合器压盘' -> 'lhqyp'; latin and digits are kept as they are ('ABS泵' -> 'absb')."""
    if not value:
        return ""
    return normalize_part_number("".join(lazy_pinyin(value, style=Style.FIRST_LETTER, errors="default")))


class ProductTemplate(models.Model):
    _inherit = "product.template"

    as_is_part = fields.Boolean(string="Is a part", help="A spare part or accessory managed by the parts department.")
    as_part_group = fields.Char(string="Group no.", help="Main group of the OEM part number.")
    as_part_subgroup = fields.Char(string="Sub-group no.")
    as_part_no = fields.Char(string="Part no.")
    as_structure_code = fields.Char(string="Structure code")
    as_change_code = fields.Char(string="Change code", help="Supersession (change) code of the OEM number.")
    as_part_number = fields.Char(
        string="OEM part number",
        compute="_compute_as_part_number",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    as_part_number_normalized = fields.Char(
        string="Normalized part number",
        compute="_compute_as_part_number_normalized",
        store=True,
        index=True,
    )
    as_replaced_by_id = fields.Many2one(
        "product.template",
        string="Replaced by",
        tracking=True,
        index="btree_not_null",
        help="Supersession: the part number that replaces this one.",
    )
    as_supersedes_ids = fields.One2many("product.template", "as_replaced_by_id", string="Supersedes")
    as_old_numbers = fields.Char(
        string="Superseded numbers",
        compute="_compute_as_old_numbers",
        store=True,
        recursive=True,
        help="Normalized numbers of every part this one replaces, directly or through a chain.",
    )
    as_current_part_id = fields.Many2one(
        "product.template", string="Current part", compute="_compute_as_current_part_id"
    )
    as_pinyin_initials = fields.Char(
        string="Pinyin initials", compute="_compute_as_pinyin_initials", store=True, index="trigram"
    )
    as_search_index = fields.Char(
        string="Part search keys",
        compute="_compute_as_search_index",
        store=True,
        index="trigram",
        help="Normalized part number, superseded numbers and pinyin initials, searched in one query.",
    )
    as_vehicle_model_ids = fields.Many2many("fleet.vehicle.model", string="Applicable vehicle models")
    as_reserve_per_thousand = fields.Float(
        string="Reserve per 1,000 vehicles",
        digits="Product Unit of Measure",
        tracking=True,
        help="The OEM's reserve coefficient: units a dealer keeps per 1,000 vehicles of the applicable models "
        "in service in its region. The regional quota of a reorder rule is this coefficient times the regional "
        "population of those models divided by 1,000, rounded up.",
    )
    as_tech_points = fields.Integer(string="Technology points")
    as_tech_class = fields.Selection(
        [("high_tech", "High-tech"), ("technical", "Technical"), ("general", "General")],
        string="Technology class",
        compute="_compute_as_tech_class",
        store=True,
    )
    as_key_class = fields.Selection(
        [("1", "Key part class 1"), ("2", "Key part class 2"), ("3", "Key part class 3"), ("none", "Non-key part")],
        string="Key-part class",
        default="none",
    )
    as_abc_class = fields.Selection(
        [("a", "A"), ("b", "B"), ("c", "C")],
        string="ABC class",
        readonly=True,
        copy=False,
        help="Recomputed by a scheduled action from the last 12 months of consumption value.",
    )
    as_is_accessory = fields.Boolean(string="Accessory", help="Accessory (精品) sold with a minimum selling price.")
    as_min_sale_price = fields.Float(string="Minimum selling price", digits="Product Price", tracking=True)
    as_bin_location_id = fields.Many2one(
        "stock.location",
        string="Storage location",
        domain="[('usage', '=', 'internal')]",
        help="Four-number location (warehouse-rack-level-position). Receipts are put away there.",
    )

    @api.depends("as_part_group", "as_part_subgroup", "as_part_no", "as_structure_code", "as_change_code")
    def _compute_as_part_number(self):
        for template in self:
            if not template.as_part_no:
                template.as_part_number = template.as_part_number or False
                continue
            head = (template.as_part_group or "") + (template.as_part_subgroup or "")
            parts = [head, template.as_part_no, template.as_structure_code, template.as_change_code]
            template.as_part_number = "-".join(p for p in parts if p)

    @api.depends("as_part_number")
    def _compute_as_part_number_normalized(self):
        for template in self:
            template.as_part_number_normalized = normalize_part_number(template.as_part_number) or False

    @api.depends("as_supersedes_ids.as_part_number_normalized", "as_supersedes_ids.as_old_numbers")
    def _compute_as_old_numbers(self):
        for template in self:
            numbers = []
            for old in template.as_supersedes_ids:
                numbers += [old.as_part_number_normalized or "", old.as_old_numbers or ""]
            template.as_old_numbers = " ".join(n for n in numbers if n) or False

    @api.depends("as_replaced_by_id")
    def _compute_as_current_part_id(self):
        for template in self:
            current, seen = template, set()
            while current.as_replaced_by_id and current.id not in seen:
                seen.add(current.id)
                current = current.as_replaced_by_id
            template.as_current_part_id = current

    @api.depends("name")
    def _compute_as_pinyin_initials(self):
        for template in self:
            template.as_pinyin_initials = pinyin_initials(template.name) or False

    @api.depends("as_part_number_normalized", "as_old_numbers", "as_pinyin_initials", "default_code")
    def _compute_as_search_index(self):
        for template in self:
            keys = [
                template.as_part_number_normalized,
                normalize_part_number(template.default_code),
                template.as_old_numbers,
                template.as_pinyin_initials,
            ]
            template.as_search_index = " ".join(k for k in keys if k) or False

    @api.depends("as_tech_points", "company_id")
    def _compute_as_tech_class(self):
        for template in self:
            company = template.company_id or self.env.company
            if not template.as_tech_points:
                template.as_tech_class = False
            elif template.as_tech_points >= company.as_tech_high_points:
                template.as_tech_class = "high_tech"
            elif template.as_tech_points >= company.as_tech_technical_points:
                template.as_tech_class = "technical"
            else:
                template.as_tech_class = "general"

    @api.constrains("as_replaced_by_id")
    def _check_as_replaced_by_cycle(self):
        if self._has_cycle("as_replaced_by_id"):
            raise ValidationError(self.env._("A part cannot be replaced, directly or through a chain, by itself."))

    @api.constrains("as_min_sale_price", "list_price", "as_is_accessory")
    def _check_as_min_sale_price(self):
        for template in self.filtered("as_is_accessory"):
            if template.as_min_sale_price and template.list_price < template.as_min_sale_price:
                raise ValidationError(
                    self.env._(
                        "The sales price of accessory %(name)s is below its minimum selling price %(price)s.",
                        name=template.display_name,
                        price=template.as_min_sale_price,
                    )
                )

    @api.model
    def _as_search_domain(self, value):
        """Domain on the stored search keys for a typed value, or None when it has nothing to match."""
        key = normalize_part_number(value) if isinstance(value, str) else ""
        return [("as_search_index", "ilike", key)] if key else None

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "like", "=ilike", "=like") and (extra := self._as_search_domain(value)):
            domain = expression.OR([domain, extra])
        return domain

    @api.model
    def _cron_compute_abc_class(self, batch_size=None):
        """Rank parts by the last 12 months of consumption value and class them A/B/C by the company shares.

        The classes are computed for every company (a shared part takes the class of the last company, as
        before); only the parts whose class changes are written. Ranking every part is the costly part, so a
        run ranks once and writes the changes a batch at a time, each batch committed under the scheduler
        (``commit_batch``): a run killed after some batches keeps them, and the next run ranks again and writes
        only what is still different, so no work is lost or redone (ranking again at each batch made the run
        quadratic: 100 rankings of 100,000 parts).
        """

        def step(limit):
            target = {}
            for company in self.env["res.company"].search([]):
                for key, ids in self.with_company(company)._as_abc_classes(company).items():
                    target.update(dict.fromkeys(ids, key))
            changed = {}
            templates = self.browse(list(target))
            templates.fetch(["as_abc_class"])  # that field only, not every field of every part
            for template in templates:
                if template.as_abc_class != target[template.id]:
                    changed.setdefault(target[template.id], []).append(template.id)
            todo = [(key, tmpl_id) for key, ids in changed.items() for tmpl_id in ids]
            for start in range(0, len(todo), limit):
                batch = todo[start : start + limit]
                for key in {key for key, __ in batch}:
                    self.browse([tmpl_id for k, tmpl_id in batch if k == key]).write({"as_abc_class": key})
                done = start + len(batch)
                if done < len(todo):
                    commit_batch(self.env, done, len(todo) - done)
            return len(todo), 0

        return run_cron_batches(self.env, step, batch_size)

    def _as_abc_classes(self, company):
        """{class: [template ids]} of the company's parts from the last 12 months of consumption value."""
        date_from = fields.Datetime.now() - timedelta(days=365)
        groups = self.env["stock.move"]._read_group(
            [
                ("state", "=", "done"),
                ("date", ">=", date_from),
                ("company_id", "=", company.id),
                ("product_id.as_is_part", "=", True),
                ("location_id.usage", "=", "internal"),
                ("location_dest_id.usage", "in", ("customer", "production")),
            ],
            ["product_id"],
            ["product_qty:sum"],
        )
        # only the two fields the ranking needs: touching a field would fetch every field of each product
        self.env["product.product"].browse([product.id for product, __ in groups]).with_company(company).fetch(
            ["product_tmpl_id", "standard_price"]
        )
        values = {}  # template id: consumption value
        for product, qty in groups:
            tmpl_id = product.product_tmpl_id.id
            values[tmpl_id] = values.get(tmpl_id, 0.0) + qty * product.with_company(company).standard_price
        total = sum(values.values())
        # ids, not recordsets: adding templates one by one to a recordset copies it each time (quadratic)
        class_ids = {"a": [], "b": [], "c": []}
        running = 0.0
        a_limit, b_limit = company.as_abc_a_share, company.as_abc_a_share + company.as_abc_b_share
        for tmpl_id, value in sorted(values.items(), key=lambda item: -item[1]):
            share_before = running / total * 100 if total else 100
            running += value
            key = "a" if share_before < a_limit else "b" if share_before < b_limit else "c"
            class_ids[key].append(tmpl_id)
        parts = self.search([("as_is_part", "=", True), ("company_id", "in", (False, company.id))])
        classed = set(class_ids["a"]) | set(class_ids["b"]) | set(class_ids["c"])
        class_ids["c"] += [tmpl_id for tmpl_id in parts.ids if tmpl_id not in classed]
        return class_ids

    list_price = fields.Float(tracking=True)

    def write(self, vals):
        if "list_price" in vals and not self.env.su:
            parts = self.filtered("as_is_part")
            if parts and not self.env.user.has_group("aftersales_parts.group_aftersales_parts_manager"):
                raise UserError(
                    self.env._(
                        "The price of part %(part)s is changed only by the parts manager.",
                        part=parts[0].display_name,
                    )
                )
        res = super().write(vals)
        if "as_bin_location_id" in vals:
            self._as_sync_putaway_rules()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        templates.filtered("as_bin_location_id")._as_sync_putaway_rules()
        return templates

    def _as_sync_putaway_rules(self):
        """The four-number location is where receipts are put away: keep one putaway rule per part on it."""
        Rule = self.env["stock.putaway.rule"].sudo()  # sudo: rules follow the part's location, set by parts staff
        existing = Rule.search([("product_id", "in", self.product_variant_ids.ids)])
        for template in self:
            product = template.product_variant_ids[:1]
            rule = existing.filtered(lambda r, p=product: r.product_id == p)
            location = template.as_bin_location_id
            stock = location.warehouse_id.lot_stock_id
            if not location or not stock or location == stock:
                rule.unlink()
                continue
            vals = {"location_in_id": stock.id, "location_out_id": location.id, "product_id": product.id}
            if rule:
                rule[:1].write(vals)
            else:
                Rule.create(dict(vals, company_id=location.company_id.id))
