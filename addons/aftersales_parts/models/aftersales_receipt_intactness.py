from odoo import fields, models, tools
from odoo.tools import SQL


class ReceiptIntactness(models.Model):
    """Intactness rate (完好率) of the parts received from suppliers.

    One row per receipt and part: the quantity received, and the damaged and wrong quantities recorded on
    the receipt's variances (cancelled variances left out; short quantities never arrived and do not count).
    Intactness = 1 - (damaged + wrong) / received, aggregated over any period or group as the share of the
    received quantity that arrived intact (a weighted ratio, not an average of per-line rates).
    """

    _name = "aftersales.receipt.intactness"
    _description = "Parts Receipt Intactness"
    _auto = False
    _order = "date desc, id desc"

    date = fields.Datetime(string="Received on", readonly=True)
    picking_id = fields.Many2one("stock.picking", string="Receipt", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Vendor", readonly=True)
    product_id = fields.Many2one("product.product", string="Part", readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    received_qty = fields.Float(string="Received", digits="Product Unit of Measure", readonly=True)
    damaged_qty = fields.Float(string="Damaged", digits="Product Unit of Measure", readonly=True)
    wrong_qty = fields.Float(string="Wrong part", digits="Product Unit of Measure", readonly=True)
    intact_qty = fields.Float(string="Intact", digits="Product Unit of Measure", readonly=True)
    intactness = fields.Float(
        string="Intactness (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the received quantity that arrived intact: 1 - (damaged + wrong) / received (完好率).",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH rcv AS (
                    SELECT sm.picking_id, sm.product_id, sm.company_id, sp.partner_id, pt.categ_id,
                           MAX(sm.date) AS date, SUM(sm.product_qty) AS received_qty
                      FROM stock_move sm
                      JOIN stock_picking sp ON sp.id = sm.picking_id
                      JOIN stock_location src ON src.id = sm.location_id
                      JOIN product_product pp ON pp.id = sm.product_id
                      JOIN product_template pt ON pt.id = pp.product_tmpl_id
                     WHERE sm.state = 'done' AND src.usage = 'supplier' AND pt.as_is_part
                  GROUP BY sm.picking_id, sm.product_id, sm.company_id, sp.partner_id, pt.categ_id
                ), var AS (
                    SELECT v.picking_id, l.product_id,
                           SUM(CASE WHEN l.variance_type = 'damaged' THEN l.quantity ELSE 0 END) AS damaged_qty,
                           SUM(CASE WHEN l.variance_type = 'wrong' THEN l.quantity ELSE 0 END) AS wrong_qty
                      FROM aftersales_receipt_variance_line l
                      JOIN aftersales_receipt_variance v ON v.id = l.variance_id
                     WHERE v.state != 'cancel'
                  GROUP BY v.picking_id, l.product_id
                ), q AS (
                    SELECT rcv.*,
                           COALESCE(var.damaged_qty, 0) AS damaged_qty,
                           COALESCE(var.wrong_qty, 0) AS wrong_qty,
                           GREATEST(rcv.received_qty - COALESCE(var.damaged_qty, 0) - COALESCE(var.wrong_qty, 0), 0)
                               AS intact_qty
                      FROM rcv
                 LEFT JOIN var ON var.picking_id = rcv.picking_id AND var.product_id = rcv.product_id
                     WHERE rcv.received_qty > 0
                )
                SELECT ROW_NUMBER() OVER (ORDER BY q.picking_id, q.product_id) AS id,
                       q.date, q.picking_id, q.partner_id, q.product_id, q.categ_id, q.company_id,
                       q.received_qty, q.damaged_qty, q.wrong_qty, q.intact_qty,
                       100.0 * q.intact_qty / q.received_qty AS intactness
                  FROM q
            )
            """
        )

    def _read_group_select(self, aggregate_spec, query):
        """Any group's intactness is its intact quantity over its received quantity."""
        if aggregate_spec == "intactness:avg":
            intact = self._field_to_sql(self._table, "intact_qty", query)
            received = self._field_to_sql(self._table, "received_qty", query)
            return SQL("100.0 * SUM(%s) / NULLIF(SUM(%s), 0)", intact, received)
        return super()._read_group_select(aggregate_spec, query)

    def _get_rate(self, domain):
        """Intactness (%) of the receipts matching the domain, e.g. a period; None without receipts."""
        self.env.flush_all()  # the view reads moves and variances written in this transaction
        [(rate, received)] = self._read_group(domain, [], ["intactness:avg", "received_qty:sum"])
        return rate if received else None
