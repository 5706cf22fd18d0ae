"""aftersales_parts scenarios: part search (pinyin initials, part number) and demand to issue."""

from bench.harness import cron_scenario, requires, run_as_scheduler, scenario, sql_count

NAMES = [
    "离合器压盘",
    "离合器从动盘",
    "机油滤清器",
    "空气滤清器",
    "火花塞",
    "点火线圈",
    "水泵",
    "节温器",
    "散热器",
    "喷油器",
    "氧传感器",
    "节气门体",
    "前刹车片",
    "后刹车蹄",
    "刹车盘",
    "制动总泵",
    "转向机总成",
    "前减震器",
    "后减震器",
    "发电机",
    "起动机",
    "蓄电池",
    "前大灯总成",
    "尾灯总成",
    "雨刮电机",
    "安全气囊模块",
    "空调压缩机",
    "正时皮带",
    "张紧轮",
    "传动轴",
]


def _ensure_parts(env, scale):
    """Bulk-create `scale` parts in SQL (the ORM would take an hour at 200 k); committed, reused by later runs."""
    from odoo.addons.aftersales_parts.models.product_template import pinyin_initials

    cr = env.cr
    cr.execute("SELECT count(*) FROM product_template WHERE default_code LIKE 'BENCH-%%'")
    existing = cr.fetchone()[0]
    if existing >= scale:
        return
    initials = [pinyin_initials(name) for name in NAMES]
    uom = env.ref("uom.product_uom_unit").id
    categ = env.ref("product.product_category_all").id
    cr.execute(
        """
        WITH names AS (
            SELECT ord - 1 AS idx, name, ini FROM unnest(%(names)s::varchar[], %(inis)s::varchar[])
            WITH ORDINALITY AS t(name, ini, ord)
        ), series AS (
            SELECT g, (g %% %(n)s) AS idx FROM generate_series(%(start)s, %(stop)s - 1) g
        ), tmpl AS (
            INSERT INTO product_template (name, default_code, type, service_tracking, is_storable, uom_id,
                                          uom_po_id, categ_id,
                                          tracking, sale_ok, purchase_ok, active, list_price, sale_line_warn,
                                          purchase_line_warn, as_is_part, as_part_number, as_part_number_normalized,
                                          as_pinyin_initials, as_search_index, create_date, write_date)
            SELECT jsonb_build_object('en_US', names.name || ' ' || g),
                   'BENCH-' || g, 'consu', 'no', true, %(uom)s, %(uom)s, %(categ)s, 'none', true, true, true, 100,
                   'no-message', 'no-message', true,
                   lpad((g %% 97)::text, 2, '0') || '-' || lpad(g::text, 7, '0') || '-A',
                   lpad((g %% 97)::text, 2, '0') || lpad(g::text, 7, '0') || 'a',
                   names.ini,
                   lpad((g %% 97)::text, 2, '0') || lpad(g::text, 7, '0') || 'a bench' || g || ' ' || names.ini,
                   now(), now()
            FROM series JOIN names ON names.idx = series.idx
            RETURNING id, default_code
        )
        INSERT INTO product_product (product_tmpl_id, default_code, active, create_date, write_date)
        SELECT id, default_code, true, now(), now() FROM tmpl
        """,
        {
            "names": NAMES,
            "inis": initials,
            "n": len(NAMES),
            "start": existing,
            "stop": scale,
            "uom": uom,
            "categ": categ,
        },
    )
    cr.execute("ANALYZE product_template")
    cr.execute("ANALYZE product_product")
    env.invalidate_all()


def _odoo_name_search(env, term):
    """Odoo's own product name search (product module), without this addon's override."""
    from odoo.addons.product.models.product_product import ProductProduct

    return ProductProduct.name_search(env["product.product"], term, limit=8)


@scenario(
    "part search by pinyin initials (lhq)",
    baseline="Odoo product name search (离合器)",
    scales=(10_000, 200_000),
    goal=2.0,
)
@requires("aftersales_parts")
def pinyin_search(env, scale):
    _ensure_parts(env, scale)
    Product = env["product.product"]

    def measured():
        assert Product.name_search("lhq", limit=8)

    def baseline():
        assert _odoo_name_search(env, "离合器")

    return measured, baseline


@scenario(
    "part search by number without separators",
    baseline="Odoo product name search (internal reference)",
    scales=(10_000, 200_000),
    goal=2.0,
)
@requires("aftersales_parts")
def number_search(env, scale):
    _ensure_parts(env, scale)
    Product = env["product.product"]
    target = scale // 2
    number = f"{target % 97:02d}{target:07d}A"  # the full OEM number typed without its dashes

    def measured():
        assert Product.name_search(number, limit=8)

    def baseline():
        assert _odoo_name_search(env, f"BENCH-{target}")

    return measured, baseline


