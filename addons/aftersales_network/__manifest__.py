# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Dealer Network",
    "summary": "Onboarding of service dealers: scored application, visit, committee, intent, acceptance, contract",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "LGPL-3",
    "depends": ["aftersales_base", "crm", "sale_management"],
    "data": [
        "security/aftersales_network_security.xml",
        "security/ir.model.access.csv",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [],
    "installable": True,
    "application": False,
}
