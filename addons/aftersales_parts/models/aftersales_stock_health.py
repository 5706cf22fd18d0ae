from odoo import fields, models, tools


class StockHealth(models.Model):
    _name = "aftersales.stock.health"
    _description = "Parts Stock Health"
    _auto = False
    _order = "status, product_id"

    product_id = fields.Many2one("product.product", string="Part", readonly=True)
    product_tmpl_id = fields.Many2one("product.template", readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    abc_class = fields.Selection([("a", "A"), ("b", "B"), ("c", "C")], string="ABC class", readonly=True)
    key_class = fields.Selection(
        [("1", "Key part class 1"), ("2", "Key part class 2"), ("3", "Key part class 3"), ("none", "Non-key part")],
        string="Key-part class",
        readonly=True,
    )
    qty_on_hand = fields.Float(string="On hand", readonly=True)
    min_qty = fields.Float(string="Minimum", readonly=True)
    max_qty = fields.Float(string="Maximum", readonly=True)
    stock_value = fields.Float(string="Stock value", readonly=True)
    last_move_date = fields.Datetime(string="Last movement", readonly=True)
    status = fields.Selection(
        [("below_min", "Below minimum"), ("above_max", "Above maximum"), ("dead", "Dead stock"), ("ok", "Healthy")],
        readonly=True,
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH q AS (
                    SELECT sq.product_id, sq.company_id, SUM(sq.quantity) AS qty
                      FROM stock_quant sq
                      JOIN stock_location sl ON sl.id = sq.location_id
                     WHERE sl.usage = 'internal' AND NOT COALESCE(sl.as_old_parts, FALSE)
                  GROUP BY sq.product_id, sq.company_id
                ), op AS (
                    SELECT product_id, company_id, SUM(product_min_qty) AS min_qty, SUM(product_max_qty) AS max_qty
                      FROM stock_warehouse_orderpoint
                     WHERE active
                  GROUP BY product_id, company_id
                ), mv AS (
                    SELECT product_id, company_id, MAX(date) AS last_date
                      FROM stock_move
                     WHERE state = 'done'
                  GROUP BY product_id, company_id
                )
                SELECT ROW_NUMBER() OVER (ORDER BY pp.id, c.id) AS id,
                       pp.id AS product_id,
                       pt.id AS product_tmpl_id,
                       pt.categ_id,
                       c.id AS company_id,
                       pt.as_abc_class AS abc_class,
                       pt.as_key_class AS key_class,
                       COALESCE(q.qty, 0) AS qty_on_hand,
                       COALESCE(op.min_qty, 0) AS min_qty,
                       COALESCE(op.max_qty, 0) AS max_qty,
                       COALESCE(q.qty, 0) * COALESCE((pp.standard_price ->> c.id::text)::numeric, 0) AS stock_value,
                       mv.last_date AS last_move_date,
                       CASE
                           WHEN op.min_qty IS NOT NULL AND COALESCE(q.qty, 0) < op.min_qty THEN 'below_min'
                           WHEN op.max_qty > 0 AND COALESCE(q.qty, 0) > op.max_qty THEN 'above_max'
                           WHEN COALESCE(q.qty, 0) > 0
                                AND (mv.last_date IS NULL OR mv.last_date
                                     < NOW() - make_interval(months => COALESCE(c.as_dead_stock_months, 12)))
                               THEN 'dead'
                           ELSE 'ok'
                       END AS status
                  FROM product_product pp
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN res_company c ON pt.company_id IS NULL OR pt.company_id = c.id
             LEFT JOIN q ON q.product_id = pp.id AND q.company_id = c.id
             LEFT JOIN op ON op.product_id = pp.id AND op.company_id = c.id
             LEFT JOIN mv ON mv.product_id = pp.id AND mv.company_id = c.id
                 WHERE pt.as_is_part AND pp.active
            )
            """
        )
