from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestIntactness(PartsCommon):
    def _receive(self, vendor, lines):
        order = self.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_qty": qty}) for product, qty in lines],
            }
        )
        order.with_user(self.manager).button_confirm()
        receipt = order.picking_ids
        for move in receipt.move_ids:
            move.quantity = move.product_uom_qty
        receipt.move_ids.picked = True
        receipt.with_user(self.clerk).button_validate()
        return receipt

    def _variance(self, receipt, lines):
        action = receipt.with_user(self.clerk).action_as_record_variance()
        variance = self.env["aftersales.receipt.variance"].browse(action["res_id"])
        variance.line_ids.unlink()
        variance.with_user(self.clerk).write(
            {
                "line_ids": [
                    (0, 0, {"product_id": product.id, "variance_type": kind, "quantity": qty})
                    for product, kind, qty in lines
                ]
            }
        )
        return variance

    def test_intactness_rate_of_received_parts(self):
        """20 clutch plates and 10 pads received; 2 plates damaged, 1 wrong pad, 3 pads short: 27 of 30 intact."""
        receipt = self._receive(self.vendor, [(self.clutch, 20)])
        receipt2 = self._receive(self.vendor2, [(self.pad, 10)])
        self._variance(receipt, [(self.clutch, "damaged", 2)])
        self._variance(receipt2, [(self.pad, "wrong", 1), (self.pad, "short", 3)])
        Intactness = self.env["aftersales.receipt.intactness"].with_user(self.clerk)
        domain = [("picking_id", "in", (receipt | receipt2).ids)]
        rows = Intactness.search(domain, order="received_qty desc")
        self.assertRecordValues(
            rows,
            [
                {
                    "product_id": self.clutch.id,
                    "received_qty": 20.0,
                    "damaged_qty": 2.0,
                    "wrong_qty": 0.0,
                    "intactness": 90.0,
                },
                {
                    "product_id": self.pad.id,
                    "received_qty": 10.0,
                    "damaged_qty": 0.0,
                    "wrong_qty": 1.0,
                    "intactness": 90.0,
                },
            ],
        )
        # over the period, the rate is the intact share of all received parts, as the pivot shows it
        today = fields.Date.context_today(Intactness)
        period = [("date", ">=", fields.Datetime.to_datetime(today - timedelta(days=30)))]
        self.assertAlmostEqual(Intactness._get_rate(domain + period), 90.0)
        groups = Intactness.read_group(domain, ["intactness:avg", "received_qty:sum"], ["partner_id"])
        self.assertEqual(
            {g["partner_id"][0]: g["intactness"] for g in groups}, {self.vendor.id: 90.0, self.vendor2.id: 90.0}
        )
        # one more receipt of 10 intact filters: 37 of 40 intact
        receipt3 = self._receive(self.vendor, [(self.filter, 10)])
        domain = [("picking_id", "in", (receipt | receipt2 | receipt3).ids)]
        self.assertAlmostEqual(Intactness._get_rate(domain), 92.5)
        # a cancelled variance no longer counts; nothing received in the period gives no rate
        receipt.env["aftersales.receipt.variance"].search([("picking_id", "=", receipt.id)]).with_user(
            self.clerk
        ).action_cancel()
        self.assertAlmostEqual(Intactness._get_rate(domain), 97.5)
        self.assertIsNone(Intactness._get_rate(domain + [("date", "<", "2000-01-01")]))
