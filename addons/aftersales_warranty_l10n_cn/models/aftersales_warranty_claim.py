from odoo import api, fields, models
from odoo.addons.aftersales_l10n_cn.models.account_move import FAPIAO_LENGTHS
from odoo.exceptions import UserError, ValidationError


class WarrantyClaim(models.Model):
    _inherit = "aftersales.warranty.claim"

    as_dealer_fapiao = fields.Char(
        string="Dealer's Fapiao Number",
        copy=False,
        tracking=True,
        help="OEM site: the number of the fapiao the dealer issued to the OEM for this claim (8 digits, or 20 for "
        "a fully digital e-invoice); it goes on the bill from the dealer when the claim is settled.",
    )
    as_dealer_fapiao_type = fields.Selection(
        [("general", "General VAT Invoice"), ("special", "Special VAT Invoice")],
        string="Dealer's Fapiao Type",
        copy=False,
    )
    as_dealer_invoice_fapiao = fields.Char(related="dealer_invoice_id.fapiao", string="Fapiao of the Receivable")
    as_oem_bill_fapiao = fields.Char(related="oem_bill_id.fapiao", string="Fapiao of the Bill from Dealer")

    @api.constrains("as_dealer_fapiao")
    def _check_as_dealer_fapiao(self):
        for claim in self:
            number = claim.as_dealer_fapiao
            if number and (len(number) not in FAPIAO_LENGTHS or not number.isdecimal()):
                raise ValidationError(
                    self.env._(
                        "Fapiao number %(number)s of %(move)s: a fapiao number has 8 digits, or 20 digits for a "
                        "fully digital e-invoice.",
                        number=number,
                        move=claim.name,
                    )
                )

    def _as_dealer_fapiao_number(self):
        """The dealer's fapiao for the claim: on its receivable from the OEM (dealer site) or as the OEM recorded
        it (OEM site)."""
        self.ensure_one()
        return self.dealer_invoice_id.fapiao if self.is_dealer_side else self.as_dealer_fapiao

    def action_settle(self):
        for claim in self:
            if claim.company_id.as_claim_needs_fapiao and not claim._as_dealer_fapiao_number():
                raise UserError(
                    self.env._(
                        "Claim %(claim)s cannot be settled: the dealer's fapiao number is not recorded yet.",
                        claim=claim.name,
                    )
                )
        return super().action_settle()

    def _prepare_oem_bill_vals(self):
        """The bill from the dealer carries the dealer's fapiao as the OEM recorded it on the claim (validated by
        ``_check_as_dealer_fapiao``)."""
        vals = super()._prepare_oem_bill_vals()
        if vals and self.as_dealer_fapiao:
            vals.update(fapiao=self.as_dealer_fapiao, as_fapiao_type=self.as_dealer_fapiao_type)
        return vals

    def _as_amount_in_words(self, amount):
        """The amount in Chinese capital numerals (大写), e.g. 壹佰元整."""
        return self.env["account.move"]._convert_to_amount_in_word(round(amount, 2)) or ""
