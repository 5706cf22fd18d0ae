# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales Dealer Network",
    "summary": "Onboarding of service dealers: scored application, visit, committee, intent, acceptance, contract",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": [
        "aftersales_base",
        "base_address_extended",
        "crm",
        "sale_management",
        "sale_stock",
        "calendar",
        "portal",
        "report_xlsx",
    ],
    "data": [
        "security/aftersales_network_security.xml",
        "security/ir.model.access.csv",
        "data/aftersales_network_data.xml",
        "report/network_reports.xml",
        "views/res_config_settings_views.xml",
        "views/network_application_views.xml",
        "views/network_evaluation_views.xml",
        "views/network_config_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/aftersales_network_demo.xml",
        "demo/aftersales_network_application_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "aftersales_network/static/src/js/portal_network_cities.js",
        ],
        "web.assets_tests": [
            "aftersales_network/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
