from odoo import models


class WorkOrderRegisterXlsx(models.AbstractModel):
    _name = "report.aftersales_base.work_order_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Work Order Register (xlsx)"

    def _columns(self):
        _ = self.env._
        return [
            (_("Work Order"), lambda o: o.name, 16),
            (_("Received"), lambda o: o.reception_date, 18),
            (_("Plate"), lambda o: o.license_plate or "", 12),
            (_("VIN"), lambda o: o.vin or "", 20),
            (_("Customer"), lambda o: o.partner_id.display_name or "", 20),
            (_("Service Advisor"), lambda o: o.user_id.name or "", 14),
            (
                _("Job Type"),
                lambda o: dict(o._fields["job_type"]._description_selection(o.env)).get(o.job_type, ""),
                14,
            ),
            (
                _("Service Stage"),
                lambda o: dict(o._fields["service_stage"]._description_selection(o.env))[o.service_stage],
                12,
            ),
            (_("Odometer In (km)"), lambda o: o.odometer_in, 12),
            (_("Labour"), lambda o: o.amount_labour, 12),
            (_("Parts"), lambda o: o.amount_parts, 12),
            (_("Customer Pays"), lambda o: o.amount_customer, 12),
            (_("Warranty"), lambda o: o.amount_warranty, 12),
            (_("Insurance"), lambda o: o.amount_insurance, 12),
            (_("Internal"), lambda o: o.amount_internal, 12),
            (_("Total"), lambda o: o.amount_total, 12),
            (_("Comeback"), lambda o: o.comeback_of_id.name or "", 14),
            (_("Delivered"), lambda o: o.delivered_date or "", 18),
        ]

    def generate_xlsx_report(self, workbook, data, orders):
        sheet = workbook.add_worksheet(self.env._("Work Orders"))
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        # amounts in the company's currency, with its symbol (¥ in CNY), as the printed documents show them
        symbol = (orders.company_id[:1] or self.env.company).currency_id.symbol or ""
        money = workbook.add_format({"num_format": f'"{symbol}"#,##0.00'})
        date = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        columns = self._columns()
        for col, (title, _getter, width) in enumerate(columns):
            sheet.write(0, col, title, bold)
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)
        for row, order in enumerate(orders.sorted("reception_date"), start=1):
            for col, (_title, getter, _width) in enumerate(columns):
                value = getter(order)
                if hasattr(value, "year"):
                    sheet.write_datetime(row, col, value, date)
                elif isinstance(value, float):
                    sheet.write_number(row, col, value, money)
                else:
                    sheet.write(row, col, value)
        sheet.autofilter(0, 0, len(orders), len(columns) - 1)
