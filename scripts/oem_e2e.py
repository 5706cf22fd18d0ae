"""Dealer site ↔ OEM site end to end with two databases and two servers (issue 15), run by scripts/oem_e2e.sh.

Copies the test database built by scripts/test.sh (``createdb -T``) twice: a dealer database and an OEM
database, each with a UUID of its own (scripts/oem_e2e_setup.py, in ``odoo-bin shell``; the two setups run at
once). Serves each with ``odoo-bin`` on a free 127.0.0.1 port, limited to its database. Then, over JSON-RPC as
the users who do it in real life:

1. the dealer's administrator connects the dealer site (Settings: URL, database, portal login, API key) and
   tests the connection; the same with a wrong key: a clear error, and a claim submitted meanwhile stays
   queued with that error, nothing is created at the OEM; with the right key it is sent once;
2. the dealer's clerk submits a claim: sent once (the cron), reviewed at the OEM by its reviewer (one labour
   hour cut), pulled back (the button), settled at the OEM and pulled by the cron: settled at the dealer with
   the credit note of the cut; journal items asserted by account code on both sides;
3. the OEM server is stopped while a claim is sent: it stays queued with the error; the server is started
   again and the clerk sends it: it exists exactly once at the OEM;
4. the OEM's answer is lost (a proxy forwards the request to the OEM and drops the answer): the claim stays
   queued; sent again it is still one claim at the OEM;
5. a quality information goes to the OEM, its level is confirmed, QA analyses, the OEM replies and archives:
   the dealer's record follows, with the level, the reply and the result.

Prints the exchange log of the dealer site. Bounded (E2E_DEADLINE seconds, default 280); the servers are
stopped and the two databases dropped whatever happens (E2E_KEEP=1 keeps the databases).
"""

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
DEALER_DB = os.environ.get("E2E_DEALER_DB", "aftersales_e2e_dealer")
OEM_DB = os.environ.get("E2E_OEM_DB", "aftersales_e2e_oem")
ADDONS_PATH = f"{ROOT}/addons,{ODOO_SRC}/addons,{ODOO_SRC}/odoo/addons"
REQUEST_TIMEOUT = 90
DEADLINE = time.monotonic() + int(os.environ.get("E2E_DEADLINE", "280"))
LOG_DIR = ROOT / "var" / "log"
CLAIM = "aftersales.warranty.claim"
QUALITY = "aftersales.quality.info"
EXCHANGE = "aftersales.oem.exchange"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_cmd(*args, command=()):
    # --load-language= : the copies have zh_CN already; odoo.conf's load_language would reload it at each start.
    return [
        PY,
        f"{ODOO_SRC}/odoo-bin",
        *command,
        "-c",
        str(ROOT / "odoo.conf"),
        f"--addons-path={ADDONS_PATH}",
        "--load-language=",
        *args,
    ]


def remaining():
    return max(5, DEADLINE - time.monotonic())


def run(cmd, **kw):
    kw.setdefault("timeout", remaining())
    done = subprocess.run(cmd, check=False, **kw)
    if done.returncode:
        raise AssertionError(f"{cmd[:3]} failed (exit {done.returncode}): {(done.stderr or '')[-3000:]}")
    return done


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("    ok:", message)


