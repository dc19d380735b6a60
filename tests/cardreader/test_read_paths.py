"""The card paths over pyscard → pcscd → vpcd → virtual card: PIN, items, face, certificate."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PIL import Image

from app.domain.individual_number import is_valid
from app.domain.wareki import era_yymmdd
from cardreader.errors import (
    InvalidPinFormatError,
    JukiCardError,
    PinBlockedError,
    UnknownCardError,
    WrongPinError,
)
from cardreader.models import CardKind, Sex
from cardreader.service import CardService
from cardreader.virtual.contents import Resident
from cardreader.virtual.vpcd import VpcdCardClient

pytestmark = pytest.mark.card

Insert = Callable[..., VpcdCardClient]


def wrong_pin(r: Resident) -> bytearray:
    return bytearray(f"{(int(r.pin) + 1) % 10000:04d}".encode())


def test_correct_pin_reads_number_and_four_items(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert()
    pin = bytearray(resident.pin.encode())
    info = service.read_basic(pin).result()
    assert pin == bytearray(4)  # wiped once VERIFY has run
    assert info.individual_number == resident.individual_number and is_valid(info.individual_number)
    assert info.name.family == resident.family_name
    assert info.name.given == resident.given_name
    assert info.name.full == f"{resident.family_name}\u3000{resident.given_name}"
    assert info.address == resident.address
    assert info.birth_date == resident.birth_date
    assert info.sex is Sex(resident.sex)
    assert resident.individual_number not in repr(info) and resident.family_name not in repr(info)


def test_every_synthetic_resident_reads_back(
    insert: Insert, service: CardService, residents: list[Resident]
) -> None:
    for holder in residents[:4]:
        insert(holder=holder)
        info = service.read_basic(bytearray(holder.pin.encode())).result()
        assert (info.individual_number, info.address, info.birth_date) == (
            holder.individual_number,
            holder.address,
            holder.birth_date,
        )
        # Let the service finish its post-read reset before the card is pulled: vpcd can lose
        # track of its slot when a reset and a removal cross (a quirk of the virtual reader).
        service.submit(lambda s: None).result()


def test_wrong_pin_counts_down_then_blocks(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert()
    messages = []
    for expected_left in (2, 1):
        with pytest.raises(WrongPinError) as caught:
            service.read_basic(wrong_pin(resident)).result()
        assert caught.value.tries_left == expected_left
        messages.append(caught.value.message)
    assert messages == ["暗証番号が違います。残り2回です。", "暗証番号が違います。残り1回です。"]
    with pytest.raises(PinBlockedError) as blocked:  # the third wrong PIN blocks it
        service.read_basic(wrong_pin(resident)).result()
    assert (
        blocked.value.message == "暗証番号がロックされています。市区町村窓口での再設定が必要です。"
    )
    with pytest.raises(PinBlockedError):  # and now even the right one is refused
        service.read_basic(bytearray(resident.pin.encode())).result()
    assert service.probe().result().pins["input_support_pin"].blocked


def test_correct_pin_restores_the_counter(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert()
    with pytest.raises(WrongPinError):
        service.read_basic(wrong_pin(resident)).result()
    service.read_basic(bytearray(resident.pin.encode())).result()
    assert service.probe().result().pins["input_support_pin"].tries_left == 3


def test_card_blocked_before_it_came(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert(tries={"pin": 0})
    with pytest.raises(PinBlockedError):
        service.read_basic(bytearray(resident.pin.encode())).result()


def test_tries_query_spends_no_try(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    client = insert(tries={"pin": 2, "auth_pin": 1})
    for _ in range(3):
        pins = service.probe().result().pins
        assert pins["input_support_pin"].tries_left == 2
        assert pins["jpki_auth_pin"].tries_left == 1
        assert pins["jpki_sign_password"].tries_left == 5
    # The card's own counters, not just what we report:
    keys = {k: v.tries for app in client.card.contents.apps.values() for k, v in app.keys.items()}
    assert keys[0x0011] == 2 and keys[0x0018] == 1 and keys[0x001B] == 5


def test_malformed_pin_costs_no_try(insert: Insert, service: CardService) -> None:
    client = insert()
    seen = client.card.apdus_seen
    for bad in (b"123", b"12345", b"12a4", b""):
        with pytest.raises(InvalidPinFormatError):
            service.read_basic(bytearray(bad)).result()
    assert client.card.apdus_seen == seen  # nothing was sent to the card at all


def test_interactive_pin_shows_tries(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert(tries={"pin": 2})
    asked: list[int] = []

    class Handler:
        def get_pin(self, secret: object, tries_left: int) -> bytearray | None:
            asked.append(tries_left)
            return bytearray(resident.pin.encode())

    info = service.read_basic_interactive(Handler()).result()
    assert asked == [2] and info.individual_number == resident.individual_number


def test_probe_tells_a_my_number_card(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert()
    result = service.probe().result()
    assert result.kind is CardKind.MY_NUMBER
    assert result.applications == {
        "card_face": True,
        "juki": True,
        "input_support": True,
        "jpki": True,
    }
    cert = result.auth_certificate
    assert cert is not None and cert.valid_at()
    assert cert.not_after.date() == resident.expiry_date


def test_juki_card_is_told_apart(insert: Insert, service: CardService, resident: Resident) -> None:
    insert(kind="juki")
    assert service.probe().result().kind is CardKind.JUKI
    with pytest.raises(JukiCardError) as caught:
        service.read_basic(bytearray(resident.pin.encode())).result()
    assert "住民基本台帳カード" in caught.value.message


def test_unknown_card_is_told_apart(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert(kind="unknown")
    result = service.probe().result()
    assert result.kind is CardKind.UNKNOWN and not any(result.applications.values())
    assert result.pins == {} and result.auth_certificate is None
    with pytest.raises(UnknownCardError):
        service.read_basic(bytearray(resident.pin.encode())).result()


@pytest.mark.parametrize("long_form", [False, True], ids=["short-form", "long-form"])
def test_face_photo_decodes(
    insert: Insert, service: CardService, resident: Resident, long_form: bool
) -> None:
    insert(long_form=long_form)
    code = bytearray(resident.security_code.encode())
    face = service.read_face(
        birth_date=resident.birth_date, expiry_year=resident.expiry_date.year, security_code=code
    ).result()
    assert code == bytearray(4)
    assert isinstance(face.photo, Image.Image) and face.photo.format == "JPEG2000"
    assert face.photo.size == (300, 400)
    assert face.expiry_date == resident.expiry_date
    assert face.birth_date == resident.birth_date and face.sex is Sex(resident.sex)
    assert face.name_image.startswith(b"\x89PNG")


def test_face_with_wrong_security_code(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert()
    wrong = bytearray(f"{(int(resident.security_code) + 1) % 10000:04d}".encode())
    with pytest.raises(WrongPinError) as caught:
        service.read_face(
            birth_date=resident.birth_date,
            expiry_year=resident.expiry_date.year,
            security_code=wrong,
        ).result()
    assert caught.value.message == "照合番号Bが一致しません。残り9回です。"


def test_face_with_match_key_a_after_pin(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert()
    basic, face = service.submit(
        lambda s: s.read_face_with_pin(bytearray(resident.pin.encode()))
    ).result()
    assert basic.individual_number == resident.individual_number
    assert face.photo.size == (300, 400)
    again = service.submit(lambda s: s.read_face_with_number(basic.individual_number)).result()
    assert again.expiry_date == resident.expiry_date


def test_long_form_lengths_read_the_same(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert(long_form=True)
    info = service.read_basic(bytearray(resident.pin.encode())).result()
    assert info.address == resident.address


def test_certificate_parses(insert: Insert, service: CardService, resident: Resident) -> None:
    insert()
    cert = service.read_auth_certificate().result()
    assert cert.issuer.startswith("OU=Synthetic Test CA") and "O=JPKI (synthetic)" in cert.issuer
    assert cert.subject.startswith("CN=SYNTHETIC-AUTH-")
    assert cert.serial_number > 0
    assert cert.not_before < datetime.now(UTC) < cert.not_after
    assert cert.der.startswith(b"\x30\x82")


def test_card_without_certificate(insert: Insert, service: CardService) -> None:
    insert(with_auth_certificate=False)
    assert service.probe().result().auth_certificate is None


def test_minimal_apdu_counts(insert: Insert, service: CardService, resident: Resident) -> None:
    """Exactly the APDUs the protocol needs: no SELECT twice, header first, 256-byte chunks."""
    client = insert()
    card = client.card

    def count(job: Callable[[], object]) -> int:
        before = card.apdus_seen
        job()
        return card.apdus_seen - before

    cert_len = len(card.contents.apps[bytes.fromhex("D392F000260100000001")].files[0x000A])
    items_len = len(card.contents.apps[bytes.fromhex("D3921000310001010408")].files[0x0002])
    face_len = len(card.contents.apps[bytes.fromhex("D3921000310001010402")].files[0x0002])

    def reads(total: int) -> int:  # header (5 bytes), then the rest 256 at a time
        return 1 + -(-(total - 5) // 256)

    # probe: 4 SELECT AP, 3 × (SELECT key EF + empty VERIFY), SELECT cert EF + reads
    assert count(lambda: service.probe().result()) == 4 + 6 + 1 + reads(cert_len)
    # PIN + number + items: SELECT AP, SELECT 0011, VERIFY, SELECT 0001, READ, SELECT 0002 + reads
    pin = bytearray(resident.pin.encode())
    assert count(lambda: service.read_basic(pin).result()) == 6 + reads(items_len)
    code = bytearray(resident.security_code.encode())
    assert count(
        lambda: service.read_face(
            birth_date=resident.birth_date,
            expiry_year=resident.expiry_date.year,
            security_code=code,
        ).result()
    ) == 4 + reads(face_len)


def test_trace_is_redacted(
    insert: Insert, service: CardService, resident: Resident, caplog: pytest.LogCaptureFixture
) -> None:
    insert()
    caplog.set_level(logging.DEBUG, logger="cardreader.trace")
    service.read_basic(bytearray(resident.pin.encode())).result()
    code = bytearray(resident.security_code.encode())
    service.read_face(
        birth_date=resident.birth_date, expiry_year=resident.expiry_date.year, security_code=code
    ).result()
    lines = [r.getMessage() for r in caplog.records if r.name == "cardreader.trace"]
    text = "\n".join(lines)
    assert len(lines) > 10
    assert "00 20 00 80 Lc=4 [4 bytes redacted] (verify input_support_pin) < SW=9000" in text
    assert "Lc=14 [14 bytes redacted] (verify match_key_b)" in text
    match_b = (
        era_yymmdd(resident.birth_date) + str(resident.expiry_date.year) + resident.security_code
    )
    pin_hex = resident.pin.encode().hex()
    for secret in (
        resident.pin,
        pin_hex,
        pin_hex.upper(),
        " ".join(f"{b:02X}" for b in resident.pin.encode()),
        match_b,
        resident.individual_number,
        resident.family_name,
        "D3 92",
        "D392",
    ):
        assert secret not in text, secret
    every = "\n".join(r.getMessage() for r in caplog.records)
    assert resident.pin not in every and resident.individual_number not in every


def test_unlocked_state_does_not_linger(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    """After a PIN read the card is reset: another program finds EF 0001 locked again."""
    from smartcard import scard

    insert()
    service.read_basic(bytearray(resident.pin.encode())).result()
    service.probe().result()  # the reset is done after the hand-over; a next job waits for it
    _, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    _, handle, proto = scard.SCardConnect(ctx, client_reader(service), scard.SCARD_SHARE_SHARED, 3)
    try:
        for apdu in ("00A4040C0AD3921000310001010408", "00A4020C020001"):
            assert scard.SCardTransmit(handle, proto, list(bytes.fromhex(apdu)))[1] == [0x90, 0x00]
        assert scard.SCardTransmit(handle, proto, list(bytes.fromhex("00B0000011")))[1] == [
            0x69,
            0x82,
        ]
    finally:
        scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
        scard.SCardReleaseContext(ctx)


def client_reader(service: CardService, within: float = 5.0) -> str:
    """The reader holding the card; a reset can make the card look absent for one poll."""
    deadline = time.monotonic() + within
    while True:
        named = [r.name for r in service.readers() if r.card_present]
        if named or time.monotonic() > deadline:
            assert named, "no reader shows the card after the reset"
            return named[0]
        time.sleep(0.05)
