# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales Warranty and Parts Bridge",
    "summary": "Links warranty old-part returns to the old-part ledger when both addons are installed",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["aftersales_parts", "aftersales_warranty"],
    "data": ["security/ir.model.access.csv", "views/aftersales_warranty_parts_views.xml"],
    "demo": [],
    "installable": True,
    "auto_install": True,
    "application": False,
}
