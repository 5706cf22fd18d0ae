# Run by scripts/concurrency_test.py inside `odoo-bin shell` on the scratch database (never on a real one):
# builds the three concurrency stories and prints their ids as one JSON line. `env` is the shell's
# superuser environment; the workflow steps run as the role users, as in the tests.
import base64
import json
import os

from odoo import Command, fields
from odoo.addons.aftersales_base.tools import vin_with_check_digit

PREFIX = "conc_"
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
)
env = env(context=dict(env.context, tracking_disable=True))  # noqa: F821 (the shell's env)
company = env.company
company.as_claim_min_attachments = 0  # createdb -T copies have no filestore: no photos in these stories


def user(login, *groups, partner=None):
    vals = {"name": login, "login": PREFIX + login, "password": PREFIX + login, "company_id": company.id}
    vals["email"] = PREFIX + login + "@example.com"
    vals["groups_id"] = [Command.set([env.ref(g).id for g in groups])]
    if partner:
        vals["partner_id"] = partner.id
    return env["res.users"].create(vals)


# (a) two work orders in the workshop, each needing the last unit of a part (no stock until both are there)
base = "aftersales_base.group_aftersales_"
advisor = user("advisor", base + "advisor")
leader = user("leader", base + "team_leader")
techs = [user("tech1", base + "technician"), user("tech2", base + "technician")]
customer = env["res.partner"].create(
    {"name": "并发客户", "phone": "13800000099", "street": "天河路 9 号", "city": "广州"}
)
brand = env.ref("fleet.brand_volkswagen")
model = env["fleet.vehicle.model"].create({"name": "并发车型", "brand_id": brand.id})
categ = env["product.category"].create(
    {"name": "Concurrency parts", "property_cost_method": "fifo", "property_valuation": "real_time"}
)
ROUNDS = int(os.environ.get("CONC_ROUNDS", "3"))
stock = env.ref("stock.warehouse0").lot_stock_id
rounds = []
for r in range(ROUNDS):
    part = env["product.product"].create(
        {
            "name": "最后一只刹车片 %s" % r,
            "default_code": "CONC-LAST-%s" % r,
            "is_storable": True,
            "categ_id": categ.id,
            "standard_price": 80.0,
            "list_price": 200.0,
        }
    )
    orders = env["repair.order"]
    for i, tech in enumerate(techs):
        vehicle = env["fleet.vehicle"].create(
            {
                "model_id": model.id,
                "vin_sn": vin_with_check_digit("LSVAU2180N29%02d%03d" % (r, i + 1)),
                "license_plate": "粤C%02d%03d" % (r, i + 1),
                "owner_id": customer.id,
            }
        )
        order = (
            env["repair.order"]
            .with_user(advisor)
            .create(
                {
                    "vehicle_id": vehicle.id,
                    "partner_id": customer.id,
                    "odometer_in": 10000,
                    "complaint": "刹车异响",
                    "customer_signature": SIGNATURE,
                    "customer_signed_by": "并发客户",
                }
            )
        )
        order.action_customer_sign()
        order.with_user(leader).action_accept_vehicle()
        order.action_confirm_reception()
        order.with_user(leader).write({"diagnosis": "刹车片磨损"})
        order.with_user(leader).action_to_estimate()
        order.write(
            {
                "move_ids": [Command.create({"product_id": part.id, "product_uom_qty": 1, "repair_line_type": "add"})],
                "estimate_approved_by": "并发客户",
                "technician_ids": [Command.set(tech.ids)],
            }
        )
        order.action_approve_estimate()
        order.with_user(leader).action_dispatch()
        order.with_user(tech).action_start_work()
        orders |= order
    # the last unit arrives once both orders wait for it
    env["stock.quant"]._update_available_quantity(part, stock, 1)
    rounds.append({"orders": orders.ids, "part": part.id, "code": part.default_code})

