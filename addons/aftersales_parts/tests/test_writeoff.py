from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import PartsCommon


@tagged("post_install", "-at_install")
class TestWriteoff(PartsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.pad, 10)

    def _writeoff(self, reason="damaged", qty=2.0, user=None):
        form = Form(self.env["aftersales.parts.writeoff"].with_user(user or self.clerk))
        form.warranty_supervisor_id = self.warranty_supervisor
        with form.line_ids.new() as line:
            line.product_id = self.pad
            line.quantity = qty
            line.reason = reason
            if reason == "human":
                line.responsible_id = self.clerk
        return form.save()

    def _jointly_confirm(self, writeoff):
        writeoff.with_user(self.clerk).action_submit()
        writeoff.with_user(self.service_manager).action_confirm_service()
        writeoff.with_user(self.warranty_supervisor).action_confirm_warranty()
        self.assertEqual(writeoff.state, "to_confirm")
        writeoff.with_user(self.manager).action_confirm_parts()
        self.assertEqual(writeoff.state, "confirmed")

    def test_writeoff_goes_to_pending_disposal_then_scrap_posts_the_loss(self):
        """Joint confirmation, parts supervisor approval (tier), pending disposal, then scrap posts the loss."""
        writeoff = self._writeoff()
        self.assertEqual(writeoff.amount_total, 160.0)
        self._jointly_confirm(writeoff)
        with self.assertRaisesRegex(UserError, "waiting for approval"):
            writeoff.with_user(self.manager).action_approve()
        writeoff.with_user(self.clerk).request_validation()
        self.assertIn(writeoff.validation_status, ("waiting", "pending"))
        writeoff.with_user(self.manager).validate_tier()
        self.assertEqual(writeoff.validation_status, "validated")
        writeoff.with_user(self.manager).action_approve()
        self.assertEqual(writeoff.state, "approved")
        pending = self.company._as_get_pending_disposal_location()
        self.assertEqual(self.pad.with_context(location=pending.id).qty_available, 2.0)
        self.assertFalse(writeoff.picking_id.move_ids.stock_valuation_layer_ids, "still valued, no entry yet")
        writeoff.with_user(self.manager).action_dispose()
        self.assertEqual(writeoff.state, "done")
        self.assertRecordValues(writeoff.scrap_ids, [{"state": "done", "scrap_qty": 2.0}])
        # the written-off value is an expense, not left on the stock interim (asset) account
        lines = self._journal_lines(writeoff.scrap_ids.move_ids)
        self.assertRecordValues(
            lines,
            [
                {"account_id": self.acc_valuation.id, "debit": 0.0, "credit": 160.0},
                {"account_id": self.company.as_stock_loss_account_id.id, "debit": 160.0, "credit": 0.0},
            ],
        )
        self.assertEqual(lines.mapped("account_id.internal_group"), ["asset", "expense"])

    def test_nobody_approves_their_own_writeoff(self):
        """A parts manager who filed the write-off cannot approve it, neither in the tier nor the final step."""
        writeoff = self._writeoff(user=self.manager)
        self.assertEqual(writeoff.requested_by_id, self.manager)
        self._jointly_confirm(writeoff)
        writeoff.with_user(self.manager).request_validation()
        with self.assertRaisesRegex(UserError, "own write-off"):
            writeoff.with_user(self.manager).validate_tier()
        with self.assertRaisesRegex(UserError, "own write-off"):
            writeoff.with_user(self.manager).action_approve()
        writeoff.with_user(self.manager2).validate_tier()
        writeoff.with_user(self.manager2).action_approve()
        self.assertEqual(writeoff.approved_by_id, self.manager2)

    def test_human_damage_is_charged_not_written_off(self):
        """Damage caused by a person is refused and names who pays."""
        writeoff = self._writeoff(reason="human")
        with self.assertRaisesRegex(UserError, "charged"):
            writeoff.with_user(self.clerk).action_submit()

    def test_joint_confirmation_roles(self):
        """Only a service manager, the named warranty supervisor and a parts supervisor confirm."""
        writeoff = self._writeoff()
        writeoff.with_user(self.clerk).action_submit()
        with self.assertRaises(UserError):
            writeoff.with_user(self.clerk).action_confirm_service()
        with self.assertRaises(UserError):
            writeoff.with_user(self.clerk).action_confirm_warranty()
        with self.assertRaises(UserError):
            writeoff.with_user(self.clerk).action_confirm_parts()

    def test_amount_tier_adds_the_service_manager(self):
        """An extra tier above 100 needs the service manager as well as the parts supervisor."""
        self.env["tier.definition"].create(
            {
                "name": "大额报损",
                "model_id": self.env.ref("aftersales_parts.model_aftersales_parts_writeoff").id,
                "review_type": "group",
                "reviewer_group_id": self.env.ref("aftersales_base.group_aftersales_manager").id,
                "definition_domain": "[('amount_total', '>', 100)]",
                "sequence": 20,
            }
        )
        writeoff = self._writeoff()
        self._jointly_confirm(writeoff)
        writeoff.with_user(self.clerk).request_validation()
        self.assertEqual(len(writeoff.review_ids), 2)
        writeoff.with_user(self.manager).validate_tier()
        with self.assertRaises(UserError):
            writeoff.with_user(self.manager).action_approve()
        writeoff.with_user(self.service_manager).validate_tier()
        writeoff.with_user(self.manager).action_approve()
        self.assertEqual(writeoff.state, "approved")

    def test_quarterly_list_xlsx(self):
        """The quarterly write-off list renders as xlsx."""
        writeoff = self._writeoff()
        content, kind = self.env["ir.actions.report"]._render(
            "aftersales_parts.action_report_writeoff_list_xlsx", writeoff.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
