# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales China Accounting Bridge",
    "summary": "China's small-business chart for the workshop: stock accounts, 20-digit fapiao, amounts in 大写",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["aftersales_base", "l10n_cn", "l10n_cn_city"],
    "external_dependencies": {"python": ["cn2an"]},
    "data": ["views/account_move_views.xml", "report/aftersales_l10n_cn_reports.xml"],
    "demo": ["demo/aftersales_l10n_cn_demo.xml"],
    "installable": True,
    "auto_install": ["aftersales_base", "l10n_cn"],
    "application": False,
    "post_init_hook": "post_init_hook",
}