# (d) two parts clerks at the counter, each selling the last unit of a part to a walk-in customer
clerks = [
    user("pclerk1", "aftersales_parts.group_aftersales_parts_clerk"),
    user("pclerk2", "aftersales_parts.group_aftersales_parts_clerk"),
]
clerks[1].lang = "zh_CN"  # the refusal reaches each clerk in her language
counter_rounds = []
for r in range(ROUNDS):
    part = env["product.product"].create(
        {
            "name": "柜台最后一只机滤 %s" % r,
            "default_code": "CONC-CTR-%s" % r,
            "is_storable": True,
            "categ_id": categ.id,
            "standard_price": 30.0,
            "list_price": 60.0,
        }
    )
    env["stock.quant"]._update_available_quantity(part, stock, 1)
    demands = env["aftersales.parts.demand"]
    for clerk_user in clerks:
        demand = (
            env["aftersales.parts.demand"]
            .with_user(clerk_user)
            .create(
                {
                    "partner_id": customer.id,
                    "category": "sale",
                    "line_ids": [Command.create({"product_id": part.id, "product_uom_qty": 1})],
                }
            )
        )
        demand.action_confirm()
        demands |= demand
    counter_rounds.append({"demands": demands.ids, "part": part.id, "code": part.default_code})

# (b) a network dealer's claim under review at the OEM (this company), two reviewers
wty = "aftersales_warranty.group_aftersales_warranty_"
clerk = user("clerk", wty + "clerk")
reviewers = [user("reviewer1", wty + "reviewer"), user("reviewer2", wty + "reviewer")]
wbrand = env["fleet.vehicle.model.brand"].create({"name": "并发品牌"})
wmodel = env["fleet.vehicle.model"].create({"name": "并发秦PLUS", "brand_id": wbrand.id})
owner = env["res.partner"].create({"name": "并发车主"})
today = fields.Date.context_today(owner)
wvehicle = env["fleet.vehicle"].create(
    {
        "model_id": wmodel.id,
        "vin_sn": vin_with_check_digit("LGXCE4CB0N8900001"),
        "owner_id": owner.id,
        "sale_date": fields.Date.subtract(today, months=12),
    }
)
chassis = env["product.category"].create({"name": "并发底盘件"})
supplier = env["res.partner"].create({"name": "并发减震器有限公司", "is_company": True})
wpart = env["product.product"].create(
    {
        "name": "并发前减震器",
        "default_code": "CONC-SA-001",
        "is_storable": True,
        "categ_id": chassis.id,
        "standard_price": 500.0,
        "list_price": 800.0,
        "seller_ids": [Command.create({"partner_id": supplier.id, "price": 450.0})],
    }
)
env["aftersales.warranty.policy"].create(
    {"name": "并发三年或10万公里", "brand_id": wbrand.id, "months": 36, "km": 100000, "labour_rate": 100.0}
)
operation = env["aftersales.operation"].create(
    {
        "code": "CONC-SA01",
        "name": "更换前减震器",
        "default_hours": 2.0,
        "warranty_categ_ids": [Command.link(chassis.id)],
    }
)
dealer = env["res.partner"].create({"name": "并发特约服务中心", "is_company": True, "is_network_dealer": True})
claim = (
    env["aftersales.warranty.claim"]
    .with_user(clerk)
    .create(
        {
            "dealer_id": dealer.id,
            "vehicle_id": wvehicle.id,
            "repair_date": today,
            "mileage": 23000,
            "complaint": "过减速带时前部异响",
            "cause": "前减震器漏油",
            "correction": "更换前减震器",
            "causal_product_id": wpart.id,
            "line_ids": [
                Command.create({"line_type": "part", "product_id": wpart.id, "quantity": 1}),
                Command.create({"line_type": "labour", "operation_id": operation.id}),
            ],
        }
    )
)
claim.action_submit()
claim.with_user(reviewers[0]).action_start_review()

# (c) the dealer's portal user, filing the same claim twice at once
portal_partner = env["res.partner"].create({"name": "并发经销商门户", "parent_id": dealer.id, "email": "p@example.com"})
portal = user("portal", "base.group_portal", partner=portal_partner)

env.cr.commit()
print(
    "CONC_SETUP "
    + json.dumps(
        {
            "rounds": rounds,
            "techs": [u.login for u in techs],
            "counter_rounds": counter_rounds,
            "counter_clerks": [u.login for u in clerks],
            "claim": claim.id,
            "reviewers": [u.login for u in reviewers],
            "dealer": dealer.id,
            "portal": portal.login,
            "vin": wvehicle.vin_sn,
            "part_code": wpart.default_code,
            "operation_code": operation.code,
            "secret": env["ir.config_parameter"].get_param("database.secret"),
            "admin": env.ref("base.user_admin").login,
        }
    )
)
env.ref("base.user_admin").password = "conc_admin"
env.cr.commit()
