"""Pure units: 照合番号B, PIN checks, status-word and PC/SC error mapping, file parsers, messages."""

from __future__ import annotations

from datetime import date

import pytest

from cardreader import apdu
from cardreader.aps import card_face, input_support, jpki
from cardreader.channel import CardChannel
from cardreader.errors import (
    CardRemovedError,
    CardTimeoutError,
    ExitCode,
    InvalidPinFormatError,
    MalformedDataError,
    PinBlockedError,
    ReaderGoneError,
    Secret,
    UnexpectedStatusError,
    WrongPinError,
)
from cardreader.models import Sex
from cardreader.pins import check_pin, match_key_a, match_key_b
from cardreader.protocol import Application
from cardreader.transport import Connection
from cardreader.virtual import contents as vc

pytestmark = pytest.mark.card


# -- 照合番号B and PINs ----------------------------------------------------------------------


def test_match_key_b_example_from_the_card_docs() -> None:
    code = bytearray(b"2285")
    key = match_key_b(date(1980, 2, 17), 2035, code)
    assert key == bytearray(b"55021720352285")
    assert code == bytearray(4)  # consumed


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (date(1989, 1, 7), "640107"),  # last day of 昭和 (64年)
        (date(1989, 1, 8), "010108"),  # 平成元年
        (date(2019, 4, 30), "310430"),  # last day of 平成
        (date(2019, 5, 1), "010501"),  # 令和元年
        (date(1926, 12, 25), "011225"),  # 昭和元年
        (date(1912, 7, 29), "450729"),  # last day of 明治
    ],
)
def test_match_key_b_era_boundaries(born: date, expected: str) -> None:
    assert match_key_b(born, 2030, bytearray(b"0000")) == bytearray(f"{expected}20300000".encode())


@pytest.mark.parametrize("code", [b"228", b"22855", b"22a5", b"\xef\xbc\x92\xef\xbc\x92"])
def test_match_key_b_refuses_bad_codes_and_wipes_them(code: bytes) -> None:
    buffer = bytearray(code)
    with pytest.raises(InvalidPinFormatError) as caught:
        match_key_b(date(1980, 2, 17), 2035, buffer)
    assert buffer == bytearray(len(code))
    assert code.decode(errors="replace") not in str(caught.value)


def test_match_key_b_expiry_year_must_be_gregorian() -> None:
    with pytest.raises(InvalidPinFormatError):
        match_key_b(date(1980, 2, 17), 35, bytearray(b"1234"))


def test_pin_checks() -> None:
    check_pin(bytearray(b"0000"))
    for bad in (b"", b"123", b"12345", "１２３４".encode(), b"12 4"):
        buffer = bytearray(bad)
        with pytest.raises(InvalidPinFormatError):
            check_pin(buffer)
        assert buffer == bytearray(len(bad))
    assert match_key_a("123456789018") == bytearray(b"123456789018")
    with pytest.raises(InvalidPinFormatError):
        match_key_a("12345")


# -- status words through a fake connection ------------------------------------------------------


class ScriptedConnection(Connection):
    """Answers from a script and keeps what was sent (as the bytes were at send time)."""

    def __init__(self, answers: list[bytes]) -> None:
        self.reader = "scripted"
        self.atr = b""
        self.answers = list(answers)
        self.sent: list[bytes] = []
        self.buffers: list[bytearray] = []

    def transmit(self, data: bytes | bytearray) -> bytearray:
        self.sent.append(bytes(data))
        if isinstance(data, bytearray):
            self.buffers.append(data)
        return bytearray(self.answers.pop(0))

    def begin_transaction(self) -> None: ...
    def end_transaction(self, *, reset: bool = False) -> None: ...
    def close(self, *, reset: bool = False) -> None: ...