class Server:
    """``odoo-bin`` serving one database on 127.0.0.1 (threaded, no cron: the story triggers what it needs)."""

    def __init__(self, db):
        self.db, self.port, self.process = db, free_port(), None
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = LOG_DIR / f"{db}.log"
        self.log.write_text("")

    def start(self, wait=True):
        self.process = subprocess.Popen(
            odoo_cmd(
                "-d",
                self.db,
                f"--db-filter=^{self.db}$",
                "--http-interface=127.0.0.1",
                f"--http-port={self.port}",
                f"--gevent-port={free_port()}",
                "--workers=0",
                "--max-cron-threads=0",
                "--no-database-list",
                f"--logfile={self.log}",
                "--log-level=info",
            ),
            start_new_session=True,
        )
        return self.wait() if wait else self

    def wait(self):
        while time.monotonic() < DEADLINE:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"the server of {self.db} stopped (exit {self.process.returncode}), see {self.log}"
                )
            try:
                if requests.get(self.base + "/web/health", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise AssertionError(f"the server of {self.db} did not start in time")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self.process = None

    def errors(self):
        lines = self.log.read_text(errors="replace").splitlines()
        return [x for x in lines if " ERROR " in x or " CRITICAL " in x]


class Client:
    """One user's web session on one site: JSON-RPC the way the web client calls it."""

    def __init__(self, server, login):
        self.server, self.login = server, login
        self.http = requests.Session()
        result = self.rpc("/web/session/authenticate", {"db": server.db, "login": login, "password": login})
        if result.get("error"):
            raise AssertionError(f"login {login} at {server.db} failed: {result['error']}")

    def rpc(self, path, params):
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        response = self.http.post(self.server.base + path, json=payload, timeout=REQUEST_TIMEOUT)
        response.raise_for_status()
        return response.json()

    def call(self, model, method, *args, **kwargs):
        """The method's result; AssertionError with the server's message on an error."""
        params = {"model": model, "method": method, "args": list(args), "kwargs": kwargs}
        answer = self.rpc(f"/web/dataset/call_kw/{model}/{method}", params)
        if answer.get("error"):
            data = answer["error"].get("data", {})
            raise AssertionError(f"{self.login}: {model}.{method}: {data.get('name')}: {data.get('message')}")
        return answer["result"]

    def error(self, model, method, *args):
        """The business error's message of a call that must fail."""
        params = {"model": model, "method": method, "args": list(args), "kwargs": {}}
        answer = self.rpc(f"/web/dataset/call_kw/{model}/{method}", params)
        if not answer.get("error"):
            raise AssertionError(f"{model}.{method} succeeded, an error was expected")
        return answer["error"]["data"].get("message", "")

    def read(self, model, record_id, fields_):
        return self.call(model, "read", [record_id], fields_)[0]


class LosingProxy:
    """A TCP proxy in front of the OEM server that forwards each request and, while ``lose`` names a method,
    drops the answer to the request calling it (the OEM did the work, the dealer never hears of it)."""

    def __init__(self, target_port):
        self.target_port, self.lose, self.lost = target_port, None, 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return data
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        length = next(
            (int(x.split(b":", 1)[1]) for x in head.split(b"\r\n") if x.lower().startswith(b"content-length:")), 0
        )
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            body += chunk
        # One request per connection: the OEM server closes after its answer.
        lines = [x for x in head.split(b"\r\n") if not x.lower().startswith(b"connection:")]
        return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body

    def _handle(self, conn):
        with conn:
            request = self._read_request(conn)
            with socket.create_connection(("127.0.0.1", self.target_port), timeout=REQUEST_TIMEOUT) as upstream:
                upstream.sendall(request)
                answer = b""
                while chunk := upstream.recv(65536):
                    answer += chunk
            if self.lose and self.lose.encode() in request:
                self.lost += 1
                return  # the answer is lost: the connection closes without it
            conn.sendall(answer)

    def close(self):
        self.sock.close()


class Site:
    """A served database and its users' sessions."""

    def __init__(self, server, setup, roles):
        self.server, self.setup = server, setup
        self.clients = {role: Client(server, setup[role]) for role in roles}

    def __getitem__(self, role):
        return self.clients[role]


def connect(admin, oem, setup, key=None, url=None):
    """The dealer's administrator fills Settings → After-Sales → OEM connection and tests it."""
    values = {
        "as_oem_url": url or oem.base,
        "as_oem_db": oem.db,
        "as_oem_login": setup["portal"],
        "as_oem_api_key": key or setup["key"],
        "as_oem_timeout": 20,
    }
    return admin.call("res.config.settings", "create", values)


def test_connection(admin, settings):
    params = {
        "model": "res.config.settings",
        "method": "action_as_oem_test_connection",
        "args": [[settings]],
        "kwargs": {},
    }
    answer = admin.rpc("/web/dataset/call_kw", params)
    if answer.get("error"):
        return False, answer["error"]["data"].get("message", "")
    return True, answer["result"]["params"]["message"]


def oem_claims(oem_admin, key):
    return oem_admin.call(CLAIM, "search_read", [("as_oem_idempotency_key", "=", key)], ["name", "state", "dealer_id"])


def exchange_of(client, model, record_id, kind):
    field = "claim_id" if model == CLAIM else "quality_info_id"
    rows = client.call(
        EXCHANGE,
        "search_read",
        [(field, "=", record_id), ("kind", "=", kind)],
        ["state", "attempts", "last_error", "idempotency_key", "oem_record_id"],
    )
    return rows[0] if rows else {}


def journal(client, move_ids):
    """{account code: (debit, credit)} of the posted moves."""
    lines = client.call(
        "account.move.line",
        "search_read",
        [("move_id", "in", move_ids), ("parent_state", "=", "posted")],
        ["account_id", "debit", "credit"],
    )
    accounts = {
        a["id"]: a["code"]
        for a in client.call(
            "account.account", "search_read", [("id", "in", [x["account_id"][0] for x in lines])], ["code"]
        )
    }
    totals = {}
    for line in lines:
        code = accounts[line["account_id"][0]]
        debit, credit = totals.get(code, (0.0, 0.0))
        totals[code] = (round(debit + line["debit"], 2), round(credit + line["credit"], 2))
    return totals


def cron(admin):
    """The dealer site's sync cron, run now (Settings → Technical → Scheduled Actions → Run Manually)."""
    [data] = admin.call(
        "ir.model.data",
        "search_read",
        [("module", "=", "aftersales_warranty_oem_link"), ("name", "=", "ir_cron_oem_sync")],
        ["res_id"],
    )
    admin.call("ir.cron", "method_direct_trigger", [data["res_id"]])


def story_wrong_key(dealer, oem, setup, claim):
    print("==> (1) connection: a wrong key is refused clearly, nothing is created at the OEM")
    admin, clerk, oem_admin = dealer["admin"], dealer["clerk"], oem["admin"]
    ok, message = test_connection(admin, connect(admin, oem.server, setup, key="0" * 40))
    print("    test connection:", message)
    check(not ok and "wrong login or API key" in message, "a wrong key: the test says so")
    clerk.call(CLAIM, "action_submit", [claim])
    clerk.call(CLAIM, "action_as_oem_send", [claim])
    exchange = exchange_of(clerk, CLAIM, claim, "claim")
    check(exchange["state"] == "queued" and "wrong login or API key" in (exchange["last_error"] or ""), "stays queued")
    check(not oem_claims(oem_admin, exchange["idempotency_key"]), "nothing created at the OEM")
    ok, message = test_connection(admin, connect(admin, oem.server, setup))
    print("    test connection:", message)
    check(ok and setup["company"] in message, "the right key: connected as the network dealer")
    clerk.call(CLAIM, "action_as_oem_send", [claim])
    check(len(oem_claims(oem_admin, exchange["idempotency_key"])) == 1, "sent with the right key: one claim at the OEM")


def story_claim(dealer, oem, claim):
    print("==> (2) a claim: submitted at the dealer, sent once, reviewed at the OEM, pulled back, settled")
    clerk, admin = dealer["clerk"], dealer["admin"]
    clerk.call(CLAIM, "action_submit", [claim])
    exchange = exchange_of(clerk, CLAIM, claim, "claim")
    check(exchange["state"] == "queued", "queued at the dealer site")
    cron(admin)
    cron(admin)  # the next run: nothing more is sent
    exchange = exchange_of(clerk, CLAIM, claim, "claim")
    found = oem_claims(oem["admin"], exchange["idempotency_key"])
    check(exchange["state"] == "sent" and exchange["attempts"] == 1, "sent once by the cron")
    check(len(found) == 1 and found[0]["state"] == "submitted", f"one claim at the OEM: {found[0]['name']}")
    oem_claim = found[0]["id"]
    reviewer = oem["reviewer"]
    reviewer.call(CLAIM, "action_start_review", [oem_claim])
    lines = reviewer.call(
        "aftersales.warranty.claim.line", "search_read", [("claim_id", "=", oem_claim)], ["line_type"]
    )
    labour = next(x["id"] for x in lines if x["line_type"] == "labour")
    reviewer.call(
        CLAIM,
        "action_approve_with_cuts",
        [oem_claim],
        [{"line_id": labour, "approved_quantity": 1.0, "cut_reason": "工时超标"}],
    )
    clerk.call(CLAIM, "action_as_oem_pull", [claim])
    values = clerk.read(CLAIM, claim, ["state", "as_oem_claim_name", "amount_cut"])
    check(values["state"] == "partially_approved", f"the decision is back: {values}")
    reviewer.call(CLAIM, "action_settle", [oem_claim])
    cron(admin)
    values = admin.read(CLAIM, claim, ["state", "dealer_invoice_id", "dealer_refund_id", "amount_cut"])
    check(values["state"] == "settled" and values["dealer_refund_id"], "settled at the dealer with the credit note")
    oem_values = oem["admin"].read(CLAIM, oem_claim, ["state", "oem_bill_id", "amount_approved"])
    check(oem_values["state"] == "settled" and oem_values["oem_bill_id"], "settled at the OEM with its bill")
    return values, oem_values


def assert_journals(dealer, oem, values, oem_values):
    print("==> journal items by account code")
    invoice = journal(dealer["admin"], [values["dealer_invoice_id"][0]])
    refund = journal(dealer["admin"], [values["dealer_refund_id"][0]])
    bill = journal(oem["admin"], [oem_values["oem_bill_id"][0]])
    print("    dealer invoice to the OEM:", invoice)
    print("    dealer credit note for the cut:", refund)
    print("    OEM bill of the dealer:", bill)
    cut, approved = values["amount_cut"], oem_values["amount_approved"]
    check(
        set(invoice) == {"112200", "500100", "222100"}, "dealer invoice: receivable 112200, revenue 500100, VAT 222100"
    )
    check(refund["500100"][0] == cut and refund["112200"][1] > 0, f"credit note: 500100 debited by the cut {cut}")
    check(set(bill) == {"540100", "222100", "220200"}, "OEM bill: cost 540100, VAT 222100, payable 220200")
    check(bill["540100"][0] == approved, f"OEM cost 540100 = the approved amount {approved}")
    net = invoice["500100"][1] - refund["500100"][0]
    check(round(net, 2) == round(approved, 2), f"dealer revenue net of the cut = OEM cost ({net})")


def story_dropped(dealer, oem, claim):
    print("==> (3) the OEM server is down while the claim is sent; sent again once it is back")
    clerk = dealer["clerk"]
    oem.server.stop()
    clerk.call(CLAIM, "action_submit", [claim])
    clerk.call(CLAIM, "action_as_oem_send", [claim])
    exchange = exchange_of(clerk, CLAIM, claim, "claim")
    check(
        exchange["state"] == "queued" and "cannot be reached" in (exchange["last_error"] or ""), "queued with the error"
    )
    oem.server.start()
    clerk.call(CLAIM, "action_as_oem_send", [claim])
    clerk.call(CLAIM, "action_as_oem_send", [claim])  # a double click: nothing more
    exchange = exchange_of(clerk, CLAIM, claim, "claim")
    check(exchange["state"] == "sent" and exchange["attempts"] == 2, "sent on the second attempt")
    check(len(oem_claims(oem["admin"], exchange["idempotency_key"])) == 1, "exactly one claim at the OEM")


def story_lost_answer(dealer, oem, setup, claim):
    print("==> (4) the OEM creates the claim but its answer is lost; sent again: still one claim")
    clerk, admin = dealer["clerk"], dealer["admin"]
    proxy = LosingProxy(oem.server.port)
    try:
        admin.call(
            "res.config.settings", "execute", [connect(admin, oem.server, setup, url=f"http://127.0.0.1:{proxy.port}")]
        )
        proxy.lose = "as_oem_receive_claim"
        clerk.call(CLAIM, "action_submit", [claim])
        clerk.call(CLAIM, "action_as_oem_send", [claim])
        exchange = exchange_of(clerk, CLAIM, claim, "claim")
        key = exchange["idempotency_key"]
        check(proxy.lost == 1 and exchange["state"] == "queued", f"answer lost, still queued: {exchange['last_error']}")
        check(len(oem_claims(oem["admin"], key)) == 1, "the OEM did create it")
        proxy.lose = None
        clerk.call(CLAIM, "action_as_oem_send", [claim])
        exchange = exchange_of(clerk, CLAIM, claim, "claim")
        found = oem_claims(oem["admin"], key)
        check(exchange["state"] == "sent" and exchange["oem_record_id"] == found[0]["id"], "sent: the same OEM claim")
        check(len(found) == 1, "exactly one claim at the OEM")
    finally:
        proxy.close()
        admin.call("res.config.settings", "execute", [connect(admin, oem.server, setup)])


def story_quality(dealer, oem, info):
    print("==> (5) quality information: out to the OEM, level confirmed, analysed, replied, archived, back")
    officer = dealer["officer"]
    officer.call(QUALITY, "action_submit", [info])
    officer.call(QUALITY, "action_as_oem_send", [info])
    exchange = exchange_of(officer, QUALITY, info, "quality")
    check(exchange["state"] == "sent", "sent once")
    found = oem["admin"].call(
        QUALITY,
        "search_read",
        [("as_oem_idempotency_key", "=", exchange["idempotency_key"])],
        ["state", "proposed_level", "partner_id", "source"],
    )
    check(
        len(found) == 1 and found[0]["proposed_level"] == "1" and found[0]["source"] == "dealer",
        f"one report at the OEM, level 1 proposed: {found}",
    )
    oem_info = found[0]["id"]
    oem["qi_manager"].call(QUALITY, "action_confirm", [oem_info])
    officer.call(QUALITY, "action_as_oem_pull", [info])
    values = officer.read(QUALITY, info, ["state", "level", "level_confirmed"])
    check(values["state"] == "confirmed" and values["level"] == "1", f"the OEM's level is back: {values}")
    oem["qa"].call(QUALITY, "write", [oem_info], {"qa_analysis": "减震器油封批次缺陷", "technical_support_sent": True})
    oem["qa"].call(QUALITY, "action_analyse", [oem_info])
    oem["qi_officer"].call(QUALITY, "write", [oem_info], {"reply": "已派技术支持，更换同批次减震器"})
    oem["qi_officer"].call(QUALITY, "action_reply", [oem_info])
    oem["qi_officer"].call(QUALITY, "write", [oem_info], {"result": "3 台已更换，跟踪无复发"})
    oem["qi_officer"].call(QUALITY, "action_close", [oem_info])
    cron(dealer["admin"])
    values = officer.read(QUALITY, info, ["state", "reply", "result", "qa_analysis", "as_oem_sync_state"])
    check(
        values["state"] == "closed" and values["reply"] == "已派技术支持，更换同批次减震器",
        f"the reply is back: {values}",
    )
    check(not values["qa_analysis"], "QA's analysis stays at the OEM")


def print_log(admin):
    rows = admin.call(
        EXCHANGE, "search_read", [], ["display_name", "direction", "state", "attempts", "log"], order="id"
    )
    print("==> exchange log of the dealer site")
    for row in rows:
        print(f"--- {row['display_name']} ({row['direction']}, {row['state']}, {row['attempts']} attempts)")
        print("\n".join("    " + x for x in (row["log"] or "").splitlines()))


def setup_sites():
    """Both scratch databases copied and set up at once; their setup JSON."""
    for db in (DEALER_DB, OEM_DB):
        subprocess.run(["dropdb", "--if-exists", db], check=True, timeout=60)
        run(["createdb", "-T", SRC_DB, db])
    shells = {}
    for site, db in (("dealer", DEALER_DB), ("oem", OEM_DB)):
        with open(ROOT / "scripts" / "oem_e2e_setup.py", "rb") as code:
            shells[site] = subprocess.Popen(
                odoo_cmd("-d", db, "--no-http", "--log-level=warn", "--max-cron-threads=0", command=["shell"]),
                stdin=code,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=dict(os.environ, E2E_SITE=site),
            )
    setups = {}
    for site, shell in shells.items():
        out, err = shell.communicate(timeout=remaining())
        line = next((x for x in out.splitlines() if x.startswith("E2E_SETUP ")), None)
        if shell.returncode or not line:
            raise AssertionError(f"setup of the {site} site failed:\n{out[-3000:]}{err[-3000:]}")
        setups[site] = json.loads(line.split(" ", 1)[1])
    return setups["dealer"], setups["oem"]


def main():
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    servers = []
    try:
        print(f"==> copying {SRC_DB} into {DEALER_DB} (dealer site) and {OEM_DB} (OEM site), setting both up")
        dealer_setup, oem_setup = setup_sites()
        print(f"    done in {time.monotonic() - start:.0f}s")
        servers = [Server(OEM_DB), Server(DEALER_DB)]
        for server in servers:
            server.start(wait=False)  # both load at once
        for server in servers:
            server.wait()
        print(f"==> OEM site on {servers[0].base}, dealer site on {servers[1].base} ({time.monotonic() - start:.0f}s)")
        oem = Site(servers[0], oem_setup, ("admin", "reviewer", "qi_manager", "qa", "qi_officer"))
        dealer = Site(servers[1], dealer_setup, ("admin", "clerk", "officer"))
        setup = dict(oem_setup, company=dealer_setup["company"])
        main_claim, dropped, lost, wrong_key = dealer_setup["claims"]
        story_wrong_key(dealer, oem, setup, wrong_key)
        values, oem_values = story_claim(dealer, oem, main_claim)
        assert_journals(dealer, oem, values, oem_values)
        story_dropped(dealer, oem, dropped)
        story_lost_answer(dealer, oem, setup, lost)
        story_quality(dealer, oem, dealer_setup["info"])
        print_log(dealer["admin"])
        for server in servers:
            bad = server.errors()
            check(not bad, f"no ERROR in the log of {server.db}" + "".join("\n      " + x for x in bad[:10]))
        print(f"==> dealer ↔ OEM end to end: all stories pass in {time.monotonic() - start:.0f}s")
    finally:
        for server in servers:
            server.stop()
        if not os.environ.get("E2E_KEEP"):
            for db in (DEALER_DB, OEM_DB):
                subprocess.run(["dropdb", "--if-exists", db], check=False, timeout=60)
                shutil.rmtree(Path.home() / ".local/share/Odoo/filestore" / db, ignore_errors=True)


if __name__ == "__main__":
    # `timeout` (scripts/oem_e2e.sh) stops the run with SIGTERM: clean up as on any failure.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit("FAILED: stopped (timeout)"))
    try:
        main()
    except AssertionError as error:
        print("FAILED:", error, file=sys.stderr)
        sys.exit(1)
