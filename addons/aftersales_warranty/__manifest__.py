# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Warranty",
    "summary": "Warranty claims from dealer to OEM, review, old-part return, supplier recovery, posted in accounting",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "LGPL-3",
    "depends": ["aftersales_base"],
    "data": [
        "security/aftersales_warranty_security.xml",
        "security/ir.model.access.csv",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [],
    "installable": True,
    "application": False,
}
