"""`python -m cardreader.virtual`: insert a virtual My Number card into vpcd's reader.

    python -m cardreader.virtual [--port 35963] [--resident-json FILE] [--kind my_number]
                                 [--long-form] [--malform NAME] [--delay-ms N]
                                 [--print-resident] [--start-pcscd]

With the system's pcscd (Debian's /etc/reader.conf.d/vpcd), the card goes into
"Virtual PCD 00 00" on port 35963. `--start-pcscd` runs a private pcscd instead (root; no
other pcscd may run). The built-in resident is made up; pass `--resident-json` for another
(fields of cardreader.virtual.contents.Resident, dates as YYYY-MM-DD). Ctrl-C pulls the card.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from cardreader.virtual.card import VirtualCard
from cardreader.virtual.contents import (
    KINDS,
    MALFORMATIONS,
    BuildOptions,
    Resident,
    build_contents,
    builtin_resident,
)
from cardreader.virtual.pcscd import PcscdProcess, StackUnavailable, reader_name
from cardreader.virtual.vpcd import DEFAULT_PORT, VpcdCardClient


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cardreader.virtual", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--port", type=int, default=None, help=f"vpcd slot port (default {DEFAULT_PORT})"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--resident-json", type=Path)
    parser.add_argument("--kind", choices=KINDS, default="my_number")
    parser.add_argument("--long-form", action="store_true", help="BER long-form lengths everywhere")
    parser.add_argument("--malform", choices=MALFORMATIONS)
    parser.add_argument("--delay-ms", type=int, default=0, help="answer every APDU this late")
    parser.add_argument(
        "--print-resident", action="store_true", help="print the resident as JSON and exit"
    )
    parser.add_argument(
        "--start-pcscd", action="store_true", help="run a private pcscd for the card"
    )
    args = parser.parse_args(argv)

    resident = (
        Resident.from_json_file(args.resident_json) if args.resident_json else builtin_resident()
    )
    if args.print_resident:
        print(resident.to_json())
        return 0
    contents = build_contents(
        resident, BuildOptions(kind=args.kind, long_form=args.long_form, malform=args.malform)
    )
    pcscd: PcscdProcess | None = None
    port = args.port or DEFAULT_PORT
    if args.start_pcscd:
        try:
            pcscd = PcscdProcess(port=args.port)
            pcscd.start()
        except StackUnavailable as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        port = pcscd.port
    client = VpcdCardClient(VirtualCard(contents), port=port, host=args.host)
    if args.delay_ms:
        client.slow_down(args.delay_ms / 1000)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        client.insert(timeout=10)
        slot = reader_name(0) if pcscd is not None or port == DEFAULT_PORT else f"port {port}"
        print(f"virtual {args.kind} card inserted into {slot} (Ctrl-C removes it)", flush=True)
        while not stop.is_set() and not client.removed.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"error: cannot reach vpcd at {args.host}:{port}: {exc}", file=sys.stderr)
        return 1
    finally:
        client.remove()
        if pcscd is not None:
            pcscd.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
