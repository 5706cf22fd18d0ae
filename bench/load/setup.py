# Run by scripts/bench_load.sh inside `odoo-bin shell` on the load database (aftersales_load, never a real
# one): the users and records of the load benchmark, created once and reused; prints them as one JSON line.
# TEAMS advisor teams (advisor, team leader, technician, inspector, a customer with a vehicle) and DEALERS
# portal dealers (a network dealer, its portal user, a vehicle under warranty). Passwords = logins.
import json
import os

from odoo import Command, fields
from odoo.addons.aftersales_base.tools import vin_with_check_digit

env = env(context=dict(env.context, tracking_disable=True))  # noqa: F821 (the shell's env)
TEAMS = int(os.environ.get("LOAD_TEAMS", "20"))
DEALERS = int(os.environ.get("LOAD_DEALERS", "20"))
company = env.company
company.as_claim_min_attachments = 0  # the load dealers file claims without photos
stock = env.ref("stock.warehouse0").lot_stock_id


def user(login, *groups, partner=None):
    found = env["res.users"].search([("login", "=", login)])
    if found:
        return found
    vals = {"name": login, "login": login, "password": login, "company_id": company.id}
    vals["email"] = login + "@example.com"
    vals["groups_id"] = [Command.set([env.ref(g).id for g in groups])]
    if partner:
        vals["partner_id"] = partner.id
    return env["res.users"].create(vals)


def one(model, domain, vals):
    return env[model].search(domain, limit=1) or env[model].create(vals)


brand = one("fleet.vehicle.model.brand", [("name", "=", "压测品牌")], {"name": "压测品牌"})
model = one("fleet.vehicle.model", [("name", "=", "压测车型")], {"name": "压测车型", "brand_id": brand.id})
categ = one(
    "product.category",
    [("name", "=", "Load parts")],
    {"name": "Load parts", "property_cost_method": "fifo", "property_valuation": "real_time"},
)
# a pool of parts in stock: each work order takes 3 of them at random (a workshop's usual parts), not the same
# 3 in every order (then every issue and every consumption would wait for the same few quants' locks)
PART_POOL = int(os.environ.get("LOAD_PART_POOL", "30"))
Product = env["product.product"]
parts = Product.search([("default_code", "=like", "LOAD-P-%")], order="default_code")
missing = [i for i in range(PART_POOL) if f"LOAD-P-{i}" not in set(parts.mapped("default_code"))]
if missing:
    new_parts = Product.create(
        [
            {
                "name": f"压测配件 {i}",
                "default_code": f"LOAD-P-{i}",
                "is_storable": True,
                "categ_id": categ.id,
                "standard_price": 10.0 * (i % 10 + 1),
                "list_price": 25.0 * (i % 10 + 1),
            }
            for i in missing
        ]
    )
    for part in new_parts:
        env["stock.quant"]._update_available_quantity(part, stock, 1_000_000)
    parts |= new_parts
parts = parts.filtered(lambda p: int(p.default_code.rsplit("-", 1)[1]) < PART_POOL)
operations = env["aftersales.operation"].search([], limit=2)

base = "aftersales_base.group_aftersales_"
teams = []
for i in range(TEAMS):
    logins = {
        "advisor": user(f"load_advisor{i}", base + "advisor"),
        "leader": user(f"load_leader{i}", base + "team_leader"),
        "technician": user(f"load_tech{i}", base + "technician"),
        "inspector": user(f"load_inspector{i}", base + "inspector"),
    }
    customer = one(
        "res.partner",
        [("name", "=", f"压测客户 {i}")],
        {"name": f"压测客户 {i}", "phone": "1380000%04d" % i, "street": "天河路", "city": "广州"},
    )
    vin = vin_with_check_digit("LSVAU2180N27%05d" % i)
    vehicle = one(
        "fleet.vehicle",
        [("vin_sn", "=", vin)],
        {"model_id": model.id, "vin_sn": vin, "license_plate": "粤L%05d" % i, "owner_id": customer.id},
    )
    teams.append(
        {
            "logins": {role: u.login for role, u in logins.items()},
            "technician_id": logins["technician"].id,
            "customer": customer.id,
            "vehicle": vehicle.id,
            # each run goes on above the vehicle's last reading (a lower one is refused)
            "odometer": int(max(vehicle.odometer, *vehicle.repair_order_ids.mapped("odometer_in"), 0)),
        }
    )

# the portal dealers: network dealers of this company (the OEM), a vehicle each, one warranty policy
chassis = one("product.category", [("name", "=", "压测底盘件")], {"name": "压测底盘件"})
claim_part = one(
    "product.product",
    [("default_code", "=", "LOAD-SA-001")],
    {"name": "压测前减震器", "default_code": "LOAD-SA-001", "categ_id": chassis.id, "standard_price": 500.0},
)
one(
    "aftersales.warranty.policy",
    [("name", "=", "压测三年或10万公里")],
    {"name": "压测三年或10万公里", "brand_id": brand.id, "months": 36, "km": 100000, "labour_rate": 100.0},
)
claim_op = one(
    "aftersales.operation",
    [("code", "=", "LOAD-SA01")],
    {
        "code": "LOAD-SA01",
        "name": "更换前减震器",
        "default_hours": 2.0,
        "warranty_categ_ids": [Command.link(chassis.id)],
    },
)
today = fields.Date.context_today(claim_part)
dealers = []
for i in range(DEALERS):
    dealer = one(
        "res.partner",
        [("name", "=", f"压测经销商 {i}")],
        {"name": f"压测经销商 {i}", "is_company": True, "is_network_dealer": True},
    )
    contact = one(
        "res.partner", [("name", "=", f"压测经销商门户 {i}")], {"name": f"压测经销商门户 {i}", "parent_id": dealer.id}
    )
    portal = user(f"load_dealer{i}", "base.group_portal", partner=contact)
    vin = vin_with_check_digit("LGXCE4CB0N86%05d" % i)
    one(
        "fleet.vehicle",
        [("vin_sn", "=", vin)],
        {
            "model_id": model.id,
            "vin_sn": vin,
            "owner_id": dealer.id,
            "sale_date": fields.Date.subtract(today, months=6),
        },
    )
    dealers.append({"login": portal.login, "vin": vin})

# the two-node run shows that a cron runs once, not once per node: this job counts its runs (every minute)
COUNTER = "bench_load.cron_runs"
counter_cron = env["ir.cron"].with_context(active_test=False).search([("cron_name", "=", "bench: count runs")])
if not counter_cron:
    counter_cron = env["ir.cron"].create(
        {
            "name": "bench: count runs",
            "model_id": env["ir.model"]._get_id("ir.config_parameter"),
            "state": "code",
            "code": "p = env['ir.config_parameter']\n"
            f"p.set_param('{COUNTER}', str(int(p.get_param('{COUNTER}') or 0) + 1))",
            "interval_number": 1,
            "interval_type": "minutes",
            "active": False,
        }
    )

env.cr.commit()
print(
    "LOAD_SETUP "
    + json.dumps(
        {
            "db": env.cr.dbname,
            "teams": teams,
            "dealers": dealers,
            "parts": parts.ids,
            "operations": operations.ids,
            "claim_part_code": claim_part.default_code,
            "claim_operation_code": claim_op.code,
            "counter_cron": counter_cron.id,
            "counter_param": COUNTER,
        }
    )
)
