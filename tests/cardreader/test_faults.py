"""Failures over the real stack: every one ends in a typed error, in time, with nothing half-read."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from cardreader.errors import (
    CardRemovedError,
    CardTimeoutError,
    MalformedDataError,
    NoCardError,
    NoReaderError,
    PcscUnavailableError,
    ReaderGoneError,
    UnexpectedStatusError,
)
from cardreader.service import CardService
from cardreader.virtual.contents import Resident
from cardreader.virtual.pcscd import PcscdProcess
from cardreader.virtual.vpcd import VpcdCardClient
from tests.cardreader.conftest import VirtualReader

pytestmark = pytest.mark.card

Insert = Callable[..., VpcdCardClient]
INPUT_SUPPORT = bytes.fromhex("D3921000310001010408")


def pin(r: Resident) -> bytearray:
    return bytearray(r.pin.encode())


@pytest.mark.parametrize("after", [1, 3, 5, 8], ids=lambda n: f"apdu{n}")
def test_card_removed_mid_read(
    insert: Insert, service: CardService, resident: Resident, after: int
) -> None:
    client = insert()
    client.arm_removal(after_apdus=after)
    future = service.read_basic(pin(resident))
    with pytest.raises(CardRemovedError) as caught:
        future.result()
    assert (
        caught.value.message
        == "読み取り中にカードが取り外されました。もう一度カードを置いてください。"
    )
    assert future.exception() is caught.value  # the future holds the error, never a partial result


def test_card_removed_during_the_photo(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    client = insert()
    client.arm_removal(after_apdus=12)  # well inside the 256-byte chunks of the card-face file
    with pytest.raises(CardRemovedError):
        service.read_face(
            birth_date=resident.birth_date,
            expiry_year=resident.expiry_date.year,
            security_code=bytearray(resident.security_code.encode()),
        ).result()


def test_reinserted_card_reads_after_a_removal(
    reader: VirtualReader, insert: Insert, service: CardService, resident: Resident
) -> None:
    client = insert()
    client.arm_removal(after_apdus=4)
    with pytest.raises(CardRemovedError):
        service.read_basic(pin(resident)).result()
    with pytest.raises(NoCardError):
        service.read_basic(pin(resident)).result()
    insert()
    assert (
        service.read_basic(pin(resident)).result().individual_number == resident.individual_number
    )


def test_slow_card_times_out_without_hanging(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    client = insert()
    client.slow_down(1.5, after_apdus=2)  # answers the first two at once, then dawdles
    started = time.monotonic()
    with pytest.raises(CardTimeoutError) as caught:
        service.read_basic(pin(resident), timeout=1.0).result()
    assert (
        time.monotonic() - started < 1.4
    )  # the caller is freed at the deadline, not the card's pace
    assert (
        caught.value.message
        == "カードからの応答がありません（時間切れ）。カードを置き直してください。"
    )
    client.clear_faults()
    time.sleep(1.6)  # the APDU in flight comes back; its job already failed and is dropped
    info = service.read_basic(pin(resident)).result()
    assert info.individual_number == resident.individual_number


def test_a_card_that_never_answers(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    client = insert()
    client.slow_down(60.0)
    started = time.monotonic()
    with pytest.raises(CardTimeoutError):
        service.probe(timeout=0.8).result()
    with pytest.raises(CardTimeoutError):  # queued behind the stuck call: also settles in time
        service.probe(timeout=0.5).result()
    assert time.monotonic() - started < 2.0
    # Pulling the card out is what frees the stuck transmit; a fresh card then works.
    insert()
    deadline = time.monotonic() + 10
    while True:
        try:
            assert service.probe(timeout=3).result().kind.value == "my_number"
            break
        except (CardTimeoutError, CardRemovedError, NoCardError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.parametrize(
    "malform",
    [
        "number_check_digit",
        "number_tag",
        "items_truncated",
        "items_missing_sex",
        "items_bad_date",
        "items_bad_utf8",
        "items_indefinite",
        "items_huge",
    ],
)
def test_malformed_input_support_files(
    insert: Insert, service: CardService, resident: Resident, malform: str
) -> None:
    insert(malform=malform)
    future = service.read_basic(pin(resident))
    with pytest.raises(MalformedDataError) as caught:
        future.result()
    assert caught.value.code == "malformed_data"
    assert resident.individual_number[:6] not in str(caught.value)


def test_header_longer_than_file_with_whole_items(
    insert: Insert, service: CardService, resident: Resident
) -> None:
    insert(malform="items_header_mismatch")
    assert service.read_basic(pin(resident)).result().address == resident.address


def test_malformed_photo(insert: Insert, service: CardService, resident: Resident) -> None:
    insert(malform="photo_garbage")
    with pytest.raises(MalformedDataError) as caught:
        service.read_face(
            birth_date=resident.birth_date,
            expiry_year=resident.expiry_date.year,
            security_code=bytearray(resident.security_code.encode()),
        ).result()
    assert caught.value.message == "カードの顔写真を表示できません（画像データが不正です）。"


def test_malformed_certificate(insert: Insert, service: CardService) -> None:
    insert(malform="certificate_garbage")
    with pytest.raises(MalformedDataError) as caught:
        service.read_auth_certificate().result()
    assert "電子証明書" in caught.value.message


def test_unexpected_status_word(insert: Insert, service: CardService, resident: Resident) -> None:
    client = insert()
    client.card.contents.apps[INPUT_SUPPORT].files.pop(0x0002)
    with pytest.raises(UnexpectedStatusError) as caught:
        service.read_basic(pin(resident)).result()
    assert caught.value.sw == 0x6A82 and "6A82" in caught.value.message


def test_no_card_and_unknown_reader(
    reader: VirtualReader, service: CardService, resident: Resident
) -> None:
    with pytest.raises(NoCardError) as caught:
        service.read_basic(pin(resident)).result()
    assert caught.value.message == "カードが置かれていません。カードをリーダーに置いてください。"
    with pytest.raises(NoReaderError):
        service.probe(reader="No Such Reader 00 00").result()


def test_reader_gone_mid_read(
    pcscd: PcscdProcess,
    reader: VirtualReader,
    insert: Insert,
    service: CardService,
    resident: Resident,
) -> None:
    """pcscd with vpcd has no hot-unplug for one reader: stopping pcscd takes every reader away
    at once, which is what the application sees when a USB reader goes (and more)."""
    client = insert()
    client.slow_down(0.2, after_apdus=2)
    future = service.read_face(
        birth_date=resident.birth_date,
        expiry_year=resident.expiry_date.year,
        security_code=bytearray(resident.security_code.encode()),
    )
    time.sleep(0.5)
    pcscd.stop()
    try:
        with pytest.raises(ReaderGoneError) as caught:
            future.result()
        assert (
            caught.value.message
            == "カードリーダーとの接続が切れました。リーダーの接続を確認してください。"
        )
        with pytest.raises(PcscUnavailableError):
            service.probe(timeout=3).result()
    finally:
        reader.client = None
        pcscd.start()
    insert()
    assert service.probe().result().kind.value == "my_number"
