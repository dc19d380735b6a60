"""Writes the settings of the demo terminal for `make run`: the embedded registry's URL and the
enrolment `madoguchi-registry demo-setup` wrote. Usage: demo_terminal_settings.py STATE PORT"""

from __future__ import annotations

import sys
from pathlib import Path

from app.settings import SettingsStore


def main(state: str, port: str) -> int:
    enrolment = Path(state).resolve() / "demo-terminal"
    target = Path(state).resolve() / "terminal-settings.json"
    store = SettingsStore(target)
    store.set_raw("registry.url", f"https://127.0.0.1:{int(port)}")
    store.set_raw("registry.ca_file", str(enrolment / "registry-ca.pem"))
    store.set_raw("registry.client_cert", str(enrolment / "terminal.pem"))
    store.set_raw("registry.client_key", str(enrolment / "terminal-key.pem"))
    store.save()
    print(f"terminal settings: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
