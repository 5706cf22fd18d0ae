"""aftersales_followup scenarios: the scheduling and escalation crons over many delivered work orders.

Data is inserted with SQL (one ``INSERT ... SELECT generate_series``) from a template work order, so that
generating 100,000 delivered orders takes seconds. Each scale leaves exactly ``scale`` orders (or calls) for
the cron to process, so the 10k and 100k figures compare: the crons work in batches of 1,000 records with a
constant number of queries per batch, and the total grows linearly.
"""

from bench.harness import cron_scenario, requires, run_as_scheduler, sql_count

MARK = "BENCH-FU-"


def _template_order(env):
    order = env["repair.order"].search([("name", "=", MARK + "TEMPLATE")], limit=1)
    if order:
        return order
    partner = env["res.partner"].create({"name": "基准客户", "phone": "13800000000", "street": "路1号", "city": "广州"})
    brand = env["fleet.vehicle.model.brand"].create({"name": "基准品牌"})
    model = env["fleet.vehicle.model"].create({"name": "基准车型", "brand_id": brand.id})
    vehicle = env["fleet.vehicle"].create({"model_id": model.id, "owner_id": partner.id})
    order = env["repair.order"].create({"partner_id": partner.id, "vehicle_id": vehicle.id})
    order.write({"name": MARK + "TEMPLATE", "service_stage": "cancelled", "followup_scheduled": True})
    env.flush_all()
    return order


def _bare_calls(env, scale, partner):
    """The baseline of the crons that create calls: Odoo's own create of ``scale`` bare calls, 1,000 a batch."""
    Followup = env["aftersales.followup"].with_context(
        tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
    )

    def baseline():
        for start in range(0, scale, 1000):
            Followup.create(
                [{"name": f"B{i}", "partner_id": partner.id} for i in range(start, min(start + 1000, scale))]
            )
            env.flush_all()
            env.invalidate_all()

    return baseline


def _delivered_orders(env, scale):
    """Ensure ``scale`` bench orders exist, delivered 10 days ago; only the first ``scale`` await scheduling."""
    template = _template_order(env)
    cr = env.cr
    cr.execute("SELECT count(*) FROM repair_order WHERE name LIKE %s AND id != %s", [MARK + "%", template.id])
    existing = cr.fetchone()[0]
    if existing < scale:
        cr.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'repair_order' "
            "AND column_name NOT IN ('id', 'name', 'service_stage', 'delivered_date', 'followup_scheduled')"
        )
        columns = [row[0] for row in cr.fetchall()]
        cols = ", ".join(f'"{c}"' for c in columns)
        cr.execute(
            f"INSERT INTO repair_order ({cols}, name, service_stage, delivered_date, followup_scheduled) "
            f"SELECT {cols}, %s || g, 'delivered', now() - interval '10 days', false "
            "FROM repair_order, generate_series(%s, %s) g WHERE id = %s",
            [MARK, existing + 1, scale, template.id],
        )
    # Exactly `scale` orders wait for the cron; no follow-up call (nor its activities and followers, left by
    # an earlier run as the scheduler: committed) exists for the bench orders.
    bench_calls = (
        "SELECT id FROM aftersales_followup WHERE repair_id IN (SELECT id FROM repair_order WHERE name LIKE %s)"
    )
    for table in ("mail_activity", "mail_followers"):
        cr.execute(
            f"DELETE FROM {table} WHERE res_model = 'aftersales.followup' AND res_id IN ({bench_calls})",
            [MARK + "%"],
        )
    cr.execute(f"DELETE FROM aftersales_followup WHERE id IN ({bench_calls})", [MARK + "%"])
    cr.execute(
        "UPDATE repair_order SET followup_scheduled = (id NOT IN ("
        "  SELECT id FROM repair_order WHERE name LIKE %s AND id != %s ORDER BY id LIMIT %s)) "
        "WHERE name LIKE %s",
        [MARK + "%", template.id, scale, MARK + "%"],
    )
    env.invalidate_all()
    return template


@cron_scenario(
    "follow-up scheduling cron over N delivered orders", baseline="create N bare follow-up calls in one batch"
)
@requires("aftersales_followup")
def followup_schedule_cron(env, scale):
    template = _delivered_orders(env, scale)

    def measured():
        run_as_scheduler(env, "aftersales_followup.ir_cron_schedule_followups")
        scheduled = sql_count(
            env, "SELECT count(*) FROM repair_order WHERE name LIKE %s AND followup_scheduled", [MARK + "%"]
        )
        assert scheduled >= scale, "the cron did not schedule every order"

    return measured, _bare_calls(env, scale, template.partner_id)


