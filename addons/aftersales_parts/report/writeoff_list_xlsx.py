from odoo import models


class WriteoffListXlsx(models.AbstractModel):
    _name = "report.aftersales_parts.writeoff_list_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Quarterly write-off list (xlsx)"

    def generate_xlsx_report(self, workbook, data, writeoffs):
        bold = workbook.add_format({"bold": True})
        # amounts in the company's currency, with its symbol (¥ in CNY), as the printed documents show them
        symbol = (writeoffs.company_id[:1] or self.env.company).currency_id.symbol or ""
        money = workbook.add_format({"num_format": f'"{symbol}"#,##0.00'})
        _ = self.env._
        reasons = dict(self.env["aftersales.parts.writeoff.line"]._fields["reason"].selection)
        states = dict(self.env["aftersales.parts.writeoff"]._fields["state"].selection)
        sheet = workbook.add_worksheet(_("Write-off list"))
        headers = [
            _("Quarter"),
            _("Write-off"),
            _("Status"),
            _("Part number"),
            _("Part"),
            _("Quantity"),
            _("Unit cost"),
            _("Amount"),
            _("Reason"),
            _("Why it cannot be claimed, returned or repaired"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        row, total = 1, 0.0
        for writeoff in writeoffs.sorted(lambda w: (w.quarter or "", w.name)):
            for line in writeoff.line_ids:
                values = [
                    writeoff.quarter,
                    writeoff.name,
                    states.get(writeoff.state),
                    line.part_number or line.product_id.default_code or "",
                    line.product_id.name,
                    line.quantity,
                    line.unit_cost,
                    line.amount,
                    reasons.get(line.reason),
                    line.note or "",
                ]
                for col, value in enumerate(values):
                    sheet.write(row, col, value, money if col in (6, 7) else None)
                total += line.amount
                row += 1
        sheet.write(row + 1, 6, _("Total"), bold)
        sheet.write(row + 1, 7, total, money)
        sheet.set_column(0, 9, 16)
