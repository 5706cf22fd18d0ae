from odoo import models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    def _as_amount_in_words(self, amount):
        """The amount in Chinese capital numerals (大写) as on Chinese financial documents, e.g. 壹佰元整."""
        return self.env["account.move"]._convert_to_amount_in_word(round(amount, 2)) or ""
