# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Workshop",
    "summary": "Customer vehicles, customer archive and the 13-step workshop work order on repair and fleet",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "LGPL-3",
    "depends": ["repair", "fleet", "stock_account", "portal", "mail"],
    "data": [
        "security/aftersales_base_security.xml",
        "security/ir.model.access.csv",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [],
    "installable": True,
    "application": True,
}
