"""aftersales_base scenarios: the full work order against Odoo's bare repair flow, and vehicle lookup."""

import base64
import time

from bench.harness import requires, scenario
from odoo import Command


def _user(env, login, group):
    user = env["res.users"].search([("login", "=", login)])
    return user or env["res.users"].create(
        {
            "name": login,
            "login": login,
            "email": f"{login}@example.com",
            "groups_id": [Command.link(env.ref(f"aftersales_base.group_aftersales_{group}").id)],
        }
    )


def _workshop(env):
    """Users, a customer with a vehicle, 5 parts with stock (created once, committed)."""
    from odoo.addons.aftersales_base.tools import vin_with_check_digit

    users = {g: _user(env, f"bench_{g}", g) for g in ("advisor", "technician", "inspector")}
    users["leader"] = _user(env, "bench_leader", "team_leader")
    partner = env["res.partner"].search([("name", "=", "Bench Customer")], limit=1) or env["res.partner"].create(
        {"name": "Bench Customer", "phone": "13800000000", "street": "1 Road", "city": "Guangzhou"}
    )
    vehicle = env["fleet.vehicle"].search([("license_plate", "=", "粤A00001")], limit=1) or env["fleet.vehicle"].create(
        {
            "model_id": env["fleet.vehicle.model"]
            .create({"name": "Bench", "brand_id": env.ref("fleet.brand_volkswagen").id})
            .id,
            "vin_sn": vin_with_check_digit("LSVAU2180N2000001"),
            "license_plate": "粤A00001",
            "owner_id": partner.id,
        }
    )
    categ = env["product.category"].search([("name", "=", "Bench Parts")], limit=1) or env["product.category"].create(
        {"name": "Bench Parts", "property_cost_method": "fifo", "property_valuation": "real_time"}
    )
    # Own code prefix: the parts scenarios fill the same database with BENCH-* parts.
    parts = env["product.product"].search([("default_code", "=like", "BENCHWO-%")], order="default_code", limit=5)
    if len(parts) < 5:
        parts = env["product.product"].create(
            [
                {
                    "name": f"Bench part {i}",
                    "default_code": f"BENCHWO-{i}",
                    "is_storable": True,
                    "categ_id": categ.id,
                    "standard_price": 10.0 * (i + 1),
                    "list_price": 25.0 * (i + 1),
                }
                for i in range(5)
            ]
        )
        stock = env.ref("stock.warehouse0").lot_stock_id
        for part in parts:
            env["stock.quant"]._update_available_quantity(part, stock, 1_000_000)
    return users, partner, vehicle, parts


@scenario(
    "full work order (5 parts, 3 labour lines), reception to delivery",
    baseline="bare repair -> sale order -> invoice on the same parts",
    scales=(1,),
    goal=1.5,
)
@requires("aftersales_base")
def work_order_flow(env, scale):
    users, partner, vehicle, parts = _workshop(env)
    ops = env["aftersales.operation"].search([], limit=3)
    signature = base64.b64encode(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
        )
    )
    odometer = [100000]

    def measured():
        odometer[0] += 10
        Repair = env["repair.order"].with_user(users["advisor"])
        order = Repair.create(
            {
                "vehicle_id": vehicle.id,
                "partner_id": partner.id,
                "odometer_in": odometer[0],
                "complaint": "bench",
                "customer_signature": signature,
                "customer_signed_by": "Bench",
            }
        )
        order.action_customer_sign()
        order.with_user(users["leader"]).action_accept_vehicle()
        order.action_confirm_reception()
        order.write({"diagnosis": "bench"})
        order.action_to_estimate()
        order.write(
            {
                "move_ids": [
                    Command.create({"product_id": p.id, "product_uom_qty": 1, "repair_line_type": "add"}) for p in parts
                ],
                "labour_line_ids": [Command.create({"operation_id": op.id}) for op in ops],
                "estimate_approved_by": "Bench",
                "technician_ids": [Command.set(users["technician"].ids)],
            }
        )
        order.action_approve_estimate()
        order.action_dispatch()
        order.with_user(users["technician"]).action_start_work()
        order.with_user(users["technician"]).action_issue_parts()
        order.with_user(users["technician"]).action_request_quality_check()
        order.with_user(users["technician"]).with_context(check_type="self").action_check_pass()
        order.with_user(users["leader"]).with_context(check_type="mutual").action_check_pass()
        order.with_user(users["inspector"]).with_context(check_type="final").action_check_pass()
        if order.service_stage == "washing":
            order.action_wash_done()
        order.action_settle()
        order.sale_order_id.invoice_ids.action_post()
        order.action_deliver()
        assert order.service_stage == "delivered"

    def baseline():
        order = (
            env["repair.order"]
            .with_user(users["advisor"])
            .create(
                {
                    "partner_id": partner.id,
                    "move_ids": [
                        Command.create({"product_id": p.id, "product_uom_qty": 1, "repair_line_type": "add"})
                        for p in parts
                    ],
                }
            )
        )
        order.action_validate()
        order.action_repair_start()
        order.action_repair_end()
        order.action_create_sale_order()
        order.sale_order_id.action_confirm()
        order.sale_order_id._create_invoices().action_post()
        assert order.state == "done"

    return measured, baseline


