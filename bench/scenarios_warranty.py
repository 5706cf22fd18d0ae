"""aftersales_warranty scenarios: the claim checker against claim history, the dealer portal list."""

from datetime import date, timedelta

from bench.harness import requires, scenario
from odoo import Command

HISTORY_BASE = 10_000  # the baseline history of the checker scenario
CLAIMS_PER_VEHICLE = 20
PARTS = 50


def _vin(serial):
    from odoo.addons.aftersales_base.tools import vin_check_digit

    raw = f"LGXCE4CB0S{serial:07d}"
    return raw[:8] + vin_check_digit(raw) + raw[9:]


def _fixtures(env):
    """Brand, model, policy, operation and parts shared by the scenarios (created once)."""
    ref = env["fleet.vehicle.model"].search([("name", "=", "Bench Model")], limit=1)
    if ref:
        products = env["product.product"].search([("default_code", "=like", "BENCH-P%")], order="default_code")
        return ref, products, env["aftersales.operation"].search([("code", "=", "BENCH-OP")])
    brand = env["fleet.vehicle.model.brand"].create({"name": "Bench Brand"})
    model = env["fleet.vehicle.model"].create({"name": "Bench Model", "brand_id": brand.id})
    env["aftersales.warranty.policy"].create({"name": "Bench policy", "brand_id": brand.id, "months": 36, "km": 100000})
    operation = env["aftersales.operation"].create({"code": "BENCH-OP", "name": "Bench operation", "default_hours": 2})
    products = env["product.product"].create(
        [
            {"name": f"Bench part {i}", "default_code": f"BENCH-P{i:03d}", "standard_price": 100 + i}
            for i in range(PARTS)
        ]
    )
    return model, products, operation


def _history(env, tag, size):
    """``size`` settled claims over size / 20 vehicles of their own (vehicles by ORM, claims by one INSERT)."""
    model, products, operation = _fixtures(env)
    prefix = f"BENCH{tag}-"
    cr = env.cr
    cr.execute("SELECT count(*) FROM aftersales_warranty_claim WHERE name LIKE %s", [prefix + "%"])
    have = cr.fetchone()[0]
    vehicles_needed = max(size // CLAIMS_PER_VEHICLE, 1)
    offset = {"A": 0, "B": 1_000_000}[tag]
    vehicles = env["fleet.vehicle"].search([("vin_sn", "in", [_vin(offset + i) for i in range(vehicles_needed)])])
    if have < size:
        existing = set(vehicles.mapped("vin_sn"))
        env["fleet.vehicle"].with_context(tracking_disable=True, mail_create_nolog=True).create(
            [
                {"model_id": model.id, "vin_sn": _vin(offset + i), "sale_date": date.today() - timedelta(days=400)}
                for i in range(vehicles_needed)
                if _vin(offset + i) not in existing
            ]
        )
        vehicles = env["fleet.vehicle"].search([("vin_sn", "in", [_vin(offset + i) for i in range(vehicles_needed)])])
        cr.execute("DELETE FROM aftersales_warranty_claim WHERE name LIKE %s", [prefix + "%"])
        cr.execute(
            """
            INSERT INTO aftersales_warranty_claim
                (name, company_id, state, claim_type, dealer_id, vehicle_id, causal_product_id, repair_date,
                 mileage, amount_total, amount_approved, create_uid, write_uid, create_date, write_date)
            SELECT %(prefix)s || g, %(company)s, 'settled', 'warranty', %(dealer)s,
                   (%(vehicles)s)[1 + g %% %(nveh)s], (%(products)s)[1 + (g / %(nveh)s) %% %(nprod)s],
                   CURRENT_DATE - (g %% 1000), 10000 + g %% 90000, 700, 700, 1, 1, now(), now()
              FROM generate_series(1, %(size)s) g
            """,
            {
                "prefix": prefix,
                "company": env.company.id,
                "dealer": env.company.partner_id.id,
                "vehicles": vehicles.ids,
                "nveh": len(vehicles),
                "products": products.ids,
                "nprod": len(products),
                "size": size,
            },
        )
        cr.execute("ANALYZE aftersales_warranty_claim")
    probe = env["aftersales.warranty.claim"].search([("name", "=", f"{prefix}probe")])
    if not probe:
        probe = env["aftersales.warranty.claim"].create(
            {
                "name": f"{prefix}probe",
                "dealer_id": env.company.partner_id.id,
                "vehicle_id": vehicles[0].id,
                "causal_product_id": products[0].id,
                "mileage": 20000,
                "line_ids": [
                    Command.create({"line_type": "part", "product_id": products[0].id}),
                    Command.create({"line_type": "labour", "operation_id": operation.id}),
                ],
            }
        )
    return probe


@scenario(
    "warranty claim checker against N historical claims",
    baseline=f"the same check against {HISTORY_BASE:,} claims",
    scales=(10_000, 100_000),
    goal=2.0,
)
@requires("aftersales_warranty")
def claim_checker(env, scale):
    measured_probe = _history(env, "B", scale) if scale != HISTORY_BASE else _history(env, "A", HISTORY_BASE)
    baseline_probe = _history(env, "A", HISTORY_BASE)

    def measured():
        measured_probe._get_problems()

    def baseline():
        baseline_probe._get_problems()

    return measured, baseline


def _portal_dealer(env, name, count):
    """A network dealer with a portal user and ``count`` claims."""
    model, products, _operation = _fixtures(env)
    dealer = env["res.partner"].search([("name", "=", name), ("is_company", "=", True)], limit=1)
    if not dealer:
        dealer = env["res.partner"].create({"name": name, "is_company": True})
    login = f"bench_portal_{count}"
    user = env["res.users"].search([("login", "=", login)])
    if not user:
        user = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"{name} 索赔员",
                    "login": login,
                    "groups_id": [Command.set([env.ref("base.group_portal").id])],
                }
            )
        )
        user.partner_id.parent_id = dealer
    Claim = env["aftersales.warranty.claim"]
    have = Claim.search_count([("dealer_id", "=", dealer.id)])
    if have < count:
        vehicle = _history(env, "A", HISTORY_BASE).vehicle_id
        Claim.with_context(tracking_disable=True).create(
            [
                {
                    "dealer_id": dealer.id,
                    "vehicle_id": vehicle.id,
                    "causal_product_id": products[i % PARTS].id,
                    "line_ids": [Command.create({"line_type": "part", "product_id": products[i % PARTS].id})],
                }
                for i in range(count - have)
            ]
        )
    return user


def _portal_list(env, user):
    """What /my/warranty reads: count, one page of claims and the columns of the table."""
    Claim = env["aftersales.warranty.claim"].with_user(user)

    def run():
        Claim.search_count([])
        claims = Claim.search([], limit=20, offset=0)
        rows = []
        for claim in claims:
            rows.append(
                (
                    claim.access_url,
                    claim.name,
                    claim.repair_date,
                    claim.vin,
                    claim.causal_product_id.sudo().display_name,  # qweb renders many2one fields as superuser
                    claim.amount_total,
                    claim.amount_approved,
                    claim.currency_id.symbol,
                    claim.state,
                )
            )
        return rows

    return run


@scenario(
    "portal claim list of a dealer with N claims",
    baseline="portal claim list of a dealer with 5 claims",
    scales=(5, 500),
    goal=1.5,
)
@requires("aftersales_warranty")
def portal_list(env, scale):
    measured_user = _portal_dealer(env, f"基准经销商{scale}", scale)
    baseline_user = _portal_dealer(env, "基准经销商5", 5)
    return _portal_list(env, measured_user), _portal_list(env, baseline_user)
