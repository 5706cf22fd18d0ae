"""Load benchmark (issue 16): service advisors and portal dealers on one Odoo server, over HTTP as the browser.

Run by scripts/bench_load.sh (``make bench-load``), never in CI. Reads the users and ids built by
bench/load/setup.py from the JSON file named by LOAD_SETUP. Every request goes to the host given to
Locust (127.0.0.1 only: the script refuses any other host).

- ``Advisor``: a work order from reception to settlement over JSON-RPC as the web client calls it
  (``/web/dataset/call_kw/<model>/web_save`` for form saves, ``/web/dataset/call_button`` for the
  buttons), each role (advisor, team leader, technician, inspector) in its own session; one request name
  per step, so Locust reports p50/p95 per operation.
- ``Dealer``: the portal dealer lists its claims (``/my/warranty``) and files one on the portal form.

Each simulated user stops by itself after MAX_FLOWS flows; Locust stops the run after --run-time.
"""

import base64
import itertools
import json
import os
import random
import re
from urllib.parse import quote, urlparse

import gevent
from locust import HttpUser, between, events, task
from locust.clients import HttpSession
from locust.exception import StopUser

SETUP = json.loads(open(os.environ["LOAD_SETUP"], encoding="utf-8").read())
MAX_FLOWS = int(os.environ.get("LOAD_MAX_FLOWS", "200"))
# LOAD_THINK="1-3": seconds an advisor waits before each click of a flow (a person reading the form); default
# none: the steps of a flow follow each other at once (dealers wait 1-3 s between their tasks either way)
THINK = tuple(float(x) for x in os.environ["LOAD_THINK"].split("-", 1)) if os.environ.get("LOAD_THINK") else None
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
).decode()
CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
FORM_TOKEN = re.compile(r'name="form_token"\s+value="([^"]+)"')  # one claim per form, as the browser posts it
FAILED = object()  # a refused request (counted as a failure by Locust): the flow stops there
_teams = itertools.count()
_dealers = itertools.count()


@events.test_start.add_listener
def _local_only(environment, **_kw):
    host = urlparse(environment.host or "").hostname
    if host not in ("127.0.0.1", "localhost"):
        raise SystemExit(f"the load benchmark runs against 127.0.0.1 only, not {host!r}")


class Rpc:
    """One role's browser session."""

    def __init__(self, user, login):
        self.session = HttpSession(user.host, user.environment.events.request, user)
        self.call("/web/session/authenticate", {"db": SETUP["db"], "login": login, "password": login}, "login")

    def call(self, path, params, name):
        if THINK and name != "login":
            gevent.sleep(random.uniform(*THINK))  # the user reads the screen before the next click
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        # the operation in the query string (ignored by Odoo's JSON routes) names the request in the server's
        # log, whose request lines end with its query count and times: bench/load/queries.py reads them
        path = f"{path}?op={quote(name)}"
        with self.session.post(path, json=payload, name=name, catch_response=True) as response:
            try:
                answer = response.json()
            except ValueError:
                response.failure(f"not JSON (HTTP {response.status_code})")
                raise StopUser() from None
            if "error" in answer:
                message = answer["error"].get("data", {}).get("message") or answer["error"].get("message")
                response.failure(message)
                return FAILED
            return answer.get("result")

    def kw(self, model, method, args, name, **kwargs):
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self.call(f"/web/dataset/call_kw/{model}/{method}", params, name)

    def button(self, model, method, record_id, name, context=None):
        params = {"model": model, "method": method, "args": [[record_id]], "kwargs": {"context": context or {}}}
        return self.call("/web/dataset/call_button", params, name)

    def save(self, model, record_id, values, name):
        args = [[record_id] if record_id else [], values]
        result = self.kw(model, "web_save", args, name, specification={"id": {}})
        return FAILED if result is FAILED else result[0]