def _fill_vehicles(env, scale):
    """Insert vehicles by SQL up to ``scale`` rows (VINs and plates unique, like real data)."""
    cr = env.cr
    cr.execute("SELECT count(*) FROM fleet_vehicle")
    have = cr.fetchone()[0]
    if have >= scale:
        return
    model = env["fleet.vehicle.model"].search([], limit=1)
    company = env.company.id
    t0 = time.time()
    cr.execute(
        """
        INSERT INTO fleet_vehicle (name, model_id, brand_id, company_id, active, vin_sn, vin_last6, license_plate,
                                   odometer_unit, power_unit, create_date, write_date, create_uid, write_uid)
        SELECT 'Bench/' || n, %(model)s, %(brand)s, %(company)s, true,
               'LBV' || upper(lpad(to_hex(n), 14, '0')), upper(right(lpad(to_hex(n), 14, '0'), 6)),
               (ARRAY['粤','京','沪','浙','苏','川'])[1 + n %% 6] || chr(65 + (n / 7) %% 8)
                   || lpad((n %% 100000)::text, 5, '0'),
               'kilometers', 'power', now(), now(), 1, 1
          FROM generate_series(%(start)s, %(stop)s) AS n
        """,
        {"model": model.id, "brand": model.brand_id.id, "company": company, "start": have + 1, "stop": scale},
    )
    cr.execute("ANALYZE fleet_vehicle")
    print(f"  (generated {scale - have:,} vehicles in {time.time() - t0:.0f}s)")


def _lookup(env, scale, kind):
    _fill_vehicles(env, scale)
    env.cr.execute("SELECT vin_sn, license_plate FROM fleet_vehicle ORDER BY id DESC LIMIT 1 OFFSET 17")
    vin, plate = env.cr.fetchone()
    term = vin if kind == "vin" else plate
    Vehicle = env["fleet.vehicle"]

    def measured():
        assert Vehicle.name_search(term, limit=8)

    def baseline():
        # fleet's own lookup, on the vehicle's name only (no VIN, plate, owner or phone)
        Vehicle.search_fetch([("name", "ilike", f"Bench/{scale - 17}")], ["display_name"], limit=8)

    return measured, baseline


@scenario("vehicle lookup by VIN", baseline="fleet's name lookup", scales=(10_000, 300_000), goal=2.0)
@requires("aftersales_base")
def vin_lookup(env, scale):
    return _lookup(env, scale, "vin")


@scenario("vehicle lookup by plate", baseline="fleet's name lookup", scales=(10_000, 300_000), goal=2.0)
@requires("aftersales_base")
def plate_lookup(env, scale):
    return _lookup(env, scale, "plate")
