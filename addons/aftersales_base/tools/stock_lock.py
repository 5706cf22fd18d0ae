"""Lock the stock a reservation takes from, before reserving it (issue 16: the last unit at the counter).

Two users issuing the last unit of a part at once (a technician on a work order, a parts clerk on a counter
sale or a transfer) must run one after the other. Stock's reservation alone does not do it: it skips a quant
another transaction holds and reserves on a new empty quant instead, so both reserve the one unit and the stock
goes below zero. Locking the quants first makes the second transaction wait; once the first commits, PostgreSQL
refuses the second's stale snapshot (a serialization failure), Odoo retries the request, and the retry finds
the unit taken and gives the user the business error ("Not enough stock").
"""

from odoo.tools import SQL


def lock_quants(env, products, locations):
    """Lock (FOR NO KEY UPDATE) every quant of ``products`` in ``locations`` and their children."""
    if not products or not locations:
        return
    # sudo: only the ids of the quants of the parts being issued are read, to lock them; nothing is shown.
    quants = (
        env["stock.quant"]
        .sudo()
        .search([("product_id", "in", products.ids), ("location_id", "child_of", locations.ids)], order="id")
    )
    if quants:
        query = SQL("SELECT id FROM stock_quant WHERE id IN %s ORDER BY id FOR NO KEY UPDATE", tuple(quants.ids))
        env.cr.execute(query)
