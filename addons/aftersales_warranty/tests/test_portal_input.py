from datetime import timedelta

from odoo.addons.aftersales_base.tools.portal_input import (
    BAD_DATE,
    BAD_FILE_TYPE,
    DATE_TOO_EARLY,
    DATE_TOO_LATE,
    FILE_TOO_LARGE,
    NOT_A_NUMBER,
    NOT_FINITE,
    OUT_OF_BOUNDS,
    REQUIRED,
    TOO_LONG,
)
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .portal_common import PNG, WarrantyPortalCommon


@tagged("post_install", "-at_install")
class TestPortalInput(WarrantyPortalCommon):
    """Attacks on the new-claim form as a network dealer's portal user: refused on the form, nothing written."""

    def setUp(self):
        super().setUp()
        self.authenticate("dealer_a", "dealer_a")

    def _msg(self, lazy, **params):
        return self._dealer_message(lazy._source) % params

    def _assert_refused(self, response, *messages):
        """The form came back (200, not 500) with each message, and no claim or attachment was written."""
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_warranty_error", response.text)
        self.assertIn('name="vin"', response.text, "the form comes back to be corrected")
        for message in messages:
            self.assertIn(message, response.text)
        self.assertFalse(self._claims())
        self.assertFalse(
            self.env["ir.attachment"]
            .search([("res_model", "=", "aftersales.warranty.claim"), ("res_id", "!=", 0)])
            .filtered(lambda a: a.create_uid == self.portal_a)
        )

    def test_mileage_must_be_a_finite_number_in_bounds(self):
        """nan (which today skipped the coverage check), inf, 1e308, negative and text are refused."""
        label = self._dealer_message("Mileage (km)")
        bounds = self._msg(OUT_OF_BOUNDS, field=label, minimum="0", maximum="2,000,000")
        cases = {
            "nan": self._msg(NOT_FINITE, field=label),
            "NaN": self._msg(NOT_FINITE, field=label),
            "inf": self._msg(NOT_FINITE, field=label),
            "-Infinity": self._msg(NOT_FINITE, field=label),
            "1e308": bounds,
            "1e400": self._msg(NOT_FINITE, field=label),
            "-5": bounds,
            "abc": self._msg(NOT_A_NUMBER, field=label, value="abc"),
        }
        for value, message in cases.items():
            with self.subTest(mileage=value):
                self._assert_refused(self._post_new_claim(mileage=value), message)

    def test_part_quantities_and_hours_must_be_sane(self):
        """part_qty=inf (today an HTTP 500), nan, 0, negative, text; hours the same."""
        qty = self._dealer_message("Quantity of part %(code)s", code="SA-001")
        hours = self._dealer_message("Hours of operation %(code)s", code="WTY-SA01")
        qty_bounds = self._msg(OUT_OF_BOUNDS, field=qty, minimum="0.01", maximum="1,000")
        for value, message in {
            "inf": self._msg(NOT_FINITE, field=qty),
            "nan": self._msg(NOT_FINITE, field=qty),
            "0": qty_bounds,
            "-1": qty_bounds,
            "1e308": qty_bounds,
            "two": self._msg(NOT_A_NUMBER, field=qty, value="two"),
        }.items():
            with self.subTest(part_qty=value):
                rows = [("part_code", "SA-001"), ("part_qty", value)]
                self._assert_refused(self._post_new_claim(rows), message)
        for value in ("nan", "1e308", "-2", "x"):
            with self.subTest(hours=value):
                rows = [("part_code", "SA-001"), ("part_qty", "1"), ("operation_code", "WTY-SA01")]
                self._assert_refused(self._post_new_claim([*rows, ("operation_hours", value)]), hours)

    def test_repair_date_is_a_real_date_not_in_the_future_nor_before_the_sale(self):
        label = self._dealer_message("Repair Date")
        tomorrow = self.today + timedelta(days=1)
        before_sale = self.vehicle.sale_date - timedelta(days=1)
        cases = {
            "2025-02-30": self._msg(BAD_DATE, field=label, value="2025-02-30"),
            "yesterday": self._msg(BAD_DATE, field=label, value="yesterday"),
            tomorrow.isoformat(): self._msg(DATE_TOO_LATE, field=label, date=self.today.isoformat()),
            before_sale.isoformat(): self._msg(DATE_TOO_EARLY, field=label, date=self.vehicle.sale_date.isoformat()),
        }
        for value, message in cases.items():
            with self.subTest(repair_date=value):
                self._assert_refused(self._post_new_claim(repair_date=value), message)

    def test_texts_and_codes_are_bounded(self):
        complaint = self._dealer_message("Complaint")
        vin = self._dealer_message("VIN")
        self._assert_refused(
            self._post_new_claim(complaint="异响" * 1500, vin="L" * 100),
            self._msg(TOO_LONG, field=complaint, length=2000),
            self._msg(TOO_LONG, field=vin, length=64),
        )
        rows = [("part_code", "SA-001"), ("part_qty", "1")] * 60
        self._assert_refused(
            self._post_new_claim(rows),
            self._dealer_message("%(lines)s: at most %(count)s lines.", lines=self._dealer_message("Parts"), count=50),
        )

    def test_an_empty_submit_says_what_is_missing(self):
        response = self.url_open("/my/warranty/new", data={"csrf_token": self.csrf_token()})
        self._assert_refused(
            response,
            self._msg(REQUIRED, field=self._dealer_message("VIN")),
            self._msg(REQUIRED, field=self._dealer_message("Mileage (km)")),
            self._msg(REQUIRED, field=self._dealer_message("Complaint")),
            self._dealer_message("Enter the causal part number."),
        )

    def test_a_double_click_makes_one_claim(self):
        """The form carries a token: the same POST twice gives the claim of the first, no second one."""
        form = self.url_open("/my/warranty/new")
        token = form.text.split('name="form_token" value="')[1].split('"')[0]
        self.assertTrue(token)
        first = self._post_new_claim(form_token=token)
        second = self._post_new_claim(form_token=token)
        claim = self._claims()
        self.assertEqual(len(claim), 1)
        self.assertTrue(first.url.endswith(f"/my/warranty/{claim.id}"))
        self.assertTrue(second.url.endswith(f"/my/warranty/{claim.id}"))
        # Another form (another token) is another claim.
        self._post_new_claim(form_token="another0token")
        self.assertEqual(len(self._claims()), 2)

    def test_files_are_images_or_pdf_within_the_size_setting(self):
        self.company.as_portal_upload_max_mb = 1
        big = ("attachments", ("odometer.jpg", b"\xff\xd8" + b"0" * (1024 * 1024 + 10), "image/jpeg"))
        self._assert_refused(
            self._post_new_claim(files=[big]), self._msg(FILE_TOO_LARGE, file="odometer.jpg", size="1")
        )
        script = ("attachments", ("photo.exe", b"MZ\x90\x00", "application/x-msdownload"))
        self._assert_refused(self._post_new_claim(files=[script]), self._msg(BAD_FILE_TYPE, file="photo.exe"))
        self.assertFalse(self.env["ir.attachment"].search([("name", "in", ("odometer.jpg", "photo.exe"))]))

    def test_photos_are_kept_when_the_form_comes_back(self):
        """A photo uploaded with a wrong mileage is listed again and ends on the claim without a new upload."""
        photo = ("attachments", ("old_part.png", PNG, "image/png"))
        response = self._post_new_claim(files=[photo], mileage="nan")
        self._assert_refused(response)
        self.assertIn("old_part.png", response.text)
        pending_id = response.text.split('name="pending_id" value="')[1].split('"')[0]
        pending_token = response.text.split('name="pending_token" value="')[1].split('"')[0]
        # Another user cannot take the photo with a wrong token.
        self._post_new_claim(pending_id=pending_id, pending_token="forged", form_token="tokenA")
        self.assertFalse(self._claims().attachment_count)
        self._claims().unlink()
        response = self._post_new_claim(pending_id=pending_id, pending_token=pending_token)
        claim = self._claims()
        self.assertEqual(len(claim), 1)
        self.assertEqual(claim.attachment_count, 1)
        self.assertIn("old_part.png", response.text, "the claim page lists its photos")
        self.assertIn("/web/image/", response.text)

    def test_ids_only_among_the_dealers_choices(self):
        """A vehicle, part or operation outside the dealer's catalogue is unknown; a forged dealer is ignored."""
        other_company = self.env["res.company"].create({"name": "其他主机厂"})
        service = self.env["product.product"].create({"name": "服务费", "default_code": "SRV-1", "type": "service"})
        self.env["aftersales.operation"].create(
            {"code": "OTH-OP", "name": "他司工时", "default_hours": 1.0, "company_id": other_company.id}
        )
        rows = [("part_code", service.default_code), ("part_qty", "1"), ("operation_code", "OTH-OP")]
        self._assert_refused(
            self._post_new_claim(rows, vin="LNOTAVIN000000000"),
            self._dealer_message("Unknown VIN."),
            self._dealer_message("Unknown part number %(code)s.", code="SRV-1"),
            self._dealer_message("Unknown operation code %(code)s.", code="OTH-OP"),
        )


