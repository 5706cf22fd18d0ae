"""Concurrency correctness against a real server (issue 16), run by scripts/concurrency_test.sh.

Copies the test database (``createdb -T``) into a scratch one, builds the three stories in it
(scripts/concurrency_setup.py, in ``odoo-bin shell``), serves it with ``odoo-bin --workers=2`` on a free
127.0.0.1 port and fires the same request from two Python threads at once over JSON-RPC / the portal form:

(a) two technicians issue the last unit of a part to two work orders: one succeeds, the other gets the
    business error, the stock is never negative;
(b) two reviewers approve the same claim at once, then a double-clicked Settle: one decision, one set of
    accounting documents;
(c) the same portal claim posted twice at once: one claim;
(d) two parts clerks sell the last unit of a part at the counter (a counter-sale demand's Generate Issue) at
    once: one sale order is issued, the other clerk is told the part is short, the stock is never negative.

Every response must be a success or a business error (UserError, ValidationError, AccessError): a
SerializationFailure must have been retried by Odoo, never shown. Bounded: story (a) runs CONC_ROUNDS
rounds (default 3), every request has a timeout, the whole run has a deadline; the server is stopped and
the scratch database dropped whatever happens.
"""

import hashlib
import hmac
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
ODOO_SRC = os.environ.get("ODOO_SRC", "/opt/odoo18")
PY = os.environ.get("PY", sys.executable)
SRC_DB = os.environ.get("TEST_DB", "aftersales_test")
DB = os.environ.get("CONC_DB", "aftersales_conc")
ADDONS_PATH = f"{ROOT}/addons,{ODOO_SRC}/addons,{ODOO_SRC}/odoo/addons"
REQUEST_TIMEOUT = 60  # seconds per request
DEADLINE = time.monotonic() + int(os.environ.get("CONC_DEADLINE", "170"))
BUSINESS_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
}
LOG = ROOT / "var" / "log" / f"{DB}.log"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_cmd(*args, command=()):
    return [PY, f"{ODOO_SRC}/odoo-bin", *command, "-c", str(ROOT / "odoo.conf"), f"--addons-path={ADDONS_PATH}", *args]


class Client:
    """One user's browser session: JSON-RPC the way the web client calls it."""

    def __init__(self, base, login, password):
        self.base = base
        self.http = requests.Session()
        result = self.rpc("/web/session/authenticate", {"db": DB, "login": login, "password": password})
        if result.get("error"):
            raise SystemExit(f"login {login} failed: {result['error']}")
        self.uid = result["result"]["uid"]
        self.context = result["result"].get("user_context", {})  # the web client sends it with every call

    def rpc(self, path, params):
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        response = self.http.post(self.base + path, json=payload, timeout=REQUEST_TIMEOUT)
        response.raise_for_status()
        return response.json()

    def call(self, model, method, args, **kwargs):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}", {"model": model, "method": method, "args": args, "kwargs": kwargs}
        )

    def value(self, model, method, args, **kwargs):
        answer = self.call(model, method, args, **kwargs)
        if answer.get("error"):
            raise AssertionError(f"{model}.{method}: {answer['error']['data'].get('message')}")
        return answer["result"]


def at_once(*calls):
    """Run the calls in threads released together; return their answers (or exceptions) in order."""
    barrier = threading.Barrier(len(calls), timeout=REQUEST_TIMEOUT)
    answers = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            answers[i] = call()
        except Exception as error:
            answers[i] = error

    threads = [threading.Thread(target=run, args=(i, c), daemon=True) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT + 5)
    return answers


def outcome(answer):
    """'ok', or the business error's message; anything else fails the run."""
    if isinstance(answer, Exception):
        raise AssertionError(f"request failed: {answer!r}")
    if "error" not in answer:
        return "ok"
    data = answer["error"].get("data", {})
    if data.get("name") not in BUSINESS_ERRORS:
        raise AssertionError(f"technical error shown to the user: {data.get('name')}: {data.get('message')}")
    return data["name"].rsplit(".", 1)[-1] + ": " + data.get("message", "")


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("    ok:", message)