@cron_scenario("follow-up escalation cron over N late calls", baseline="create N activities in one batch")
@requires("aftersales_followup")
def followup_escalation_cron(env, scale):
    _delivered_orders(env, scale)
    # One planned first call per bench order, its window past: all `scale` calls are late.
    env.cr.execute(
        "INSERT INTO aftersales_followup (name, company_id, call_type, direction, channel, state, partner_id, "
        "repair_id, user_id, date_from, date_deadline, attempt_count, escalated_late, create_uid, write_uid, "
        "create_date, write_date) "
        "SELECT 'BFU' || r.id, r.company_id, 'first', 'outbound', 'phone', 'planned', r.partner_id, r.id, 1, "
        "(now() - interval '7 days')::date, (now() - interval '3 days')::date, 0, false, 1, 1, now(), now() "
        "FROM repair_order r WHERE r.name LIKE %s AND NOT r.followup_scheduled",
        [MARK + "%"],
    )
    env.cr.execute("UPDATE repair_order SET followup_scheduled = true WHERE name LIKE %s", [MARK + "%"])
    activity_type = env.ref("mail.mail_activity_data_todo")
    model_id = env["ir.model"]._get_id("aftersales.followup")
    env.cr.execute("SELECT id FROM aftersales_followup WHERE name LIKE 'BFU%%' ORDER BY id LIMIT %s", [scale])
    call_ids = [row[0] for row in env.cr.fetchall()]

    def measured():
        run_as_scheduler(env, "aftersales_followup.ir_cron_escalate_followups")
        escalated = sql_count(env, "SELECT count(*) FROM aftersales_followup WHERE name LIKE 'BFU%' AND escalated_late")
        assert escalated == scale, "the cron did not escalate every late call"

    def baseline():
        Activity = env["mail.activity"].with_context(mail_activity_quick_update=True)
        for start in range(0, scale, 1000):
            Activity.create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": call_id,
                        "activity_type_id": activity_type.id,
                        "user_id": env.uid,
                        "summary": "baseline",
                    }
                    for call_id in call_ids[start : start + 1000]
                ]
            )
            env.flush_all()
            env.invalidate_all()

    return measured, baseline


def _due_vehicles(env, scale):
    """``scale`` vehicles with an owner whose next maintenance falls within the reminder lead days, none
    reminded yet (generated with SQL once, reset before each run)."""
    template = _template_order(env)
    cr = env.cr
    company = env.company
    cr.execute("SELECT count(*) FROM fleet_vehicle WHERE name LIKE 'BenchMR/%'")
    have = cr.fetchone()[0]
    if have < scale:
        vehicle = template.vehicle_id
        cr.execute(
            """
            INSERT INTO fleet_vehicle (name, model_id, brand_id, company_id, owner_id, active, vin_sn, vin_last6,
                                       license_plate, odometer_unit, power_unit, maintenance_interval_months,
                                       create_date, write_date, create_uid, write_uid)
            SELECT 'BenchMR/' || n, %(model)s, %(brand)s, %(company)s, %(owner)s, true,
                   'LMR' || upper(lpad(to_hex(n), 14, '0')), upper(right(lpad(to_hex(n), 14, '0'), 6)),
                   '粤M' || lpad(n::text, 6, '0'), 'kilometers', 'power', 6, now(), now(), 1, 1
              FROM generate_series(%(start)s, %(stop)s) AS n
            """,
            {
                "model": vehicle.model_id.id,
                "brand": vehicle.model_id.brand_id.id,
                "company": company.id,
                "owner": template.partner_id.id,
                "start": have + 1,
                "stop": scale,
            },
        )
    # every other vehicle of the database is not due; the bench vehicles are due in 5 days (lead days: 20)
    cr.execute("UPDATE res_company SET as_reminder_lead_days = 20")
    cr.execute(
        "UPDATE fleet_vehicle SET next_maintenance_date = CASE WHEN name LIKE 'BenchMR/%%' AND id IN ("
        "  SELECT id FROM fleet_vehicle WHERE name LIKE 'BenchMR/%%' ORDER BY id LIMIT %s) "
        "THEN (now() + interval '5 days')::date END",
        [scale],
    )
    reminders = "SELECT id FROM aftersales_followup WHERE call_type = 'reminder'"
    for table in ("mail_activity", "mail_followers"):
        cr.execute(f"DELETE FROM {table} WHERE res_model = 'aftersales.followup' AND res_id IN ({reminders})")
    cr.execute(f"DELETE FROM aftersales_followup WHERE id IN ({reminders})")
    env.invalidate_all()


@cron_scenario("maintenance reminders cron over N due vehicles", baseline="create N bare follow-up calls in one batch")
@requires("aftersales_followup")
def maintenance_reminders_cron(env, scale):
    _due_vehicles(env, scale)

    def measured():
        run_as_scheduler(env, "aftersales_followup.ir_cron_maintenance_reminders")
        reminders = sql_count(env, "SELECT count(*) FROM aftersales_followup WHERE call_type = 'reminder'")
        assert reminders == scale, "one reminder per due vehicle"

    return measured, _bare_calls(env, scale, _template_order(env).partner_id)
