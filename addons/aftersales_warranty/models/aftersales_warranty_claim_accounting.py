"""The accounting documents of a claim, posted by its workflow (submission and settlement).

Dealer side: the warranty receivable from the OEM at submission (``dealer_invoice_id``), a credit note for
what the review cut at settlement (``dealer_refund_id``). OEM side at settlement: the bill from the dealer for
the approved lines (``oem_bill_id``) and the causal part's supplier recovery (``recovery_invoice_id``), offset
against the supplier's open bills (reconciled, or a netting entry ``recovery_netting_id``).

Every document's values come from a ``_prepare_*_vals`` hook a site extends with ``super()``:
``_prepare_move_vals`` (any warranty document, its taxes), ``_prepare_move_line_vals`` (the lines of the
claimed, approved or cut amounts) built from ``_prepare_claim_line_move_line_vals`` and
``_prepare_handling_move_line_vals``, ``_prepare_dealer_invoice_vals``, ``_prepare_dealer_refund_vals``,
``_prepare_oem_bill_vals``, ``_prepare_recovery_line_vals``, ``_prepare_recovery_vals`` and
``_prepare_recovery_netting_vals``. The charge-back of an old part out of coverage is the part return's
(``aftersales.warranty.part.return._prepare_chargeback_vals``), through ``_prepare_move_vals`` too.
"""

from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero


