# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales Warranty China Bridge",
    "summary": "The dealer's fapiao on warranty claims (needed to settle where the OEM asks), claim amounts in 大写",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["aftersales_warranty", "aftersales_l10n_cn"],
    "data": [
        "views/aftersales_warranty_claim_views.xml",
        "views/res_config_settings_views.xml",
        "report/aftersales_warranty_claim_report.xml",
    ],
    "demo": [],
    "installable": True,
    "auto_install": True,
    "application": False,
}
