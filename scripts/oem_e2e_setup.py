# Run by scripts/oem_e2e.py inside `odoo-bin shell` on one of its two scratch databases (never on a real one).
# Both sites get the same catalogue (brand, vehicles, part, operation, policy: each database its own copy, as
# the OEM's catalogue is at every dealer), a UUID of their own (a copied database is another site) and an
# administrator. E2E_SITE=oem: the dealer as a network dealer with its portal user and API key, the OEM's
# reviewer and quality team. E2E_SITE=dealer: the dealer's clerk and quality officer with draft claims and a
# draft quality report. Prints one JSON line "E2E_SETUP {...}". `env` is the shell's superuser environment.
import base64
import json
import os
import uuid
from datetime import timedelta

from odoo import Command, fields
from odoo.addons.aftersales_base.tools import vin_with_check_digit

SITE = os.environ["E2E_SITE"]
CLAIMS = 4  # the story, the dropped connection, the lost answer, the wrong key
PREFIX = "e2e_"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
env = env(context=dict(env.context, tracking_disable=True))  # noqa: F821 (the shell's env)
env["ir.config_parameter"].set_param("database.uuid", str(uuid.uuid4()))
dealer_company = env.ref("base.main_company")  # the dealer site's company (广州粤华)
oem_company = env.ref("aftersales_base.demo_company_oem")  # the OEM site's company (沈阳华辰)
company = oem_company if SITE == "oem" else dealer_company
today = fields.Date.context_today(company.partner_id)


def user(login, *groups, partner=None):
    vals = {
        "name": login,
        "login": PREFIX + login,
        "password": PREFIX + login,
        "email": PREFIX + login + "@example.com",
        "company_id": company.id,
        "company_ids": [Command.set(company.ids)],
        "groups_id": [Command.set([env.ref(g).id for g in groups])],
        "tz": "Asia/Shanghai",
    }
    if partner:
        vals["partner_id"] = partner.id
    return env["res.users"].create(vals)


# The catalogue, the same codes at both sites
brand = env["fleet.vehicle.model.brand"].create({"name": "E2E 品牌"})
model = env["fleet.vehicle.model"].create({"name": "E2E 秦PLUS", "brand_id": brand.id})
owner = env["res.partner"].create({"name": "E2E 车主"})
vehicles = env["fleet.vehicle"].create(
    [
        {
            "model_id": model.id,
            "vin_sn": vin_with_check_digit("LGXCE4CB0N87000%02d" % (i + 1)),
            "owner_id": owner.id,
            "company_id": False,
            "sale_date": fields.Date.subtract(today, months=6),
        }
        for i in range(CLAIMS)
    ]
)
chassis = env["product.category"].create({"name": "E2E 底盘件"})
part = env["product.product"].create(
    {
        "name": "E2E 前减震器",
        "default_code": "E2E-SA-001",
        "is_storable": True,
        "categ_id": chassis.id,
        "company_id": False,
        "list_price": 800.0,
    }
)
for site_company in (dealer_company, oem_company):
    part.with_company(site_company).standard_price = 500.0
env["aftersales.warranty.policy"].create(
    {
        "name": "E2E 三年或10万公里",
        "brand_id": brand.id,
        "months": 36,
        "km": 100000,
        "labour_rate": 100.0,
        "company_id": False,
    }
)
operation = env["aftersales.operation"].create(
    {
        "code": "E2E-SA01",
        "name": "更换前减震器",
        "default_hours": 2.0,
        "company_id": False,
        "warranty_categ_ids": [Command.link(chassis.id)],
    }
)
admin = user(
    "admin",
    "base.group_system",
    "account.group_account_readonly",
    "aftersales_warranty.group_aftersales_warranty_clerk",
    "aftersales_followup.group_aftersales_quality_officer",
)
out = {"admin": admin.login, "vins": vehicles.mapped("vin_sn")}

if SITE == "oem":
    env["ir.config_parameter"].set_param("portal.allow_api_keys", True)  # the OEM lets portal users make keys
    dealer = env["res.partner"].create({"name": dealer_company.name, "is_company": True, "is_network_dealer": True})
    contact = env["res.partner"].create(
        {"name": "粤华索赔员", "parent_id": dealer.id, "email": "claims@yuehua.example"}
    )
    portal = user("dealer_portal", "base.group_portal", partner=contact)
    key = (
        env["res.users.apikeys"]
        .with_user(portal)
        ._generate(None, "dealer site", fields.Datetime.now() + timedelta(days=1))
    )
    wty = "aftersales_warranty.group_aftersales_warranty_"
    qi = "aftersales_followup.group_aftersales_"
    qa = user("oem_qa", qi + "quality_assurance")
    oem_company.as_qa_user_id = qa
    out.update(
        dealer=dealer.id,
        portal=portal.login,
        key=key,
        reviewer=user("oem_reviewer", wty + "reviewer", "stock.group_stock_user").login,
        qi_manager=user("oem_qi_manager", qi + "aftersales_manager").login,
        qa=qa.login,
        qi_officer=user("oem_qi_officer", qi + "quality_officer").login,
    )
else:
    clerk = user("dealer_clerk", "aftersales_warranty.group_aftersales_warranty_clerk")
    officer = user("dealer_qi_officer", "aftersales_followup.group_aftersales_quality_officer")
    claims = env["aftersales.warranty.claim"]
    for i, vehicle in enumerate(vehicles):
        claim = claims.with_user(clerk).create(
            {
                "dealer_id": dealer_company.partner_id.id,
                "vehicle_id": vehicle.id,
                "repair_date": fields.Date.subtract(today, days=1),
                "mileage": 8000 + i * 100,
                "complaint": "过减速带时前部异响（端到端 %s）" % (i + 1),
                "cause": "前减震器漏油",
                "correction": "更换前减震器",
                "causal_product_id": part.id,
                "line_ids": [
                    Command.create({"line_type": "part", "product_id": part.id, "quantity": 1}),
                    Command.create({"line_type": "labour", "operation_id": operation.id, "quantity": 2}),
                ],
            }
        )
        env["ir.attachment"].create(
            [
                {
                    "name": f"旧件照片{n}.png",
                    "mimetype": "image/png",
                    "raw": PNG,
                    "res_model": claim._name,
                    "res_id": claim.id,
                }
                for n in range(2)
            ]
        )
        claims |= claim
    info = (
        env["aftersales.quality.info"]
        .with_user(officer)
        .create(
            {
                "partner_id": dealer_company.partner_id.id,
                "title": "前减震器批量漏油（端到端）",
                "description": "同批次 3 台车前减震器漏油，一台过减速带时失控擦碰",
                "vin": vehicles[0].vin_sn,
                "mileage": 8000,
                "info_type": "important",
                "c1_injury": True,
                "c1_media": True,
            }
        )
    )
    out.update(clerk=clerk.login, officer=officer.login, claims=claims.ids, info=info.id, company=dealer_company.name)

env.cr.commit()
print("E2E_SETUP " + json.dumps(out))
