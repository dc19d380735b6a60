"""The benchmarks' load generator: one keep-alive HTTPS connection on the enrolled test terminal
(its client certificate, the registry CA), logged in as one staff member, over the standard
library's http.client.

The load generator shares the 2-core machine with the service it measures, so its own CPU time
is taken from the service's. httpx (what the terminal uses, for its timeouts, retries and
connection handling) spent about 1.3 ms of CPU per request here; this client about 0.5 ms.
The service answers it exactly as it answers the terminal: the same TLS, the same
requests, the same headers that matter (Authorization; JSON bodies).
"""

from __future__ import annotations

import http.client
import json
from typing import Any
from urllib.parse import urlencode

from tests.support.registry_process import PASSWORD, RegistryProcess


class LeanClient:
    def __init__(self, server: RegistryProcess, user: str) -> None:
        self._server = server
        self._user = user
        self._conn = http.client.HTTPSConnection("127.0.0.1", server.port, context=server.tls_context(), timeout=60)
        self._token = self._login()

    def _login(self) -> str:
        status, body = self._send("POST", "/v1/sessions", {"user_id": self._user, "password": PASSWORD}, auth=False)
        if status != 201:
            raise RuntimeError(f"bench login of {self._user} failed: {status} {body!r}")
        return str(json.loads(body)["token"])

    def _send(self, method: str, path: str, payload: Any = None, *, auth: bool = True) -> tuple[int, bytes]:
        headers = {"Authorization": f"Bearer {self._token}"} if auth else {}
        data = b""
        if payload is not None:
            data = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        headers["Content-Length"] = str(len(data))
        self._conn.request(method, path, body=data, headers=headers)
        response = self._conn.getresponse()
        return response.status, response.read()

    def get(self, path: str, params: dict[str, str] | None = None) -> tuple[int, bytes]:
        return self._send("GET", f"{path}?{urlencode(params)}" if params else path)

    def post(self, path: str, payload: Any = None) -> tuple[int, bytes]:
        return self._send("POST", path, payload)

    def close(self) -> None:
        self._conn.close()
