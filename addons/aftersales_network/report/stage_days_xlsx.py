from odoo import models


class NetworkStageDaysXlsx(models.AbstractModel):
    _name = "report.aftersales_network.stage_days_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Network Applications: Average Days per Stage (xlsx)"

    def generate_xlsx_report(self, workbook, data, applications):
        state_labels = dict(applications._fields["state"]._description_selection(self.env))
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        number = workbook.add_format({"num_format": "0.0"})
        # One grouped query for the averages, one read for the details.
        Log = self.env["aftersales.network.stage.log"]
        groups = Log._read_group(
            [("application_id", "in", applications.ids)], ["state"], ["days:avg", "days:max", "__count"]
        )
        sheet = workbook.add_worksheet(self.env._("Average days per stage"))
        headers = [
            self.env._("Stage"),
            self.env._("Passages"),
            self.env._("Average days"),
            self.env._("Longest (days)"),
        ]
        sheet.write_row(0, 0, headers, bold)
        order = [state for state, _label in applications._fields["state"].selection]
        groups.sort(key=lambda group: order.index(group[0]) if group[0] in order else len(order))
        for row, (state, avg_days, max_days, count) in enumerate(groups, start=1):
            sheet.write(row, 0, state_labels.get(state, state))
            sheet.write_number(row, 1, count)
            sheet.write_number(row, 2, avg_days or 0.0, number)
            sheet.write_number(row, 3, max_days or 0.0, number)
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 3, 14)

        detail = workbook.add_worksheet(self.env._("Stage history"))
        headers = [
            self.env._("Application"),
            self.env._("Candidate"),
            self.env._("Province"),
            self.env._("Stage"),
            self.env._("From"),
            self.env._("To"),
            self.env._("Days"),
        ]
        detail.write_row(0, 0, headers, bold)
        logs = Log.search([("application_id", "in", applications.ids)], order="application_id, date_from")
        for row, log in enumerate(logs, start=1):
            detail.write_row(
                row,
                0,
                [
                    log.application_id.name,
                    log.application_id.partner_id.name,
                    log.state_id.name or "",
                    state_labels.get(log.state, log.state),
                    str(log.date_from),
                    str(log.date_to),
                ],
            )
            detail.write_number(row, 6, log.days, number)
        detail.set_column(0, 5, 20)
