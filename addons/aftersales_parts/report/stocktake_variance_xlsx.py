from odoo import models


class StocktakeVarianceXlsx(models.AbstractModel):
    _name = "report.aftersales_parts.stocktake_variance_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Stocktake variance report (xlsx)"

    def generate_xlsx_report(self, workbook, data, stocktakes):
        bold = workbook.add_format({"bold": True})
        # amounts in the company's currency, with its symbol (¥ in CNY), as the printed documents show them
        symbol = (stocktakes.company_id[:1] or self.env.company).currency_id.symbol or ""
        money = workbook.add_format({"num_format": f'"{symbol}"#,##0.00'})
        _ = self.env._
        for stocktake in stocktakes:
            sheet = workbook.add_worksheet(stocktake.name[:31])
            sheet.write(0, 0, _("Stocktake"), bold)
            sheet.write(0, 1, stocktake.name)
            sheet.write(1, 0, _("Location"), bold)
            sheet.write(1, 1, stocktake.location_id.display_name)
            headers = [
                _("Location"),
                _("Part number"),
                _("Part"),
                _("Book quantity"),
                _("Counted quantity"),
                _("Difference"),
                _("Unit cost"),
                _("Variance value"),
                _("Gain/Loss"),
                _("Reason"),
                _("Responsible person"),
            ]
            for col, header in enumerate(headers):
                sheet.write(3, col, header, bold)
            kinds = dict(self.env["aftersales.stocktake.line"]._fields["variance_type"].selection)
            row = 4
            for line in stocktake.line_ids.filtered("is_variance"):
                values = [
                    line.location_id.display_name,
                    line.part_number or line.product_id.default_code or "",
                    line.product_id.name,
                    line.theoretical_qty,
                    line.counted_qty,
                    line.difference_qty,
                    line.unit_cost,
                    line.difference_value,
                    kinds.get(line.variance_type, ""),
                    line.reason or "",
                    line.responsible_id.name or "",
                ]
                for col, value in enumerate(values):
                    sheet.write(row, col, value, money if col in (6, 7) else None)
                row += 1
            sheet.write(row + 1, 6, _("Gain"), bold)
            sheet.write(row + 1, 7, stocktake.gain_value, money)
            sheet.write(row + 2, 6, _("Loss"), bold)
            sheet.write(row + 2, 7, stocktake.loss_value, money)
            sheet.set_column(0, 2, 22)
            sheet.set_column(3, 10, 14)
