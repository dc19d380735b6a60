"""Waits until the demo registry listens (for `make run`). A plain TCP connect: the TLS
handshake would need the terminal's key, which after enrolment lives only encrypted, with its
passphrase in the keyring. Usage: wait_for_registry.py PORT"""

from __future__ import annotations

import socket
import sys
import time

TIMEOUT_S = 60.0


def main(port: str) -> int:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", int(port)), timeout=2):
                return 0
        except OSError:
            time.sleep(0.2)
    print(f"the registry did not listen on port {port} within {TIMEOUT_S:.0f} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
