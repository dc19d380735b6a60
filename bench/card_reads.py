"""Card reads over the real PC/SC path: cardreader beside a minimal hand-written pyscard sequence.

A private pcscd with vsmartcard-vpcd and the virtual My Number card (cardreader/virtual) carry
three reads, each timed end to end and counted in APDUs as the card saw them:

- **probe**: card kind, applications, tries of the three PINs, auth certificate validity;
- **PIN + number + four items**: VERIFY, EF 0001, EF 0002 of 券面事項入力補助AP;
- **face photo**: 照合番号B, the card-face file with the JPEG 2000 photo, decoded.

"cardreader" is the public API the terminal uses (CardService: a job handed to the card-I/O
thread, a PC/SC transaction around it, parsing, a card reset after a PIN). "session" is the same
operation called directly on a CardSession (no thread hand-off). "minimal" is the fewest APDUs
for the same information, sent with `smartcard.scard.SCardTransmit` on an open handle and
checked for 9000 only: no transaction, no reset, no parsing beyond the length header. All three
run interleaved in the same process on the same card.

    python -m bench.card_reads [--rounds 200]    (root; no other pcscd may run)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any, Final

from bench.report import machine, save, summary
from cardreader.protocol import Application
from cardreader.service import CardService
from cardreader.session import CardSession
from cardreader.virtual.contents import Resident, builtin_resident
from cardreader.virtual.pcscd import PcscdProcess

READS: Final = ("probe", "pin_number_items", "face_photo")
LABELS: Final = {
    "probe": "probe",
    "pin_number_items": "PIN + number + four items",
    "face_photo": "face photo (照合番号B)",
}
RATIO_GOAL: Final = 1.2


class Minimal:
    """The hand-written sequences: raw SCardTransmit, header read then 256-byte chunks."""

    def __init__(self, reader: str, resident: Resident) -> None:
        from smartcard import scard

        self.scard = scard
        self.resident = resident
        rv, self.context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        rv, self.handle, self.protocol = scard.SCardConnect(
            self.context,
            reader,
            scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        if rv != scard.SCARD_S_SUCCESS:
            raise RuntimeError(f"connect: {scard.SCardGetErrorMessage(rv)}")
        self.apdus = 0

    def refresh(self) -> None:
        """Untimed: acknowledge a reset cardreader did after its PIN operation."""
        s = self.scard
        s.SCardReconnect(
            self.handle,
            s.SCARD_SHARE_SHARED,
            s.SCARD_PROTOCOL_T0 | s.SCARD_PROTOCOL_T1,
            s.SCARD_LEAVE_CARD,
        )

    def tx(self, apdu: list[int]) -> list[int]:
        rv, response = self.scard.SCardTransmit(self.handle, self.protocol, apdu)
        self.apdus += 1
        if rv != 0 or len(response) < 2:
            raise RuntimeError(f"transmit failed: {rv:#x}")
        return response

    def ok(self, apdu: list[int]) -> list[int]:
        response = self.tx(apdu)
        if response[-2:] != [0x90, 0x00]:
            raise RuntimeError(f"SW {response[-2]:02X}{response[-1]:02X}")
        return response[:-2]

    def select_ap(self, app: Application) -> None:
        self.ok([0x00, 0xA4, 0x04, 0x0C, 10, *app.aid])

    def select_ef(self, fid: int) -> None:
        self.ok([0x00, 0xA4, 0x02, 0x0C, 2, fid >> 8, fid & 0xFF])

    def tries(self, fid: int) -> int:
        self.select_ef(fid)
        return self.tx([0x00, 0x20, 0x00, 0x80])[-1] & 0x0F

    def read_file(self, fid: int) -> bytes:
        self.select_ef(fid)
        data = bytes(self.ok([0x00, 0xB0, 0, 0, 5]))
        pos = 2 if data[0] & 0x1F == 0x1F else 1  # FF20 / 30
        if data[pos] < 0x80:
            size = pos + 1 + data[pos]
        else:
            k = data[pos] & 0x7F
            size = pos + 1 + k + int.from_bytes(data[pos + 1 : pos + 1 + k], "big")
        while len(data) < size:
            n = min(256, size - len(data))
            data += bytes(self.ok([0x00, 0xB0, len(data) >> 8, len(data) & 0xFF, n & 0xFF]))
        return data

    def probe(self) -> bytes:
        for app in (Application.CARD_FACE, Application.JUKI, Application.INPUT_SUPPORT):
            self.select_ap(app)
        self.tries(0x0011)
        self.select_ap(Application.JPKI)
        self.tries(0x0018)
        self.tries(0x001B)
        return self.read_file(0x000A)

    def pin_number_items(self) -> bytes:
        self.select_ap(Application.INPUT_SUPPORT)
        self.select_ef(0x0011)
        self.ok([0x00, 0x20, 0x00, 0x80, 4, *self.resident.pin.encode()])
        self.select_ef(0x0001)
        self.ok([0x00, 0xB0, 0, 0, 17])
        return self.read_file(0x0002)

    def face_photo(self) -> bytes:
        from app.domain.wareki import era_yymmdd

        r = self.resident
        key = f"{era_yymmdd(r.birth_date)}{r.expiry_date.year}{r.security_code}".encode()
        self.select_ap(Application.CARD_FACE)
        self.select_ef(0x0012)
        self.ok([0x00, 0x20, 0x00, 0x80, len(key), *key])
        return self.read_file(0x0002)

    def close(self) -> None:
        self.scard.SCardDisconnect(self.handle, self.scard.SCARD_RESET_CARD)
        self.scard.SCardReleaseContext(self.context)


def _decode(name: str, data: bytes) -> None:
    """What the result needs beyond the bytes: the certificate parsed, the photo decoded."""
    if name == "probe":
        from cryptography import x509

        x509.load_der_x509_certificate(data).not_valid_after_utc  # noqa: B018
    elif name == "face_photo":
        import io

        from PIL import Image

        from cardreader import tlv

        template = tlv.parse_one(data)
        photo = next(c.value for c in tlv.iter_children(template.value) if c.tag == 0xDF27)
        Image.open(io.BytesIO(photo)).load()


def _ours(r: Resident) -> dict[str, Callable[[Any], Any]]:
    """Each read as a function of a CardSession (also what the service runs on its thread)."""
    return {
        "probe": lambda s: s.probe(),
        "pin_number_items": lambda s: s.read_basic(bytearray(r.pin.encode())),
        "face_photo": lambda s: s.read_face(
            birth_date=r.birth_date,
            expiry_year=r.expiry_date.year,
            security_code=bytearray(r.security_code.encode()),
        ),
    }


def _counted(
    op: Callable[[CardSession], Any], counts: dict[str, int]
) -> Callable[[CardSession], Any]:
    def job(session: CardSession) -> Any:
        before = session.apdu_count
        result = op(session)
        counts["n"] = session.apdu_count - before
        return result

    return job


def run(
    rounds: int = 200, warmup: int = 10, delayed_rounds: int = 40, delay_ms: int = 2
) -> dict[str, Any]:
    """Both paths: loopback as fast as it goes, then with `delay_ms` per APDU in the card.

    The virtual card answers in ~0.1 ms, a hundred times faster than a real card, which makes
    every fixed cost of the library stand out; the delayed run shows the same reads at a pace
    closer to a fast contact card. The card runs in its own process, as a card would.
    """
    result: dict[str, Any] = {"machine": machine(), "date": date.today().isoformat(), "runs": []}
    for delay, n in ((0, rounds), (delay_ms, delayed_rounds)):
        if n > 0:
            result["runs"].append(
                {"card_delay_ms": delay, "rounds": n, "reads": _run_one(n, warmup, delay)}
            )
    return result


def _run_one(rounds: int, warmup: int, delay_ms: int) -> dict[str, Any]:
    resident = builtin_resident()
    with PcscdProcess() as pcscd:
        card = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cardreader.virtual",
                "--port",
                str(pcscd.port),
                "--delay-ms",
                str(delay_ms),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        reader = pcscd.readers[0]
        try:
            _wait_present(reader)
            return _measure(reader, resident, rounds, warmup)
        finally:
            card.terminate()
            card.wait(timeout=10)


def _measure(reader: str, resident: Resident, rounds: int, warmup: int) -> dict[str, Any]:
    from cardreader.pcsc import PcscTransport

    service = CardService(poll_interval=3600.0).start()  # no reader polling between samples
    minimal = Minimal(reader, resident)
    transport = PcscTransport()
    session = CardSession(transport.connect(reader))
    ops = _ours(resident)
    times: dict[str, dict[str, list[float]]] = {
        k: {"cardreader": [], "session": [], "minimal": [], "minimal_io": []} for k in READS
    }
    apdus: dict[str, dict[str, int]] = {k: {} for k in READS}
    counts: dict[str, int] = {}
    try:
        for i in range(warmup + rounds):
            for name in READS:
                # Three handles share the card here, so each one sees the others' resets after a
                # PIN; a terminal has one. Acknowledge them untimed before each sample.
                service.submit(_touch, reader=reader).result()
                # cardreader through the service, as the terminal calls it
                t0 = time.perf_counter()
                service.submit(_counted(ops[name], counts), reader=reader).result()
                t1 = time.perf_counter()
                service.submit(_idle, reader=reader).result()  # untimed: its cleanup is done
                apdus[name]["cardreader"] = counts["n"]
                # the same operation on a CardSession, synchronously, cleanup included
                _touch(session)
                before = session.apdu_count
                t2 = time.perf_counter()
                ops[name](session)
                t3 = time.perf_counter()
                apdus[name]["session"] = session.apdu_count - before
                # the minimal sequence, then the decoding its result needs
                minimal.refresh()
                before = minimal.apdus
                t4 = time.perf_counter()
                data = getattr(minimal, name)()
                t5 = time.perf_counter()
                _decode(name, data)
                t6 = time.perf_counter()
                apdus[name]["minimal"] = minimal.apdus - before
                if i >= warmup:
                    times[name]["cardreader"].append(t1 - t0)
                    times[name]["session"].append(t3 - t2)
                    times[name]["minimal_io"].append(t5 - t4)
                    times[name]["minimal"].append(t6 - t4)
    finally:
        session.close()
        transport.close()
        minimal.close()
        service.stop()
    reads: dict[str, Any] = {}
    for name in READS:
        ours, direct, base, io_only = (
            summary(times[name][k]) for k in ("cardreader", "session", "minimal", "minimal_io")
        )
        reads[name] = {
            "apdus": apdus[name],
            "cardreader": ours,
            "session": direct,
            "minimal": base,
            "minimal_io": io_only,
            "ratio_p50": ours["p50_ms"] / base["p50_ms"],
            "ratio_mean": ours["mean_ms"] / base["mean_ms"],
            "session_ratio_p50": direct["p50_ms"] / base["p50_ms"],
            "per_apdu_minimal_ms": io_only["p50_ms"] / max(1, apdus[name]["minimal"]),
        }
    return reads


def _idle(session: CardSession) -> None:
    return None


def _touch(session: CardSession) -> None:
    session.connection.begin_transaction()  # reconnects if another handle reset the card
    session.connection.end_transaction()


def _wait_present(reader: str, timeout: float = 5.0) -> None:
    from cardreader.pcsc import PcscTransport

    transport = PcscTransport()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if any(s.name == reader and s.card_present for s in transport.reader_statuses()):
                return
            time.sleep(0.05)
    finally:
        transport.close()
    raise RuntimeError(f"virtual card never appeared in {reader}")


def render_markdown(result: dict[str, Any]) -> str:
    """The section for bench/README.md between <!-- card:start --> and <!-- card:end -->."""
    lines = [
        f"Measured {result['date']} on {result['machine']}; samples interleaved in one run; "
        "pyscard → pcscd → vsmartcard-vpcd → virtual card (own process) on loopback.",
        "",
        "| card answers | read | APDUs cardreader | APDUs minimal | cardreader p50 ms | cardreader p95 ms "
        "| session p50 ms | minimal p50 ms | minimal p95 ms | of which APDUs p50 ms | cardreader / minimal p50 "
        "| minimal APDUs | ≤ 1.2× |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for run in result["runs"]:
        pace = "at once" if run["card_delay_ms"] == 0 else f"after {run['card_delay_ms']} ms"
        for name in READS:
            r = run["reads"][name]
            a = r["apdus"]
            lines.append(
                f"| {pace} ({run['rounds']} rounds) | {LABELS[name]} | {a['cardreader']} | {a['minimal']} "
                f"| {r['cardreader']['p50_ms']:.2f} | {r['cardreader']['p95_ms']:.2f} | {r['session']['p50_ms']:.2f} "
                f"| {r['minimal']['p50_ms']:.2f} | {r['minimal']['p95_ms']:.2f} | {r['minimal_io']['p50_ms']:.2f} "
                f"| {r['ratio_p50']:.2f} | {'yes' if a['cardreader'] == a['minimal'] else 'no'} "
                f"| {'yes' if r['ratio_p50'] <= RATIO_GOAL else 'no'} |"
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.card_reads")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--delayed-rounds", type=int, default=40)
    parser.add_argument("--delay-ms", type=int, default=2)
    parser.add_argument(
        "--json", action="store_true", help="print the raw result instead of markdown"
    )
    args = parser.parse_args()
    result = run(rounds=args.rounds, delayed_rounds=args.delayed_rounds, delay_ms=args.delay_ms)
    path = save("card_reads", result)
    print(
        json.dumps(result, indent=2, ensure_ascii=False) if args.json else render_markdown(result)
    )
    print(f"\n(raw result: {path})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
