from odoo import fields, models


class QualityDailyXlsx(models.AbstractModel):
    _name = "report.aftersales_followup.quality_daily_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Daily Major Quality Report (xlsx)"

    def _columns(self):
        return [
            ("name", self.env._("Reference"), 16),
            ("level", self.env._("Level"), 10),
            ("state", self.env._("Status"), 16),
            ("partner_id", self.env._("Dealer"), 24),
            ("title", self.env._("Title"), 36),
            ("vin", self.env._("VIN"), 20),
            ("product_id", self.env._("Part"), 24),
            ("claim_ref", self.env._("Warranty Claim Reference"), 18),
            ("compensation_demand", self.env._("Customer's Compensation Demand"), 16),
            ("qa_deadline", self.env._("QA Analysis By"), 14),
            ("reply_deadline", self.env._("Reply By"), 14),
            ("is_late", self.env._("Late"), 8),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        sheet = workbook.add_worksheet(self.env._("Major Quality"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        today = fields.Date.to_string(fields.Date.context_today(self))
        sheet.write(0, 0, self.env._("Daily major quality report %(date)s", date=today), bold)
        columns = self._columns()
        for col, (_field, label, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(2, col, label, bold)
        for row, info in enumerate(objs, start=3):
            for col, (field, _label, _width) in enumerate(columns):
                value = info[field]
                fdef = info._fields[field]
                if fdef.type == "many2one":
                    value = value.display_name or ""
                elif fdef.type == "selection":
                    value = dict(fdef._description_selection(self.env)).get(value, "")
                elif fdef.type == "boolean":
                    value = "✓" if value else ""
                elif fdef.type == "date":
                    value = fields.Date.to_string(value) if value else ""
                sheet.write(row, col, value if value is not False else "")
