"""aftersales_network scenarios: pipeline reporting, scoring, documents checklist, portal listing."""

from bench.harness import requires, scenario

STATES = ["draft", "submitted", "qualified", "reserve", "visit", "committee", "orders", "acceptance", "contracted"]


def _applications(env, scale):
    """`scale` applications of 50 candidate companies spread over the provinces and stages (reused between runs)."""
    Application = env["aftersales.network.application"]
    existing = Application.search([("business_licence_no", "=like", "BENCH-%")])
    if len(existing) >= scale:
        return existing[:scale]
    provinces = env["res.country.state"].search([("country_id.code", "=", "CN")])
    partners = env["res.partner"].search([("ref", "=like", "NW-BENCH-%")])
    if not partners:
        partners = env["res.partner"].create(
            [{"name": f"基准测试汽车服务公司{i}", "is_company": True, "ref": f"NW-BENCH-{i:03d}"} for i in range(50)]
        )
    start = len(existing)
    new = Application.with_context(tracking_disable=True).create(
        [
            {
                "partner_id": partners[i % len(partners)].id,
                "business_licence_no": f"BENCH-{i:06d}",
                "state_id": provinces[i % len(provinces)].id,
                "investment": 1_000_000 + i,
            }
            for i in range(start, scale)
        ]
    )
    for index, state in enumerate(STATES):
        new.filtered(lambda app, index=index: app.id % len(STATES) == index).write({"state": state})
    return existing | new


@scenario(
    "pipeline by stage and province (read_group)",
    baseline="partners by province (read_group)",
    scales=(2000,),
)
@requires("aftersales_network")
def pipeline_read_group(env, scale):
    _applications(env, scale)
    Application = env["aftersales.network.application"]
    Partner = env["res.partner"]

    def measured():
        Application.read_group([], ["investment:sum"], ["state", "state_id"], lazy=False)

    def baseline():
        Partner.read_group([], ["id:count"], ["state_id"], lazy=False)

    return measured, baseline


@scenario(
    "documents checklist completeness of 500 applications",
    baseline="read 500 application names",
    scales=(500,),
    goal=10,
)
@requires("aftersales_network")
def documents_complete(env, scale):
    applications = _applications(env, max(scale, 2000))[:scale]

    def measured():
        applications.mapped("documents_complete")

    def baseline():
        applications.mapped("name")

    return measured, baseline


@scenario(
    "confirm an application scoring sheet (qualify + stage log + chatter)",
    baseline="post a chatter note on the application",
    scales=(1,),
    goal=15,
)
@requires("aftersales_network")
def confirm_scoring(env, scale):
    env.ref("aftersales_network.crm_team_dealer_network")
    Scorecard = env["aftersales.network.scorecard"]
    scorecard = Scorecard._get_current("application") or Scorecard.create(
        {
            "name": "基准申请评分标准",
            "version": "BENCH",
            "kind": "application",
            "criterion_ids": [(0, 0, {"group_name": "资质", "name": f"项目{i}", "max_points": 10}) for i in range(10)],
        }
    )
    application = _applications(env, 2000).filtered(lambda app: app.state == "submitted")[:1]

    def measured():
        application.write({"scorecard_id": scorecard.id, "qualifying_score": 60})
        application._set_state("scoring")
        sheet = env["aftersales.network.evaluation"].create({"application_id": application.id, "kind": "application"})
        sheet.line_ids.write({"points": 8})
        sheet.action_confirm()

    def baseline():
        application.message_post(body="基准")

    return measured, baseline


@scenario(
    "portal candidate lists its applications (record rule)",
    baseline="administrator lists the same applications",
    scales=(2000,),
    goal=3,
)
@requires("aftersales_network")
def portal_listing(env, scale):
    applications = _applications(env, scale)
    partner = applications[:1].partner_id
    contact = env["res.partner"].search([("parent_id", "=", partner.id), ("email", "=", "bench@example.com")], limit=1)
    if not contact:
        contact = env["res.partner"].create(
            {"name": "基准联系人", "parent_id": partner.id, "email": "bench@example.com"}
        )
    user = contact.user_ids[:1] or env["res.users"].create(
        {
            "name": "基准门户用户",
            "login": "bench_network_portal",
            "partner_id": contact.id,
            "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
        }
    )
    Application = env["aftersales.network.application"]
    domain = [("partner_id", "child_of", [partner.id])]

    def measured():
        Application.with_user(user).search(domain, limit=20).mapped("state")

    def baseline():
        Application.search(domain, limit=20).mapped("state")

    return measured, baseline
