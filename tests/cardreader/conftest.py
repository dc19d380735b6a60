"""Fixtures for the card tests: a private pcscd with vpcd, virtual cards of synthetic residents.

The stack is real: pyscard → pcscd → vsmartcard-vpcd → a virtual card on a loopback socket,
the path a hardware reader takes. If pcscd or vpcd cannot run here the tests FAIL with what to
install or stop; they are never skipped, so a green run always means the stack was exercised.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.domain.address import format_address
from cardreader.pcsc import PcscTransport
from cardreader.service import CardService
from cardreader.virtual.card import CardContents, VirtualCard
from cardreader.virtual.contents import BuildOptions, Resident, build_contents
from cardreader.virtual.pcscd import PcscdProcess, StackUnavailable
from cardreader.virtual.vpcd import VpcdCardClient
from registry.synth.generator import city_towns, generate_city
from registry.synth.towns import CITY, PREFECTURE

PRESENCE_TIMEOUT_S = 20.0  # a bound for a loaded CI machine, not a speed expectation


@pytest.fixture(scope="session")
def residents() -> list[Resident]:
    """Current Japanese residents of the synthetic city, as card holders."""
    towns = {t.town_code: t for t in city_towns()}
    out: list[Resident] = []
    for _, members in generate_city(60, seed=61, today=date(2026, 11, 1)):
        for person in members:
            v = person.versions[-1]
            if v.removed_on is not None or v.resident_type != "japanese":
                continue
            address = format_address(
                PREFECTURE, CITY, towns[v.town_code].name, v.address_detail, v.building
            )
            out.append(
                Resident(
                    individual_number=person.individual_number,
                    family_name=v.family_name,
                    given_name=v.given_name,
                    address=address,
                    birth_date=v.birth_date,
                    sex=v.sex,
                    expiry_date=date(
                        2030 + len(out) % 6, v.birth_date.month, min(v.birth_date.day, 28)
                    ),
                    security_code=f"{(len(out) * 7919) % 10000:04d}",
                    pin=f"{(len(out) * 37 + 1000) % 10000:04d}",
                )
            )
    assert len(out) >= 10
    return out


@pytest.fixture(scope="session")
def resident(residents: list[Resident]) -> Resident:
    # One with a building (方書), so the address has a U+3000 inside it too.
    return next(r for r in residents if "\u3000" in r.address)


# Several test directories import these fixtures into modules of their own, and pytest keeps a
# session fixture per module that defines it: unshared, a second pcscd would start while the
# first still holds /run/pcscd. So one per test process, stopped when its last user ends.
_stack: list[PcscdProcess] = []
_users = [0]


@pytest.fixture(scope="session")
def pcscd() -> Iterator[PcscdProcess]:
    if not _stack:
        # MADOGUCHI_PCSCD_LOG=/path keeps pcscd's debug log of the run for diagnosis.
        log_path = os.environ.get("MADOGUCHI_PCSCD_LOG")
        process = PcscdProcess(log_path=Path(log_path) if log_path else None, debug=bool(log_path))
        try:
            process.start()
        except StackUnavailable as exc:
            pytest.fail(f"cannot run the PC/SC stack for the card tests: {exc}", pytrace=False)
        _stack.append(process)
    _users[0] += 1
    try:
        yield _stack[0]
    finally:
        _users[0] -= 1
        if _users[0] == 0:
            _stack.pop().stop()


def wait_for_presence(reader: str, present: bool, timeout: float = PRESENCE_TIMEOUT_S) -> None:
    transport = PcscTransport()
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                statuses = {s.name: s for s in transport.reader_statuses()}
            except Exception:
                statuses = {}
            status = statuses.get(reader)
            if status is not None and status.card_present == present:
                return
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{reader}: card {'never appeared' if present else 'still present'}"
                )
            time.sleep(0.05)
    finally:
        transport.close()


class VirtualReader:
    """The first vpcd slot of the test pcscd, with cards to insert and pull."""

    def __init__(self, pcscd: PcscdProcess) -> None:
        self.pcscd = pcscd
        self.name = pcscd.readers[0]
        self.client: VpcdCardClient | None = None

    def insert(self, contents: CardContents) -> VpcdCardClient:
        self.remove()
        client = VpcdCardClient(VirtualCard(contents), port=self.pcscd.port)
        client.insert()
        self.client = client
        wait_for_presence(self.name, True)
        return client

    def remove(self) -> None:
        if self.client is not None:
            self.client.remove()
            self.client = None
            if self.pcscd.running:
                wait_for_presence(self.name, False)


_contents_cache: dict[tuple[object, ...], CardContents] = {}


@pytest.fixture
def reader(pcscd: PcscdProcess) -> Iterator[VirtualReader]:
    slot = VirtualReader(pcscd)
    try:
        yield slot
    finally:
        slot.remove()


@pytest.fixture
def insert(reader: VirtualReader, resident: Resident) -> Callable[..., VpcdCardClient]:
    """insert(kind=..., long_form=..., malform=..., tries=..., holder=...) → the card's client."""

    def _insert(holder: Resident | None = None, **options: object) -> VpcdCardClient:
        person = holder or resident
        opts = BuildOptions(**options)  # type: ignore[arg-type]
        key = (
            person.individual_number,
            opts.kind,
            opts.long_form,
            opts.malform,
            opts.with_auth_certificate,
            tuple(sorted(opts.tries.items())),
        )
        if key not in _contents_cache:
            _contents_cache[key] = build_contents(person, opts)
        # Keys carry retry counters and tests may edit files: every card gets fresh copies.
        cached = _contents_cache[key]
        contents = CardContents(
            atr=cached.atr,
            apps={
                aid: replace(
                    app, files=dict(app.files), keys={k: replace(v) for k, v in app.keys.items()}
                )
                for aid, app in cached.apps.items()
            },
        )
        return reader.insert(contents)

    return _insert


@pytest.fixture
def service(pcscd: PcscdProcess) -> Iterator[CardService]:
    svc = CardService(poll_interval=0.1, default_timeout=10.0).start()
    try:
        yield svc
    finally:
        svc.stop()


@pytest.fixture
def pin_of(resident: Resident) -> Callable[[Resident | None], bytearray]:
    def _pin(holder: Resident | None = None) -> bytearray:
        return bytearray((holder or resident).pin.encode("ascii"))

    return _pin
