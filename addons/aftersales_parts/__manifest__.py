# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Parts",
    "summary": "Parts master, demand to issue or purchase, min/max stock, stocktake, write-off and old-part ledger",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "LGPL-3",
    "depends": ["aftersales_base", "purchase_stock"],
    "data": [
        "security/aftersales_parts_security.xml",
        "security/ir.model.access.csv",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [],
    "installable": True,
    "application": False,
}