@pytest.mark.parametrize(
    ("sw", "error", "message"),
    [
        ("63C2", WrongPinError, "暗証番号が違います。残り2回です。"),
        ("63C1", WrongPinError, "暗証番号が違います。残り1回です。"),
        (
            "63C0",
            PinBlockedError,
            "暗証番号がロックされています。市区町村窓口での再設定が必要です。",
        ),
        (
            "6984",
            PinBlockedError,
            "暗証番号がロックされています。市区町村窓口での再設定が必要です。",
        ),
        (
            "6983",
            PinBlockedError,
            "暗証番号がロックされています。市区町村窓口での再設定が必要です。",
        ),
        (
            "6A86",
            UnexpectedStatusError,
            "カードが想定外の応答をしました（6A86）。カードを置き直してください。",
        ),
    ],
)
def test_verify_status_words(sw: str, error: type[Exception], message: str) -> None:
    conn = ScriptedConnection([bytes.fromhex("9000"), bytes.fromhex(sw)])
    pin = bytearray(b"4321")
    with pytest.raises(error) as caught:
        CardChannel(conn).verify(0x0011, pin, Secret.INPUT_SUPPORT_PIN)
    assert caught.value.message == message  # type: ignore[attr-defined]
    assert pin == bytearray(4)
    assert conn.buffers[-1] == bytearray(9)  # the APDU buffer holding the PIN was zeroed too
    assert "4321" not in str(caught.value) and "34333231" not in str(caught.value)


def test_pin_state_without_spending() -> None:
    conn = ScriptedConnection(
        [bytes.fromhex("9000"), bytes.fromhex("63C3"), bytes.fromhex("6984"), bytes.fromhex("9000")]
    )
    ch = CardChannel(conn)
    assert ch.pin_state(0x0011, Secret.INPUT_SUPPORT_PIN).tries_left == 3
    assert ch.pin_state(0x0011, Secret.INPUT_SUPPORT_PIN).blocked  # EF already selected: no SELECT
    assert ch.pin_state(0x0011, Secret.INPUT_SUPPORT_PIN).tries_left is None  # verified already
    assert conn.sent[1:] == [bytes.fromhex("00200080")] * 3


def test_selection_memory_and_get_response() -> None:
    conn = ScriptedConnection(
        [
            bytes.fromhex("9000"),  # SELECT AP
            bytes.fromhex("9000"),  # SELECT EF
            bytes.fromhex("6C03"),  # READ with Le 5: card wants 3
            bytes.fromhex("ABCDEF9000"),
            bytes.fromhex("0102" + "6102"),  # READ: 2 bytes and 2 more waiting
            bytes.fromhex("03049000"),  # GET RESPONSE
        ]
    )
    ch = CardChannel(conn)
    assert ch.select_application(Application.INPUT_SUPPORT)
    assert ch.select_application(Application.INPUT_SUPPORT)  # remembered: nothing sent
    ch.select_file(0x0002)
    ch.select_file(0x0002)
    assert ch.read_chunk(0, 5) == bytes.fromhex("ABCDEF")
    assert ch.read_chunk(3, 4) == bytes.fromhex("01020304")
    assert conn.sent[3] == bytes.fromhex("00B0000003")
    assert conn.sent[5] == bytes.fromhex("00C0000002")
    assert ch.apdu_count == 6


def test_deadline_stops_the_next_apdu() -> None:
    ch = CardChannel(ScriptedConnection([]), deadline=0.0)
    with pytest.raises(CardTimeoutError):
        ch.select_application(Application.JPKI)


def test_read_past_end_answers() -> None:
    conn = ScriptedConnection(
        [
            bytes.fromhex("9000"),
            bytes.fromhex("AA6282"),
            bytes.fromhex("6B00"),
            bytes.fromhex("6982"),
        ]
    )
    ch = CardChannel(conn)
    ch.select_file(0x0001)
    assert ch.read_chunk(0, 5) == b"\xaa"
    assert ch.read_chunk(9, 5) == b""
    with pytest.raises(UnexpectedStatusError):
        ch.read_chunk(0, 5)


