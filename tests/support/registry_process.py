"""The real registry for tests and benchmarks: `madoguchi-registry init`, `seed` and `serve`
run as the commands an operator types, in a subprocess on a free loopback port, over TLS."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0
TERMINAL = "test-terminal"
PASSWORD = "Testpass2026x"
# One account per role (and a clerk without number view), created for every test registry.
STAFF: dict[str, tuple[str, bool]] = {
    "t-clerk": ("clerk", True),
    "t-clerk2": ("clerk", False),
    "t-card": ("card_desk", False),
    "t-super": ("supervisor", False),
    "t-super2": ("supervisor", False),
    "t-help": ("helpdesk", False),
    "t-admin": ("admin", False),
    "t-audit": ("auditor", False),
}
DEFAULT_USER = "t-clerk"


def provision(state: Path, db_url: str) -> Path:
    """Enrol the test terminal and create the test staff (once per state directory); returns
    the terminal's enrolment directory. The admin CLI is tested on its own (tests/registry/
    test_admin_cli.py); here the same functions are called directly, to keep fixtures fast."""
    from registry.config import load_settings
    from registry.db import make_engine, make_write_session_factory
    from registry.pki import PkiPaths
    from registry.security import staff, terminals

    out = state / TERMINAL
    if (out / terminals.CERT_FILE).is_file():
        return out
    settings = load_settings(state, db_url)
    engine = make_engine(db_url)
    try:
        with make_write_session_factory(engine).begin() as session:
            terminals.enroll(session, PkiPaths(settings.pki_dir), TERMINAL, out)
            for staff_id, (role, number_view) in STAFF.items():
                staff.add(session, staff_id, f"試験 {staff_id}", role, PASSWORD, number_view=number_view)
    finally:
        engine.dispose()
    return out


class StaffLogin(httpx.Auth):
    """Bearer auth for one test account: logs in on first use and again when the session ended."""

    def __init__(self, server: RegistryProcess, user: str) -> None:
        self.server = server
        self.user = user

    def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
        token = self.server.tokens.get(self.user)
        if token is None:
            token = yield from self._login()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            response.read()
            if response.json().get("error", {}).get("code") in ("session_expired", "session_required"):
                token = yield from self._login()
                request.headers["Authorization"] = f"Bearer {token}"
                yield request

    def _login(self):  # type: ignore[no-untyped-def]
        login = httpx.Request(
            "POST", f"{self.server.base_url}/v1/sessions",
            json={"user_id": self.user, "password": PASSWORD},
        )
        response = yield login
        response.read()
        if response.status_code != 201:
            raise RuntimeError(f"test login of {self.user} failed: {response.text}")
        token = response.json()["token"]
        self.server.tokens[self.user] = token
        return token


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def registry_command(state: Path, db_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "registry.cli", "--state", str(state), "--db", db_url, *args]


def run_cli(
    state: Path, db_url: str, *args: str, check: bool = True, stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        registry_command(state, db_url, *args),
        cwd=REPO, capture_output=True, text=True, timeout=1800, input=stdin,
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"madoguchi-registry {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


@dataclass
class RegistryProcess:
    state: Path
    db_url: str
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    env: dict[str, str] = field(default_factory=dict)  # settings for this service only
    workers: int = 1
    tokens: dict[str, str] = field(default_factory=dict)  # test staff sessions, by user
    tree: Path = REPO  # the source tree the service runs from (bench.paired_moves: another revision)

    @property
    def terminal_dir(self) -> Path:
        return self.state / TERMINAL

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def ca_cert(self) -> Path:
        return self.state / "pki" / "ca.pem"

    def tls_context(self, *, terminal: bool = True) -> ssl.SSLContext:
        context = ssl.create_default_context(cafile=str(self.ca_cert))
        if terminal:
            context.load_cert_chain(self.terminal_dir / "terminal.pem", self.terminal_dir / "terminal-key.pem")
        return context

    def client(self, user: str | None = DEFAULT_USER, *, terminal: bool = True, **kwargs: object) -> httpx.Client:
        """A client on the enrolled test terminal, logged in as `user` (None: no staff session)."""
        auth = StaffLogin(self, user) if user else None
        return httpx.Client(
            base_url=self.base_url, verify=self.tls_context(terminal=terminal), timeout=30.0,
            auth=auth, **kwargs,  # type: ignore[arg-type]
        )

    def start(self) -> None:
        provision(self.state, self.db_url)
        log_path = self.state / "serve.log"
        self.state.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(
            registry_command(
                self.state, self.db_url, "serve", "--port", str(self.port), "--workers", str(self.workers)
            ),
            cwd=self.tree, stdout=self._log, stderr=subprocess.STDOUT, env={**os.environ, **self.env},
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"registry exited: {log_path.read_text(errors='replace')}")
            try:
                with self.client(None) as client:
                    if client.get("/v1/health").status_code == 200:
                        return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"registry did not start: {log_path.read_text(errors='replace')}")

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to finish anything (the fault tests)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None
        if getattr(self, "_log", None):
            self._log.close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if getattr(self, "_log", None):
            self._log.close()
