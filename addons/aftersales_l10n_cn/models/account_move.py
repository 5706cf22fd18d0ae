from odoo import api, fields, models
from odoo.exceptions import ValidationError

FAPIAO_LENGTHS = (8, 20)  # legacy paper / electronic fapiao number; fully digital e-invoice (数电票)


class AccountMove(models.Model):
    _inherit = "account.move"

    # no size: l10n_cn's size=8 would cut a longer number silently; the check below refuses it instead
    fapiao = fields.Char(size=None)
    as_fapiao_type = fields.Selection(
        [("general", "General VAT Invoice"), ("special", "Special VAT Invoice")],
        string="Fapiao Type",
        copy=False,
        tracking=True,
        help="General VAT invoice (普票) or special VAT invoice (专票, the buyer deducts its input VAT).",
    )

    @api.constrains("fapiao")
    def _check_fapiao(self):
        # replaces l10n_cn's check (8 digits only): today's fully digital e-invoices have 20 digits
        for move in self:
            if move.fapiao and (len(move.fapiao) not in FAPIAO_LENGTHS or not move.fapiao.isdecimal()):
                raise ValidationError(
                    self.env._(
                        "Fapiao number %(number)s of %(move)s: a fapiao number has 8 digits, or 20 digits for a "
                        "fully digital e-invoice.",
                        number=move.fapiao,
                        move=move.display_name,
                    )
                )