def test_pcsc_return_codes_map_to_typed_errors() -> None:
    from cardreader import pcsc

    transport = pcsc.PcscTransport()
    assert isinstance(
        transport.explain_failure("r", pcsc.W_REMOVED_CARD, during="t"), CardRemovedError
    )
    assert isinstance(
        transport.explain_failure("r", pcsc.E_NO_SMARTCARD, during="t"), CardRemovedError
    )
    assert isinstance(
        transport.explain_failure("r", pcsc.E_READER_UNAVAILABLE, during="t"), ReaderGoneError
    )
    assert isinstance(
        transport.explain_failure("r", pcsc.E_UNKNOWN_READER, during="t"), ReaderGoneError
    )
    assert isinstance(
        transport.explain_failure("r", pcsc.E_NO_SERVICE, during="t"), ReaderGoneError
    )
    assert isinstance(transport.explain_failure("r", pcsc.E_TIMEOUT, during="t"), CardTimeoutError)


def test_apdu_encoding() -> None:
    assert apdu.select_df(Application.JPKI.aid, "jpki").encode() == bytes.fromhex(
        "00A4040C0AD392F000260100000001"
    )
    assert apdu.read_binary(0x0105, 256).encode() == bytes.fromhex("00B0010500")
    assert apdu.verify(None, "x").encode() == bytes.fromhex("00200080")
    with pytest.raises(ValueError):
        apdu.read_binary(0x8000, 1)


def test_exit_codes_are_distinct() -> None:
    codes = [v for k, v in vars(ExitCode).items() if k.isupper()]
    assert len(codes) == len(set(codes))


# -- file parsers ------------------------------------------------------------------------------


def resident() -> vc.Resident:
    return vc.builtin_resident()


@pytest.mark.parametrize("long_form", [False, True])
def test_basic_items_parse(long_form: bool) -> None:
    r = resident()
    name, address, born, sex = input_support.parse_basic_items(
        vc.basic_items_file(r, long_form=long_form, malform=None)
    )
    assert (name.family, name.given, address, born, sex) == (
        "見本",
        "花子",
        r.address,
        r.birth_date,
        Sex.FEMALE,
    )


def test_offsets_are_checked() -> None:
    r = resident()
    data = bytearray(vc.basic_items_file(r, long_form=False, malform=None))
    at = data.index(b"\xdf\x21\x08") + 3
    data[at : at + 2] = (len(data) + 5).to_bytes(2, "big")
    with pytest.raises(MalformedDataError, match="offset"):
        input_support.parse_basic_items(bytes(data))


def test_name_without_ideographic_space() -> None:
    name = input_support.parse_name(b"SMITH JOHN")
    assert (name.family, name.given, name.full) == ("SMITH JOHN", "", "SMITH JOHN")


@pytest.mark.parametrize("value", [b"2", b"x", b"", b"12"])
def test_sex_codes(value: bytes) -> None:
    if value == b"2":
        assert input_support.parse_sex(value) is Sex.FEMALE
    else:
        with pytest.raises(MalformedDataError):
            input_support.parse_sex(value)


def test_number_file() -> None:
    assert input_support.parse_number_file(vc.number_file("123456789018", None)) == "123456789018"
    with pytest.raises(MalformedDataError) as caught:
        input_support.parse_number_file(vc.number_file("123456789018", "number_check_digit"))
    assert "123456789" not in str(caught.value)


def test_face_file_and_photo() -> None:
    face = card_face.parse_face(vc.card_face_file(resident(), long_form=True, malform=None))
    assert face.photo.size == (300, 400) and face.photo.mode == "RGB"
    assert face.expiry_date == date(2035, 2, 17)
    with pytest.raises(MalformedDataError):
        card_face.decode_photo(vc.face_photo("1")[:200])  # a cut JPEG 2000
    with pytest.raises(MalformedDataError):
        card_face.decode_photo(b"\x89PNG\r\n\x1a\n")


def test_certificate_parse() -> None:
    auth, ca = vc.certificates(resident(), malform=None)
    cert = jpki.parse_certificate(auth)
    assert cert.issuer == jpki.parse_certificate(ca).subject
    assert "SYNTHETIC" not in repr(cert)  # the subject is left out of repr
    with pytest.raises(MalformedDataError):
        jpki.parse_certificate(auth[:-10])


def test_pillow_decodes_jpeg2000() -> None:
    from PIL import features

    assert features.check("jpg_2000"), "this Pillow build cannot decode the card's face photo"
