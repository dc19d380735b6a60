"""Waits until the demo registry answers its health check over mutual TLS (for `make run`).
Usage: wait_for_registry.py STATE PORT"""

from __future__ import annotations

import ssl
import sys
import time
import urllib.request
from pathlib import Path

TIMEOUT_S = 60.0


def main(state: str, port: str) -> int:
    enrolment = Path(state) / "demo-terminal"
    context = ssl.create_default_context(cafile=str(enrolment / "registry-ca.pem"))
    context.load_cert_chain(enrolment / "terminal.pem", enrolment / "terminal-key.pem")
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"https://127.0.0.1:{int(port)}/v1/health", context=context, timeout=2)
            return 0
        except OSError:
            time.sleep(0.2)
    print(f"the registry did not answer on port {port} within {TIMEOUT_S:.0f} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
