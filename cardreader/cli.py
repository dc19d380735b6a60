"""`python -m cardreader`: readers and cards from the command line, for helpdesk and scripts.

    python -m cardreader list [--json]
    python -m cardreader probe [--reader NAME] [--json]
    python -m cardreader read [--reader NAME] --pin-stdin [--json]

`probe` asks for no PIN and prints nothing personal: card kind, applications, tries left of
every PIN, the validity of the JPKI authentication certificate. `read` prints the individual
number and the four basic items, for the holder at the counter; the PIN comes from standard
input (never from the command line, where `ps` would show it). `--trace` writes the redacted
APDU trace to standard error.

Exit codes:
    0  success
    1  other error (reader busy, PIN entry cancelled, ...)
    2  usage error
    3  wrong PIN (or a PIN not of 4 digits; no try spent then)
    4  PIN blocked
    5  no card in the reader
    6  no reader (none connected, the named one absent, it went away, or pcscd not running)
    7  unknown card (not a My Number card)
    8  住基カード (old resident register card)
    9  card removed during the read, or communication failed
    10 the card did not answer in time
    11 the card's data is malformed or it answered an unexpected status word
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
from typing import Any

from cardreader.errors import CardError, ExitCode, NoReaderError
from cardreader.service import CardService
from cardreader.trace import LOGGER_NAME

_PIN_BUFFER = 64


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cardreader", description="Individual Number Card reader"
    )
    parser.add_argument("--trace", action="store_true", help="redacted APDU trace on stderr")
    parser.add_argument(
        "--timeout", type=float, default=20.0, help="seconds before giving up (default 20)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_list = sub.add_parser("list", help="readers and whether a card is present")
    p_list.add_argument("--json", action="store_true")
    p_probe = sub.add_parser(
        "probe", help="card type, applications, PIN tries, certificate validity"
    )
    p_probe.add_argument("--reader")
    p_probe.add_argument("--json", action="store_true")
    p_read = sub.add_parser("read", help="the individual number and the four basic items (PIN)")
    p_read.add_argument("--reader")
    p_read.add_argument(
        "--pin-stdin", action="store_true", required=True, help="read the 4-digit PIN from stdin"
    )
    p_read.add_argument("--json", action="store_true")
    return parser


def read_pin_from_stdin() -> bytearray:
    """The first line of stdin into a bytearray, without an intermediate bytes object."""
    buf = bytearray(_PIN_BUFFER)
    raw = io.FileIO(sys.stdin.fileno(), closefd=False)
    n = raw.readinto(buf) or 0
    end = n
    for i in range(n):
        if buf[i] in (0x0A, 0x0D):
            end = i
            break
    pin = bytearray(buf[:end])
    buf[:] = bytes(len(buf))
    return pin


def _emit(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text)


def _cmd_list(args: argparse.Namespace, service: CardService) -> int:
    readers = service.readers(wait=args.timeout)
    if service.last_poll_error is not None:
        raise service.last_poll_error
    data = [{"reader": r.name, "card_present": r.card_present} for r in readers]
    lines = [f"{r.name}\t{'カードあり' if r.card_present else 'カードなし'}" for r in readers]
    _emit(args, {"readers": data}, "\n".join(lines) if lines else "カードリーダーがありません")
    return ExitCode.OK if readers else NoReaderError.exit_code


def _cmd_probe(args: argparse.Namespace, service: CardService) -> int:
    result = service.probe(reader=args.reader, timeout=args.timeout).result()
    data = result.as_dict()
    lines = [f"カード種別: {result.kind.label}", f"ATR: {data['atr']}"]
    for name, found in result.applications.items():
        lines.append(f"AP {name}: {'あり' if found else 'なし'}")
    for name, state in result.pins.items():
        shown = "ロック" if state.blocked else f"残り{state.tries_left}回"
        lines.append(f"PIN {name}: {shown}")
    cert = result.auth_certificate
    if cert is not None:
        lines.append(
            f"利用者証明用電子証明書: {cert.not_before:%Y-%m-%d}〜{cert.not_after:%Y-%m-%d}"
            f"（{'有効' if cert.valid_at() else '期間外'}）"
        )
    _emit(args, data, "\n".join(lines))
    return ExitCode.OK


def _cmd_read(args: argparse.Namespace, service: CardService) -> int:
    pin = read_pin_from_stdin()
    info = service.read_basic(pin, reader=args.reader, timeout=args.timeout).result()
    data = info.as_dict()
    lines = [
        f"個人番号: {info.individual_number}",
        f"氏名: {info.name.full}",
        f"住所: {info.address}",
        f"生年月日: {info.birth_date.isoformat()}",
        f"性別: {info.sex.label}",
    ]
    _emit(args, data, "\n".join(lines))
    return ExitCode.OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.trace:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        trace_log = logging.getLogger(LOGGER_NAME)
        trace_log.addHandler(handler)
        trace_log.setLevel(logging.DEBUG)
    commands = {"list": _cmd_list, "probe": _cmd_probe, "read": _cmd_read}
    service = CardService(default_timeout=args.timeout).start()
    try:
        return commands[args.command](args, service)
    except CardError as exc:
        if args.json:
            print(
                json.dumps(
                    {"error": {"code": exc.code, "message": exc.message}}, ensure_ascii=False
                )
            )
        print(f"エラー: {exc.message}（{exc.code}）", file=sys.stderr)
        return exc.exit_code
    finally:
        service.stop(timeout=2.0)
