# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales Warranty: Dealer to OEM Link",
    "summary": "Dealer site sends warranty claims and quality information to the OEM site over Odoo's external API, "
    "pulls decisions and replies back",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["aftersales_base", "aftersales_warranty", "aftersales_followup"],
    "data": [
        "security/aftersales_warranty_oem_link_security.xml",
        "security/ir.model.access.csv",
        "data/aftersales_warranty_oem_link_data.xml",
        "views/aftersales_oem_exchange_views.xml",
        "views/aftersales_warranty_claim_views.xml",
        "views/aftersales_quality_info_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "external_dependencies": {"python": ["requests"]},
    "installable": True,
    "application": False,
    "auto_install": False,
}
