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


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def registry_command(state: Path, db_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "registry.cli", "--state", str(state), "--db", db_url, *args]


def run_cli(state: Path, db_url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        registry_command(state, db_url, *args),
        cwd=REPO, capture_output=True, text=True, timeout=1800,
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

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def ca_cert(self) -> Path:
        return self.state / "pki" / "ca.pem"

    def client(self, **kwargs: object) -> httpx.Client:
        context = ssl.create_default_context(cafile=str(self.ca_cert))
        return httpx.Client(base_url=self.base_url, verify=context, timeout=30.0, **kwargs)  # type: ignore[arg-type]

    def start(self) -> None:
        log_path = self.state / "serve.log"
        self.state.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(
            registry_command(
                self.state, self.db_url, "serve", "--port", str(self.port), "--workers", str(self.workers)
            ),
            cwd=REPO, stdout=self._log, stderr=subprocess.STDOUT, env={**os.environ, **self.env},
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"registry exited: {log_path.read_text(errors='replace')}")
            try:
                with self.client() as client:
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
