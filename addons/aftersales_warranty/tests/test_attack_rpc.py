"""Attacks over Odoo's own JSON-RPC, as the real role users: each is refused and leaves nothing written."""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import WarrantyCommon

FORGED = {"aftersales_claim_review": True, "judgement": "exchanged"}


@tagged("post_install", "-at_install")
class TestWarrantyAttacks(WarrantyCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reviewer.groups_id |= cls.env.ref("stock.group_stock_user")
        # A reviewer who also files claims (a person holding two roles): never on her own claim.
        cls.reviewer_clerk = new_test_user(
            cls.env,
            login="wty_reviewer_clerk",
            name="审核兼索赔员",
            groups="aftersales_warranty.group_aftersales_warranty_reviewer",
        )

    def _rpc(self, login, model, method, args, **kwargs):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": {"context": FORGED, **kwargs}},
        )

    def assertRefused(self, login, model, method, args, **kwargs):
        with self.assertRaises(JsonRpcException, msg=f"{login} {model}.{method} must be refused"):
            self._rpc(login, model, method, args, **kwargs)

    def _under_review(self, user=None):
        claim = self._new_claim(user=user)
        claim.with_user(user or self.clerk).action_submit()
        claim.with_user(self.reviewer).action_start_review()
        return claim

    def test_clerk_forges_approval_of_her_own_claim(self):
        """state=approved and approved quantities written by the clerk with the old review context: refused."""
        claim = self._submitted_claim()
        self.assertRefused("wty_clerk", claim._name, "write", [claim.ids, {"state": "approved"}])
        self.assertRefused(
            "wty_clerk", claim._name, "write", [claim.ids, {"decision_date": str(self.today), "reviewer_id": 1}]
        )
        self.assertRefused(
            "wty_clerk",
            "aftersales.warranty.claim.line",
            "write",
            [claim.line_ids.ids, {"approved_quantity": 5.0, "cut_reason": "x"}],
        )
        self.assertRefused(
            "wty_clerk",
            claim._name,
            "write",
            [claim.ids, {"line_ids": [Command.update(claim.line_ids[0].id, {"approved_quantity": 5.0})]}],
        )
        claim.invalidate_recordset()
        claim.line_ids.invalidate_recordset()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(claim.decision_date)
        self.assertFalse(claim.reviewer_id)
        self.assertEqual(claim.line_ids.mapped("approved_quantity"), [0.0, 0.0])
        # ... and the reviewer cannot settle it: it was never reviewed.
        self.assertRefused("wty_reviewer", claim._name, "action_settle", [claim.ids])
        claim.invalidate_recordset()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(claim.oem_bill_id | claim.dealer_refund_id | claim.recovery_invoice_id)

    def test_create_an_approved_claim(self):
        """A claim created approved (or with approved lines) is refused; no claim is created."""
        Claim = self.env["aftersales.warranty.claim"]
        before = Claim.search_count([])
        vals = self._claim_vals(repair_date=str(self.today))
        vals["line_ids"] = [Command.create({"line_type": "part", "product_id": self.part.id, "quantity": 1})]
        forged = dict(vals, state="approved", reviewer_id=self.reviewer.id)
        self.assertRefused("wty_clerk", Claim._name, "create", [[forged]])
        lines = [
            Command.create({"line_type": "part", "product_id": self.part.id, "quantity": 1, "approved_quantity": 1})
        ]
        self.assertRefused("wty_clerk", Claim._name, "create", [[dict(vals, line_ids=lines)]])
        self.assertEqual(Claim.search_count([]), before)
        # The same values without the forged fields make a draft claim, whatever default_state says.
        self._rpc("wty_clerk", Claim._name, "create", [[vals]], context={"default_state": "approved"})
        created = Claim.search([], order="id desc", limit=1)
        self.assertEqual(created.state, "draft")

    def test_clerk_approves_her_own_claim_through_the_actions(self):
        """The clerk has no reviewer rights; a reviewer who filed the claim cannot decide it either."""
        claim = self._under_review()
        labour = claim.labour_line_ids
        self.assertRefused("wty_clerk", claim._name, "action_approve", [claim.ids])
        self.assertRefused(
            "wty_clerk",
            claim._name,
            "action_approve_with_cuts",
            [claim.ids, [{"line_id": labour.id, "approved_quantity": 2.0}]],
        )
        own = self._new_claim(user=self.reviewer_clerk, causal_product_id=self.battery.id)
        own.with_user(self.reviewer_clerk).action_submit()
        own.with_user(self.reviewer).action_start_review()
        self.assertRefused("wty_reviewer_clerk", own._name, "action_approve", [own.ids])
        self.assertRefused("wty_reviewer_clerk", own._name, "action_settle", [own.ids])
        (claim | own).invalidate_recordset()
        self.assertEqual((claim | own).mapped("state"), ["under_review", "under_review"])
        self.assertFalse(claim.decision_date or own.decision_date)

    def test_partial_approval_bounds_over_rpc(self):
        """Negative, above the claimed, NaN or a cut without reason: refused, nothing written."""
        claim = self._under_review()
        labour = claim.labour_line_ids
        for cut in (
            {"approved_quantity": -1.0, "cut_reason": "x"},
            {"approved_quantity": 9.0},
            {"approved_quantity": "nan", "cut_reason": "x"},
            {"approved_quantity": 1.0, "cut_reason": "  "},
        ):
            self.assertRefused(
                "wty_reviewer", claim._name, "action_approve_with_cuts", [claim.ids, [{"line_id": labour.id, **cut}]]
            )
        labour.invalidate_recordset()
        claim.invalidate_recordset()
        self.assertEqual(labour.approved_quantity, 2.0)
        self.assertFalse(labour.cut_reason)
        self.assertEqual(claim.state, "under_review")
        self._rpc(
            "wty_reviewer",
            claim._name,
            "action_approve_with_cuts",
            [claim.ids, [{"line_id": labour.id, "approved_quantity": 1.5, "cut_reason": "工时核减"}]],
        )
        claim.invalidate_recordset()
        self.assertEqual(claim.state, "partially_approved")

    def test_settle_twice_gives_one_set_of_documents(self):
        """A double click on Settle: the second call is refused, one bill and one recovery only."""
        claim = self._under_review()
        claim.with_user(self.reviewer).action_approve()
        self._rpc("wty_reviewer", claim._name, "action_settle", [claim.ids])
        self.assertRefused("wty_reviewer", claim._name, "action_settle", [claim.ids])
        moves = self.env["account.move"].search([("ref", "=", claim.name)])
        self.assertEqual(len(moves.filtered(lambda m: m.move_type == "in_invoice")), 1)

    def test_scrapping_approved_again_after_scrapping(self):
        """A scrapped request is approved again and its parts scrapped twice: refused."""
        request = self.env["aftersales.warranty.scrap"].create({"state": "done"})
        for method, args in (
            ("action_approve", [request.ids]),
            ("action_scrap", [request.ids]),
            ("write", [request.ids, {"state": "approved"}]),
        ):
            self.assertRefused("wty_reviewer", request._name, method, args)
        request.invalidate_recordset()
        self.assertEqual(request.state, "done")
        self.assertFalse(request.scrap_ids)

    def test_clerk_writes_the_judgement_of_a_returned_part(self):
        """The judgement is the reviewer's, through its own button; no context picks it."""
        claim = self._under_review()
        claim.with_user(self.reviewer).action_approve()
        ret = claim.return_ids
        self.assertTrue(ret)
        self.assertRefused("wty_clerk", ret._name, "write", [ret.ids, {"state": "judged", "judgement": "exchanged"}])
        self.assertRefused("wty_clerk", ret._name, "action_judge_exchanged", [ret.ids])
        ret.invalidate_recordset()
        self.assertEqual(ret.state, "to_ship")
        self.assertFalse(ret.judgement)