@tagged("post_install", "-at_install")
class TestPortalAccess(WarrantyPortalCommon):
    """Who uses the warranty portal, and what it shows them."""

    def test_only_network_dealers_file_claims(self):
        self.authenticate("garage", "garage")
        home = self.url_open("/my")
        self.assertNotIn('href="/my/warranty"', home.text)
        for url in ("/my/warranty", "/my/warranty/new"):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 403)
            self.assertIn("o_warranty_denied", response.text)
        response = self._post_new_claim()
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self._claims(self.garage))
        self.assertFalse(self.env["aftersales.warranty.claim"].search([("create_uid", "=", self.portal_garage.id)]))
        # The network dealer sees the entry on /my, even before its first claim.
        self.authenticate("dealer_a", "dealer_a")
        self.assertIn('href="/my/warranty"', self.url_open("/my").text)
        # A dealer that leaves the network can no longer file.
        self.dealer.is_network_dealer = False
        self.assertEqual(self._post_new_claim().status_code, 403)
        self.assertFalse(self._claims())

    def test_the_demo_dealers_portal_user_files_claims(self):
        """On the demo database, huatong_portal (杭州华通) is a network dealer's user: the portal is open."""
        dealer = self.env.ref("aftersales_warranty.demo_dealer_huatong", raise_if_not_found=False)
        if not dealer:
            self.skipTest("no demo data")
        self.assertTrue(dealer.is_network_dealer)
        self.authenticate("huatong_portal", "huatong_portal")
        self.assertEqual(self.url_open("/my/warranty/new").status_code, 200)
        self.assertIn('href="/my/warranty"', self.url_open("/my").text)

    def test_too_many_files_are_refused_unread(self):
        self.authenticate("dealer_a", "dealer_a")
        photos = [("attachments", (f"p{i}.png", PNG, "image/png")) for i in range(25)]
        response = self._post_new_claim(files=photos)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self._dealer_message("Attach at most %(count)s files.", count=20), response.text)
        self.assertFalse(self._claims())

    def test_a_dealer_deletes_its_own_draft_only(self):
        draft = self._new_claim()
        submitted = self._new_claim(causal_product_id=self.battery.id)
        theirs = self._new_claim(dealer_id=self.other_dealer.id)
        submitted.with_user(self.clerk).action_submit()
        self.authenticate("dealer_a", "dealer_a")
        page = self.url_open(f"/my/warranty/{draft.id}")
        self.assertIn("o_warranty_delete", page.text)
        self.assertIn(">23,000<", page.text, "the mileage shows as a number")
        response = self.url_open(f"/my/warranty/{draft.id}/delete", data={"csrf_token": self.csrf_token()})
        self.assertTrue(response.url.endswith("/my/warranty"))
        self.assertFalse(draft.exists())
        response = self.url_open(f"/my/warranty/{submitted.id}/delete", data={"csrf_token": self.csrf_token()})
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            self._dealer_message("Claim %(claim)s was submitted: it cannot be deleted.", claim=submitted.name),
            response.text,
        )
        self.url_open(f"/my/warranty/{theirs.id}/delete", data={"csrf_token": self.csrf_token()})
        self.assertTrue(submitted.exists() and theirs.exists())

    def test_answering_twice_the_same_way_gives_one_answer(self):
        claim = self._submitted_claim()
        claim.with_user(self.reviewer).action_start_review()
        claim.with_user(self.reviewer).action_request_info("请补充里程表照片")
        self.authenticate("dealer_a", "dealer_a")
        data = {"answer": "照片已上传", "csrf_token": self.csrf_token()}
        first = self.url_open(f"/my/warranty/{claim.id}/answer", data=data)
        messages = claim.message_ids
        second = self.url_open(f"/my/warranty/{claim.id}/answer", data=data)
        self.assertEqual((first.status_code, second.status_code), (200, 200))
        self.assertNotIn("o_warranty_error", second.text)
        self.assertRecordValues(claim, [{"state": "under_review", "info_answer": "照片已上传"}])
        claim.invalidate_recordset()
        self.assertEqual(claim.message_ids, messages, "the second answer posts nothing")
        # An empty answer is refused on the page.
        claim.with_user(self.reviewer).action_request_info("请补充故障件照片")
        url = f"/my/warranty/{claim.id}/answer"
        response = self.url_open(url, data={"answer": " ", "csrf_token": self.csrf_token()})
        self.assertEqual(response.status_code, 200)
        self.assertIn(self._msg_required("Answer"), response.text)
        self.assertEqual(claim.state, "info_requested")

    def _msg_required(self, label):
        return self._dealer_message(REQUIRED._source) % {"field": self._dealer_message(label)}

    def test_photos_on_a_draft_claim_are_checked_and_listed(self):
        claim = self._new_claim(attach=0)
        self.authenticate("dealer_a", "dealer_a")
        url = f"/my/warranty/{claim.id}/attach"
        photo = ("attachments", ("odometer.png", PNG, "image/png"))
        response = self.url_open(url, data={"csrf_token": self.csrf_token()}, files=[photo])
        self.assertIn("odometer.png", response.text)
        self.assertEqual(claim.attachment_count, 1)
        text = ("attachments", ("notes.html", b"<script>alert(1)</script>", "text/html"))
        response = self.url_open(url, data={"csrf_token": self.csrf_token()}, files=[text])
        self.assertEqual(response.status_code, 200)
        self.assertIn(self._dealer_message(BAD_FILE_TYPE._source) % {"file": "notes.html"}, response.text)
        claim.invalidate_recordset()
        self.assertEqual(claim.attachment_count, 1)

    def test_internal_fields_stay_internal_over_json_rpc(self):
        """The causal supplier, the accounting and recovery documents and other dealers' claims are not
        readable by a dealer's portal user over /web/dataset/call_kw."""
        mine = self._submitted_claim()
        theirs = self._new_claim(dealer_id=self.other_dealer.id, causal_product_id=self.battery.id)
        self.assertEqual(mine.causal_supplier_id, self.supplier)
        self.authenticate("dealer_a", "dealer_a")

        def call(model, method, *args, **kwargs):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            )

        Claim = "aftersales.warranty.claim"
        self.assertEqual(call(Claim, "read", [mine.id], ["name"])[0]["name"], mine.name)
        for field in ("causal_supplier_id", "recovery_invoice_id", "oem_bill_id", "portal_submission_key"):
            with self.subTest(field=field), self.assertRaises(JsonRpcException):
                call(Claim, "read", [mine.id], [field])
        with self.assertRaises(JsonRpcException):
            call(Claim, "search_read", [], ["causal_supplier_id"])
        with self.assertRaises(JsonRpcException):
            call("aftersales.warranty.part.return", "search_read", [], ["supplier_id"])
        self.assertNotIn("causal_supplier_id", call(Claim, "fields_get"))
        self.assertEqual(call(Claim, "search_read", [("id", "=", theirs.id)], ["name"]), [])
        with self.assertRaises(JsonRpcException):
            call(Claim, "read", [theirs.id], ["name"])
        # Nor can it write a claim or create one past the portal's checks.
        with self.assertRaises(JsonRpcException):
            call(Claim, "write", [mine.id], {"mileage": float("1e308")})
        with self.assertRaises(JsonRpcException):
            call(Claim, "_as_portal_create_claim", self.portal_a.partner_id.id, {"mileage": "nan"})
        self.assertEqual(mine.mileage, 23000)

    def test_no_nan_over_json_rpc_either(self):
        """JSON-RPC accepts NaN and Infinity: a clerk writing them on a draft claim or its line is refused."""
        claim = self._new_claim()
        line = claim.line_ids[:1]
        self.authenticate("wty_clerk", "wty_clerk")
        for model, record, vals in (
            ("aftersales.warranty.claim", claim, {"mileage": float("nan")}),
            ("aftersales.warranty.claim", claim, {"mileage": float("inf")}),
            ("aftersales.warranty.claim.line", line, {"quantity": float("nan")}),
        ):
            with self.subTest(vals=vals), self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {"model": model, "method": "write", "args": [record.ids, vals], "kwargs": {}},
                )
        claim.invalidate_recordset()
        line.invalidate_recordset()
        self.assertEqual((claim.mileage, line.quantity), (23000, 1))