def story_last_unit(base, setup, admin):
    techs = [Client(base, login, login) for login in setup["techs"]]
    for n, round_ in enumerate(setup["rounds"], 1):
        print(f"==> (a) round {n}: two technicians issue the last unit of {round_['code']} at the same time")
        answers = at_once(
            *[
                (lambda c=c, o=o: c.call("repair.order", "action_issue_parts", [[o]]))
                for c, o in zip(techs, round_["orders"], strict=True)
            ]
        )
        results = [outcome(a) for a in answers]
        print("    answers:", results)
        quants = admin.value(
            "stock.quant",
            "search_read",
            [[("product_id", "=", round_["part"]), ("location_id.usage", "=", "internal")]],
            fields=["quantity", "reserved_quantity"],
        )
        check(results.count("ok") == 1, "exactly one issue succeeds")
        refused = next(r for r in results if r != "ok")
        check(refused.startswith("UserError") and round_["code"] in refused, "the other is told the part is short")
        check(
            all(q["quantity"] >= 0 and q["reserved_quantity"] <= q["quantity"] for q in quants),
            "stock never negative, never reserved beyond it %s"
            % [(q["quantity"], q["reserved_quantity"]) for q in quants],
        )


def story_counter_last_unit(base, setup, admin):
    clerks = [Client(base, login, login) for login in setup["counter_clerks"]]
    for n, round_ in enumerate(setup["counter_rounds"], 1):
        print(f"==> (d) round {n}: two parts clerks sell the last unit of {round_['code']} at the counter at once")
        answers = at_once(
            *[
                (lambda c=c, d=d: c.call("aftersales.parts.demand", "action_generate_issue", [[d]], context=c.context))
                for c, d in zip(clerks, round_["demands"], strict=True)
            ]
        )
        results = [outcome(a) for a in answers]
        print("    answers:", results)
        quants = admin.value(
            "stock.quant",
            "search_read",
            [[("product_id", "=", round_["part"]), ("location_id.usage", "=", "internal")]],
            fields=["quantity", "reserved_quantity"],
        )
        demands = admin.value("aftersales.parts.demand", "read", [round_["demands"], ["state", "sale_order_id"]])
        check(results.count("ok") == 1, "exactly one counter sale is issued")
        refused = next(r for r in results if r != "ok")
        check(refused.startswith("UserError") and round_["code"] in refused, "the other is told the part is short")
        check(
            sorted(d["state"] for d in demands) == ["confirmed", "issued"]
            and sum(bool(d["sale_order_id"]) for d in demands) == 1,
            "one sale order, the refused demand stays confirmed",
        )
        check(
            all(q["quantity"] >= 0 and q["reserved_quantity"] <= q["quantity"] for q in quants),
            "stock never negative, never reserved beyond it %s"
            % [(q["quantity"], q["reserved_quantity"]) for q in quants],
        )


def story_claim_decision(base, setup, admin):
    print("==> (b) two reviewers decide the same claim at once, then a double-clicked Settle")
    reviewers = [Client(base, login, login) for login in setup["reviewers"]]
    claim = setup["claim"]
    answers = at_once(
        *[(lambda c=c: c.call("aftersales.warranty.claim", "action_approve", [[claim]])) for c in reviewers]
    )
    results = [outcome(a) for a in answers]
    print("    answers:", results)
    check(results.count("ok") == 1, "exactly one decision")
    [values] = admin.value("aftersales.warranty.claim", "read", [[claim], ["state", "reviewer_id", "message_ids"]])
    check(values["state"] == "approved", "the claim is approved")
    approvals = admin.value(
        "mail.message",
        "search_count",
        [[("model", "=", "aftersales.warranty.claim"), ("res_id", "=", claim), ("body", "ilike", "Approved")]],
    )
    check(approvals == 1, "one approval in the chatter")
    winner = reviewers[results.index("ok")]
    moves_before = admin.value("account.move", "search_count", [[]])
    answers = at_once(
        *[(lambda: winner.call("aftersales.warranty.claim", "action_settle", [[claim]])) for _i in range(2)]
    )
    results = [outcome(a) for a in answers]
    print("    answers:", results)
    check(results.count("ok") == 1, "exactly one settlement of the double click")
    fields_ = ["state", "dealer_refund_id", "oem_bill_id", "recovery_invoice_id"]
    [values] = admin.value("aftersales.warranty.claim", "read", [[claim], fields_])
    documents = [v[0] for k, v in values.items() if k not in ("id", "state") and v]
    created = admin.value("account.move", "search_count", [[]]) - moves_before
    check(values["state"] == "settled", "the claim is settled")
    check(documents and created == len(documents), f"one set of accounting documents ({created} created)")


