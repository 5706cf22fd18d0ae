"""The dealer site's client of the OEM site: Odoo's external JSON-RPC (``/jsonrpc``), logged in with the
dealer's OEM portal user and its API key. No Odoo environment here: the callers translate the errors."""

import itertools

import requests

_ids = itertools.count(1)


class OemError(Exception):
    """A failed call. ``kind``: unreachable (network, timeout, HTTP error), auth (login or key refused),
    forbidden (the OEM refused the user: not a network dealer, no access), refused (the OEM refused the
    data: a validation message), protocol (an unexpected answer or server error)."""

    RETRY = ("unreachable", "auth", "forbidden", "protocol")

    def __init__(self, kind, detail):
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail

    @property
    def retry(self):
        """Whether trying again later may succeed (refused data does not change by waiting)."""
        return self.kind in self.RETRY


class OemClient:
    def __init__(self, url, db, login, key, timeout=30):
        self.url = (url or "").rstrip("/") + "/jsonrpc"
        self.db, self.login, self.key, self.timeout = db, login, key, timeout
        self.uid = None

    def _rpc(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": list(args)},
            "id": next(_ids),
        }
        try:
            response = requests.post(self.url, json=payload, timeout=self.timeout)
        except requests.RequestException as error:
            raise OemError("unreachable", self._reason(error)) from error
        if response.status_code != 200:
            raise OemError("unreachable", f"HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError as error:
            raise OemError("protocol", "not a JSON-RPC answer") from error
        if "error" in data:
            raise self._error(data["error"])
        return data.get("result")

    def _reason(self, error):
        """The short cause of a network failure (urllib3 nests it in a long message)."""
        if isinstance(error, requests.Timeout):
            return f"no answer within {self.timeout} s"
        text = str(error)
        start = text.rfind("[Errno")
        return text[start:].rstrip("')\"") if start >= 0 else text[:200]

    @staticmethod
    def _error(error):
        data = error.get("data") or {}
        name = data.get("name") or ""
        message = data.get("message") or error.get("message") or name
        if name.endswith("AccessDenied"):
            return OemError("auth", message)
        if name.endswith(("AccessError", "MissingError")):
            return OemError("forbidden", message)
        if name.endswith(("ValidationError", "UserError")):
            return OemError("refused", message)
        return OemError("protocol", message)

    def authenticate(self):
        if not self.uid:
            uid = self._rpc("common", "login", self.db, self.login, self.key)
            if not uid:
                raise OemError("auth", "login refused")
            self.uid = uid
        return self.uid

    def call(self, model, method, *args):
        """``model.method(*args)`` on the OEM site as the dealer's portal user."""
        uid = self.authenticate()
        return self._rpc("object", "execute_kw", self.db, uid, self.key, model, method, list(args), {})