def _demand(env, lines):
    company = env.company
    products = env["product.product"].search([("default_code", "=like", "BENCHD-%")], limit=lines)
    if len(products) < lines:
        products |= env["product.product"].create(
            [
                {"name": f"配件{i}", "default_code": f"BENCHD-{i}", "is_storable": True, "list_price": 10.0}
                for i in range(len(products), lines)
            ]
        )
    stock = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1).lot_stock_id
    quants = (
        env["stock.quant"]
        .with_context(inventory_mode=True)
        .create([{"product_id": p.id, "location_id": stock.id, "inventory_quantity": 1000} for p in products])
    )
    quants._apply_inventory()
    partner = env["res.partner"].create({"name": "基准客户", "customer_rank": 1})
    demand = env["aftersales.parts.demand"].create(
        {"partner_id": partner.id, "line_ids": [(0, 0, {"product_id": p.id, "product_uom_qty": 1}) for p in products]}
    )
    demand.action_confirm()
    return demand, partner, products


@scenario("demand to issue (sale)", baseline="sale order create + confirm, same lines", scales=(10, 50), goal=1.5)
@requires("aftersales_parts")
def demand_issue(env, scale):
    demand, partner, products = _demand(env, scale)

    def measured():
        demand.action_generate_issue()

    def baseline():
        order = env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [(0, 0, {"product_id": p.id, "product_uom_qty": 1, "price_unit": 10}) for p in products],
            }
        )
        order.action_confirm()

    return measured, baseline


def _consumed_parts(env, scale):
    """``scale`` parts each issued to customers in the last 12 months (one done move each, with a cost), all of
    them classed wrongly ('c' for the top ones, nothing for the others), so the ABC cron has ``scale`` parts to
    write."""
    _ensure_parts(env, scale)
    cr = env.cr
    company = env.company
    stock = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1).lot_stock_id
    customer = env.ref("stock.stock_location_customers")
    uom = env.ref("uom.product_uom_unit").id
    # the moves of the parts beyond the first ``scale`` go (a join: NOT IN over a LIMIT subquery is re-run per
    # move, which took minutes when a 1,000 run followed a 100,000 one)
    cr.execute(
        "DELETE FROM stock_move m USING ("
        "  SELECT p.id FROM product_product p JOIN product_template t ON t.id = p.product_tmpl_id "
        "  WHERE t.default_code LIKE 'BENCH-%%' ORDER BY p.id OFFSET %s) extra "
        "WHERE m.name = 'BENCH-ABC' AND m.product_id = extra.id",
        [scale],
    )
    cr.execute("SELECT count(*) FROM stock_move WHERE name = 'BENCH-ABC'")
    if cr.fetchone()[0] < scale:
        cr.execute("DELETE FROM stock_move WHERE name = 'BENCH-ABC'")
        cr.execute(
            """
            INSERT INTO stock_move (name, company_id, product_id, product_uom, location_id, location_dest_id,
                                    procure_method, product_uom_qty, product_qty, quantity, state, date,
                                    create_date, write_date, create_uid, write_uid)
            SELECT 'BENCH-ABC', %(company)s, p.id, %(uom)s, %(stock)s, %(customer)s, 'make_to_stock',
                   1 + p.id %% 50, 1 + p.id %% 50, 1 + p.id %% 50, 'done', now() - interval '30 days',
                   now(), now(), 1, 1
              FROM product_product p JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE t.default_code LIKE 'BENCH-%%'
             ORDER BY p.id LIMIT %(scale)s
            """,
            {"company": company.id, "uom": uom, "stock": stock.id, "customer": customer.id, "scale": scale},
        )
    # a cost per part (company-dependent), and every bench part in the wrong class
    cr.execute(
        "UPDATE product_product p SET standard_price = jsonb_build_object(%s::text, 10 + p.id %% 300) "
        "FROM product_template t WHERE t.id = p.product_tmpl_id AND t.default_code LIKE 'BENCH-%%'",
        [company.id],
    )
    cr.execute("UPDATE product_template SET as_abc_class = NULL WHERE default_code LIKE 'BENCH-%'")
    cr.execute(
        "UPDATE product_template SET as_abc_class = 'c' WHERE id IN ("
        "  SELECT t.id FROM product_template t JOIN product_product p ON p.product_tmpl_id = t.id "
        "  WHERE t.default_code LIKE 'BENCH-%' AND p.id % 50 >= 45)"
    )
    env.invalidate_all()


@cron_scenario("ABC classes cron over N consumed parts", baseline="write N classes in batches of 1,000")
@requires("aftersales_parts")
def abc_classes_cron(env, scale):
    _consumed_parts(env, scale)
    Template = env["product.template"]

    def measured():
        run_as_scheduler(env, "aftersales_parts.ir_cron_parts_abc_class")
        unclassed = "SELECT count(*) FROM product_template WHERE default_code LIKE 'BENCH-%' AND as_abc_class IS NULL"
        assert sql_count(env, unclassed) == 0, "every consumed part has its class"

    def baseline():
        env.cr.execute(
            "SELECT id FROM product_template WHERE default_code LIKE 'BENCH-%%' ORDER BY id LIMIT %s", [scale]
        )
        ids = [row[0] for row in env.cr.fetchall()]
        for start in range(0, len(ids), 1000):
            Template.browse(ids[start : start + 1000]).write({"as_abc_class": "b"})
            env.flush_all()
            env.invalidate_all()

    return measured, baseline