def story_portal_twice(base, setup, admin):
    print("==> (c) the same claim posted twice at once on the portal")
    dealer = Client(base, setup["portal"], setup["portal"])
    sid = dealer.http.cookies.get("session_id")
    max_ts = int(time.time() + 3600)
    digest = hmac.new(setup["secret"].encode(), f"{sid}{max_ts}".encode(), hashlib.sha1).hexdigest()
    form = [
        ("vin", setup["vin"]),
        ("mileage", "23000"),
        ("complaint", "过减速带时前部异响（并发）"),
        ("cause", "前减震器漏油"),
        ("correction", "更换前减震器"),
        ("form_token", "conc-form-token-1"),
        ("csrf_token", f"{digest}o{max_ts}"),
        ("part_code", setup["part_code"]),
        ("part_qty", "1"),
        ("operation_code", setup["operation_code"]),
    ]
    domain = [("dealer_id", "=", setup["dealer"])]
    before = admin.value("aftersales.warranty.claim", "search_count", [domain])

    def post():
        return dealer.http.post(base + "/my/warranty/new", data=form, allow_redirects=False, timeout=REQUEST_TIMEOUT)

    answers = at_once(post, post)
    for answer in answers:
        if isinstance(answer, Exception):
            raise AssertionError(f"request failed: {answer!r}")
    print("    answers:", [(a.status_code, a.headers.get("Location")) for a in answers])
    check(all(a.status_code in (302, 303) for a in answers), "both posts answer with the claim page, no error")
    check(len({a.headers.get("Location") for a in answers}) == 1, "both lead to the same claim")
    after = admin.value("aftersales.warranty.claim", "search_count", [domain])
    check(after - before == 1, "one claim")


def run(cmd, **kw):
    kw.setdefault("timeout", max(5, DEADLINE - time.monotonic()))
    done = subprocess.run(cmd, check=False, **kw)
    if done.returncode:
        raise AssertionError(f"{cmd[:3]} failed (exit {done.returncode}): {(done.stderr or '')[-3000:]}")
    return done


def wait_for(base, server):
    while time.monotonic() < DEADLINE:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit {server.returncode}), see {LOG}")
        try:
            if requests.get(base + "/web/health", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not start in time")


def main():
    LOG.parent.mkdir(parents=True, exist_ok=True)
    LOG.write_text("")
    filestore = Path.home() / ".local/share/Odoo/filestore" / DB
    server = None
    try:
        subprocess.run(["dropdb", "--if-exists", DB], check=True)
        run(["createdb", "-T", SRC_DB, DB])
        print(f"==> scratch database {DB} copied from {SRC_DB}; building the stories")
        with open(ROOT / "scripts" / "concurrency_setup.py", "rb") as code:
            shell = run(
                odoo_cmd("-d", DB, "--no-http", "--log-level=warn", "--max-cron-threads=0", command=["shell"]),
                stdin=code,
                capture_output=True,
                text=True,
            )
        line = next((x for x in shell.stdout.splitlines() if x.startswith("CONC_SETUP ")), None)
        if not line:
            raise SystemExit("setup failed:\n" + shell.stdout[-3000:] + shell.stderr[-3000:])
        setup = json.loads(line.split(" ", 1)[1])
        port, gevent_port = free_port(), free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            odoo_cmd(
                "-d",
                DB,
                f"--db-filter=^{DB}$",
                "--http-interface=127.0.0.1",
                f"--http-port={port}",
                f"--gevent-port={gevent_port}",
                "--workers=2",
                "--max-cron-threads=0",
                "--limit-time-real=120",
                "--limit-time-cpu=60",
                "--no-database-list",
                f"--logfile={LOG}",
                "--log-level=info",
            ),
            start_new_session=True,
        )
        wait_for(base, server)
        print(f"==> {DB} served by 2 workers on {base}")
        admin = Client(base, setup["admin"], "conc_admin")
        story_last_unit(base, setup, admin)
        story_counter_last_unit(base, setup, admin)
        story_claim_decision(base, setup, admin)
        story_portal_twice(base, setup, admin)
        lines = LOG.read_text(errors="replace").splitlines()
        retried = sum("SERIALIZATION_FAILURE" in x for x in lines)
        # Odoo logs the refused statement of a serialization failure as "bad query" before retrying it.
        bad = [x for x in lines if (" ERROR " in x or " CRITICAL " in x) and "odoo.sql_db: bad query" not in x]
        check(
            not bad,
            f"no other ERROR in the server log ({retried} serialization failures retried by Odoo)"
            + "".join("\n      " + x for x in bad[:10]),
        )
        print("==> concurrency: all stories pass")
    finally:
        if server and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(5)
        if not os.environ.get("CONC_KEEP"):
            subprocess.run(["dropdb", "--if-exists", DB], check=False, timeout=60)
        shutil.rmtree(filestore, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print("FAILED:", error, file=sys.stderr)
        sys.exit(1)