# The claim is split by concern into files of the same model (checker, accounting, KPI, portal), as OCA does.
class AftersalesWarrantyClaim(models.Model):
    _inherit = "aftersales.warranty.claim"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ values of the documents
    def _special_product(self, xmlid):
        return self.env.ref(xmlid)

    def _prepare_claim_line_move_line_vals(self, line, quantity):
        """The invoice line of ``quantity`` of a claim line: the part, the operation's (or labour) product, or
        the sublet product, at the claim line's price."""
        self.ensure_one()
        if line.line_type == "part":
            product = line.product_id
        elif line.line_type == "labour":
            product = (
                line.operation_id.product_id
                or self.company_id.as_labour_product_id
                or self.env.ref("aftersales_base.product_labour")
            )
        else:
            product = self._special_product("aftersales_warranty.product_warranty_sublet")
        return {
            "product_id": product.id,
            "name": f"{self.name} {line.name}",
            "quantity": quantity,
            "price_unit": line.price_unit,
        }

    def _prepare_handling_move_line_vals(self, amount):
        """The invoice line of the parts handling (the policy's percentage of the parts invoiced)."""
        self.ensure_one()
        return {
            "product_id": self._special_product("aftersales_warranty.product_warranty_handling").id,
            "name": self.env._("%(claim)s parts handling", claim=self.name),
            "quantity": 1,
            "price_unit": amount,
        }

    def _prepare_move_line_vals(self, approved=None, cut=False):
        """Invoice lines (create commands) for the claimed (approved=None), approved or cut amounts."""
        self.ensure_one()
        lines = []
        parts_total = 0.0
        for line in self.line_ids:
            if cut:
                quantity = line.quantity - line.approved_quantity
            elif approved:
                quantity = line.approved_quantity
            else:
                quantity = line.quantity
            if float_is_zero(quantity, precision_digits=2):
                continue
            if line.line_type == "part":
                parts_total += quantity * line.price_unit
            lines.append(Command.create(self._prepare_claim_line_move_line_vals(line, quantity)))
        handling = self.currency_id.round(parts_total * (self.policy_id.handling_percent or 0.0) / 100.0)
        if handling:
            lines.append(Command.create(self._prepare_handling_move_line_vals(handling)))
        return lines

    def _prepare_move_vals(self, move_type, partner, lines):
        """Values of a warranty document; its lines carry the company's warranty tax of the move type."""
        self.ensure_one()
        taxes = self.company_id._as_warranty_taxes(move_type)
        for command in lines:
            command[2]["tax_ids"] = [Command.set(taxes.ids)]
        return {
            "move_type": move_type,
            "partner_id": partner.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.name,
            "ref": self.name,
            "invoice_date": fields.Date.context_today(self),
            "invoice_line_ids": lines,
        }

    def _prepare_dealer_invoice_vals(self):
        """Dealer side: the warranty receivable from the OEM for the claimed amount."""
        self.ensure_one()
        return self._prepare_move_vals("out_invoice", self.oem_partner_id, self._prepare_move_line_vals())

    def _prepare_dealer_refund_vals(self):
        """Dealer side: the credit note to the OEM for what the review cut; empty when nothing was cut."""
        self.ensure_one()
        lines = self._prepare_move_line_vals(cut=True)
        if not lines:
            return {}
        vals = self._prepare_move_vals("out_refund", self.oem_partner_id, lines)
        vals["reversed_entry_id"] = self.dealer_invoice_id.id
        return vals

    def _prepare_oem_bill_vals(self):
        """OEM side: the dealer's bill for the approved lines; empty when nothing was approved."""
        self.ensure_one()
        lines = self._prepare_move_line_vals(approved=True)
        if not lines:
            return {}
        return self._prepare_move_vals("in_invoice", self.dealer_id.commercial_partner_id, lines)

    def _prepare_recovery_line_vals(self, amount):
        """The line of the supplier recovery: the supplier's share of the approved amount."""
        self.ensure_one()
        return {
            "product_id": self._special_product("aftersales_warranty.product_warranty_recovery").id,
            "name": self.env._(
                "Warranty recovery %(claim)s: %(part)s, VIN %(vin)s",
                claim=self.name,
                part=self.causal_product_id.display_name,
                vin=self.vin,
            ),
            "quantity": 1,
            "price_unit": amount,
        }

    def _prepare_recovery_vals(self, amount):
        """The supplier recovery: a vendor credit note on the supplier, or a customer invoice to it (setting)."""
        self.ensure_one()
        move_type = "in_refund" if self.company_id.as_recovery_method == "credit_note" else "out_invoice"
        line = Command.create(self._prepare_recovery_line_vals(amount))
        return self._prepare_move_vals(move_type, self.causal_supplier_id.commercial_partner_id, [line])

    def _prepare_recovery_netting_vals(self, invoice, receivable, payables, amount):
        """The netting entry: the supplier's payable accounts debited (as far as their open bills go), its
        receivable credited by ``amount``."""
        self.ensure_one()
        journal = (
            self.env["account.journal"]
            .sudo()  # sudo: the general journal is only named on the entry the settlement posts
            .search(
                [*self.env["account.journal"]._check_company_domain(self.company_id), ("type", "=", "general")],
                limit=1,
            )
        )
        label = self.env._("Recovery %(claim)s offset against the supplier's bills", claim=self.name)
        partner = invoice.partner_id.id
        left = amount
        line_ids = []
        for account, lines in payables.grouped("account_id").items():
            part = min(left, -sum(lines.mapped("amount_residual")))
            if self.currency_id.is_zero(part):
                continue
            left -= part
            line_ids.append(
                Command.create({"account_id": account.id, "partner_id": partner, "name": label, "debit": part})
            )
        line_ids.append(
            Command.create(
                {"account_id": receivable.account_id[:1].id, "partner_id": partner, "name": label, "credit": amount}
            )
        )
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "company_id": self.company_id.id,
            "date": fields.Date.context_today(self),
            "ref": self.name,
            "line_ids": line_ids,
        }

    # ------------------------------------------------------------------ posting
    def _create_moves(self, vals):
        # The claim's poster may be a warranty clerk without invoicing rights: the amounts come from the
        # claim's checked lines, never from user input, so creating the entry as superuser is safe.
        moves = self.env["account.move"].sudo().create(vals)
        moves.action_post()
        return moves.sudo(False)

    def _create_dealer_invoice(self):
        """Dealer side: the warranty receivable from the OEM for the claimed amount."""
        self.ensure_one()
        if self.dealer_invoice_id:
            return
        if not self.oem_partner_id:
            raise UserError(
                self.env._(
                    "Claim %(claim)s: set the OEM partner in After-Sales settings to invoice the warranty.",
                    claim=self.name,
                )
            )
        move = self._create_moves(self._prepare_dealer_invoice_vals())
        self._as_workflow_write({"dealer_invoice_id": move.id})

    def _post_dealer_correction(self):
        """Dealer side: a credit note to the OEM for whatever the review cut."""
        self.ensure_one()
        if self.dealer_refund_id:
            return
        vals = self._prepare_dealer_refund_vals()
        if vals:
            self._as_workflow_write({"dealer_refund_id": self._create_moves(vals).id})

    def _post_oem_bill(self):
        """OEM side: what the OEM owes the dealer for the approved lines."""
        self.ensure_one()
        if self.oem_bill_id:
            return
        vals = self._prepare_oem_bill_vals()
        if vals:
            self._as_workflow_write({"oem_bill_id": self._create_moves(vals).id})

    def _post_supplier_recovery(self):
        """OEM side: the causal part's supplier pays its share of the approved amount, offset against what the
        OEM owes the supplier (its open vendor bills): a vendor credit note on the supplier reconciled with the
        bills, or a customer invoice netted against them (company setting)."""
        self.ensure_one()
        share = (self.policy_id.supplier_recovery_percent or 0.0) / 100.0
        amount = self.currency_id.round(self.amount_approved * share)
        if not self.causal_supplier_id or not amount or self.recovery_invoice_id:
            return
        recovery = self._create_moves(self._prepare_recovery_vals(amount))
        self._as_workflow_write({"recovery_invoice_id": recovery.id})
        open_bills = self._supplier_open_payables(self.causal_supplier_id.commercial_partner_id)
        if not open_bills:
            return
        if self.company_id.as_recovery_method == "credit_note":
            # sudo: reconciling is the consequence of the settlement, on the entries just posted above.
            (
                recovery.sudo().line_ids.filtered(lambda x: x.account_id.account_type == "liability_payable")
                | open_bills
            ).reconcile()
        else:
            self._as_workflow_write({"recovery_netting_id": self._net_recovery_invoice(recovery, open_bills).id})

    def _supplier_open_payables(self, supplier):
        """The supplier's unpaid vendor bill lines in the claim's company, oldest due first."""
        return (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("partner_id", "=", supplier.id),
                    ("account_id.account_type", "=", "liability_payable"),
                    ("account_id.reconcile", "=", True),
                    ("move_id.move_type", "=", "in_invoice"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("amount_residual", "<", 0),
                ],
                order="date_maturity, id",
            )
        )

    def _net_recovery_invoice(self, invoice, payables):
        """A netting entry: the supplier's payable is debited, its receivable credited, by the part of the
        recovery invoice the open bills can absorb; both sides are reconciled."""
        self.ensure_one()
        invoice = invoice.sudo()  # sudo: the recovery invoice the settlement just posted
        receivable = invoice.line_ids.filtered(lambda x: x.account_id.account_type == "asset_receivable")
        amount = min(sum(receivable.mapped("amount_residual")), -sum(payables.mapped("amount_residual")))
        if self.currency_id.is_zero(amount):
            return self.env["account.move"]
        # sudo: the netting entry's amounts come from posted entries, never from user input (see _create_moves).
        netting = (
            self.env["account.move"]
            .sudo()
            .create(self._prepare_recovery_netting_vals(invoice, receivable, payables, amount))
        )
        netting.action_post()
        for account, lines in payables.grouped("account_id").items():
            (
                netting.line_ids.filtered(lambda x, account=account: x.account_id == account and x.debit) | lines
            ).reconcile()
        (
            netting.line_ids.filtered(lambda x: x.account_id == receivable.account_id[:1] and x.credit) | receivable
        ).reconcile()
        return netting.sudo(False)

    # ------------------------------------------------------------------ smart button
    def action_view_moves(self):
        self.ensure_one()
        moves = (
            self.dealer_invoice_id
            | self.dealer_refund_id
            | self.oem_bill_id
            | self.recovery_invoice_id
            | self.recovery_netting_id
            | self.return_ids.chargeback_move_id
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Journal Entries"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
        }