class Advisor(HttpUser):
    """A service advisor with the workshop team that moves its work orders."""

    fixed_count = int(os.environ.get("LOAD_ADVISORS", "1"))
    wait_time = between(1, 3)

    def on_start(self):
        team = SETUP["teams"][next(_teams) % len(SETUP["teams"])]
        self.team = team
        self.roles = {role: Rpc(self, login) for role, login in team["logins"].items()}
        # the single-user run and the load run share the teams: each starts far above the other's readings
        self.odometer = team["odometer"] + int(os.environ.get("LOAD_ODOMETER_OFFSET", "1000"))
        self.flows = 0

    @task
    def work_order(self):
        if self.flows >= MAX_FLOWS:
            raise StopUser()
        self.flows += 1
        self.odometer += 10
        advisor, leader, tech, inspector = (self.roles[r] for r in ("advisor", "leader", "technician", "inspector"))
        model = "repair.order"
        values = {
            "vehicle_id": self.team["vehicle"],
            "partner_id": self.team["customer"],
            "odometer_in": self.odometer,
            "complaint": "保养异响",
            "customer_signature": SIGNATURE,
            "customer_signed_by": "压测客户",
        }
        order = advisor.save(model, False, values, "1 reception: create")
        if order is FAILED:
            return
        oid = order["id"]
        steps = [
            (advisor, "action_customer_sign", "2 reception: sign", None),
            (leader, "action_accept_vehicle", "3 reception: accept vehicle", None),
            (advisor, "action_confirm_reception", "4 reception: confirm", None),
        ]
        if not self._buttons(model, oid, steps):
            return
        if leader.save(model, oid, {"diagnosis": "刹车片磨损"}, "5 estimate: diagnosis") is FAILED:
            return
        if not self._buttons(model, oid, [(leader, "action_to_estimate", "6 estimate: to estimate", None)]):
            return
        estimate = {
            "move_ids": [
                [0, 0, {"product_id": p, "product_uom_qty": 1, "repair_line_type": "add"}]
                for p in random.sample(SETUP["parts"], min(3, len(SETUP["parts"])))
            ],
            "labour_line_ids": [[0, 0, {"operation_id": op}] for op in SETUP["operations"]],
            "estimate_approved_by": "压测客户",
            "technician_ids": [[6, 0, [self.team["technician_id"]]]],
        }
        if advisor.save(model, oid, estimate, "7 estimate: lines") is FAILED:
            return
        steps = [
            (advisor, "action_approve_estimate", "8 estimate: approve", None),
            (leader, "action_dispatch", "9 dispatch", None),
            (tech, "action_start_work", "10 start work", None),
            (tech, "action_issue_parts", "11 issue parts", None),
            (tech, "action_request_quality_check", "12 request check", None),
            (tech, "action_check_pass", "13 self check", {"check_type": "self"}),
            (leader, "action_check_pass", "14 mutual check", {"check_type": "mutual"}),
            (inspector, "action_check_pass", "15 final check", {"check_type": "final"}),
        ]
        if not self._buttons(model, oid, steps):
            return
        stage = advisor.kw(model, "read", [[oid], ["service_stage"]], "16 read stage")
        if stage is FAILED:
            return
        if stage[0]["service_stage"] == "washing":
            self._buttons(model, oid, [(advisor, "action_wash_done", "17 wash done", None)])
        self._buttons(model, oid, [(advisor, "action_settle", "18 settle", None)])

    def _buttons(self, model, oid, steps):
        for role, method, name, context in steps:
            if role.button(model, method, oid, name, context) is FAILED:
                return False
        return True


class Dealer(HttpUser):
    """A network dealer on the portal: lists its claims, files one."""

    fixed_count = int(os.environ.get("LOAD_DEALERS", "1"))
    wait_time = between(1, 3)

    def on_start(self):
        self.dealer = SETUP["dealers"][next(_dealers) % len(SETUP["dealers"])]
        self.rpc = Rpc(self, self.dealer["login"])
        self.flows = 0

    @task(3)
    def list_claims(self):
        self.rpc.session.get("/my/warranty", name="portal: list claims")

    @task(1)
    def file_claim(self):
        if self.flows >= MAX_FLOWS:
            raise StopUser()
        self.flows += 1
        page = self.rpc.session.get("/my/warranty/new", name="portal: new claim form")
        token, form_token = CSRF.search(page.text or ""), FORM_TOKEN.search(page.text or "")
        if not token or not form_token:
            return
        data = [
            ("vin", self.dealer["vin"]),
            ("mileage", str(20000 + self.flows)),
            ("complaint", f"前部异响 {self.flows}"),
            ("cause", "前减震器漏油"),
            ("correction", "更换前减震器"),
            ("csrf_token", token.group(1)),
            ("form_token", form_token.group(1)),
            ("part_code", SETUP["claim_part_code"]),
            ("part_qty", "1"),
            ("operation_code", SETUP["claim_operation_code"]),
        ]
        with self.rpc.session.post(
            "/my/warranty/new", data=data, name="portal: file claim", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code not in (302, 303):
                response.failure(f"HTTP {response.status_code}: the form came back")
