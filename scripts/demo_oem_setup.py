# Run by scripts/demo_oem.sh inside `odoo-bin shell` (demo databases only). DEMO_SITE=oem, on the OEM's demo
# database: the dealer company of the demo (广州粤华) becomes a network dealer there, with the portal user
# yuehua_portal (password = login) and a fresh API key, printed as "DEMO_OEM_KEY <key>"; the copy gets a UUID of
# its own. DEMO_SITE=dealer, on the dealer's demo database: the dealer company's OEM connection (DEMO_OEM_URL,
# DEMO_OEM_DB, DEMO_OEM_LOGIN, DEMO_OEM_KEY). `env` is the shell's superuser environment.
import os
import uuid
from datetime import timedelta

from odoo import Command, fields

env = env(context=dict(env.context, tracking_disable=True))  # noqa: F821 (the shell's env)
dealer_company = env.ref("base.main_company")
LOGIN = "yuehua_portal"
if os.environ["DEMO_SITE"] == "oem":
    env["ir.config_parameter"].set_param("database.uuid", str(uuid.uuid4()))
    env["ir.config_parameter"].set_param("portal.allow_api_keys", True)  # portal users may create API keys
    # A copy of the dealer's database: the OEM site itself is connected to no OEM.
    dealer_company.write({"as_oem_url": False, "as_oem_api_key": False})
    oem_company = env.ref("aftersales_base.demo_company_oem")
    portal = env["res.users"].with_context(active_test=False).search([("login", "=", LOGIN)])
    if not portal:
        dealer = env["res.partner"].create(
            {"name": dealer_company.name, "is_company": True, "is_network_dealer": True, "city": "广州"}
        )
        contact = env["res.partner"].create({"name": "粤华索赔员", "parent_id": dealer.id, "lang": "zh_CN"})
        portal = env["res.users"].create(
            {
                "login": LOGIN,
                "password": LOGIN,
                "partner_id": contact.id,
                "company_id": oem_company.id,
                "company_ids": [Command.set(oem_company.ids)],
                "groups_id": [Command.set([env.ref("base.group_portal").id])],
            }
        )
    expires = fields.Datetime.now() + timedelta(days=365)
    # sudo (demo only): a portal user's own keys last at most its groups' API key duration (one day by default);
    # the demo's key lasts a year so the two demo sites stay connected.
    key = env["res.users.apikeys"].with_user(portal).sudo()._generate(None, "dealer site demo", expires)
    env.cr.commit()
    print("DEMO_OEM_KEY " + key)
else:
    dealer_company.write(
        {
            "as_oem_url": os.environ["DEMO_OEM_URL"],
            "as_oem_db": os.environ["DEMO_OEM_DB"],
            "as_oem_login": os.environ["DEMO_OEM_LOGIN"],
            "as_oem_api_key": os.environ["DEMO_OEM_KEY"],
        }
    )
    env.cr.commit()
