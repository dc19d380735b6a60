"""The virtual card's own APDU behaviour (no sockets): what the reader tests stand on."""

from __future__ import annotations

import pytest

from cardreader.protocol import Application
from cardreader.virtual.card import VirtualCard
from cardreader.virtual.contents import BuildOptions, build_contents, builtin_resident

pytestmark = pytest.mark.card


@pytest.fixture(scope="module")
def contents_my_number():  # type: ignore[no-untyped-def]
    return build_contents(builtin_resident())


def run(card: VirtualCard, *hexes: str) -> list[str]:
    return [card.process(bytes.fromhex(h)).hex().upper() for h in hexes]


def test_access_rules(contents_my_number) -> None:  # type: ignore[no-untyped-def]
    card = VirtualCard(contents_my_number)
    select_is = "00A4040C0A" + Application.INPUT_SUPPORT.aid.hex()
    out = run(
        card,
        select_is,
        "00A4020C020001",
        "00B0000011",
        "00A4020C020011",
        "00200080",
        "00200080" + "04" + b"1234".hex(),
        "00A4020C020001",
        "00B0000011",
    )
    assert out[:5] == ["9000", "9000", "6982", "9000", "63C3"]
    assert out[5] == "9000" and out[7].endswith("9000") and len(out[7]) == 2 * 19
    # Selecting another application drops the verified state.
    run(card, "00A4040C0A" + Application.JPKI.aid.hex(), select_is, "00A4020C020001")
    assert run(card, "00B0000011") == ["6982"]


def test_wrong_pin_counts_and_blocks(contents_my_number) -> None:  # type: ignore[no-untyped-def]
    card = VirtualCard(build_contents(builtin_resident(), BuildOptions(tries={"pin": 2})))
    select = ["00A4040C0A" + Application.INPUT_SUPPORT.aid.hex(), "00A4020C020011"]
    wrong = "0020008004" + b"9999".hex()
    assert run(card, *select, wrong, wrong, wrong, "00200080") == [
        "9000",
        "9000",
        "63C1",
        "63C0",
        "6984",
        "6984",
    ]


def test_reads_past_the_end(contents_my_number) -> None:  # type: ignore[no-untyped-def]
    card = VirtualCard(contents_my_number)
    out = run(
        card,
        "00A4040C0A" + Application.JPKI.aid.hex(),
        "00A4020C020006",
        "00B0001E05",
        "00B0002000",
        "00B0800000",
        "00B00000",
    )
    assert out[2].endswith("6282") and len(out[2]) == 2 * (2 + 2)
    assert out[3:] == ["6B00", "6A86", "6700"]


def test_unknown_card_has_no_application() -> None:
    card = VirtualCard(build_contents(builtin_resident(), BuildOptions(kind="unknown")))
    assert run(card, "00A4040C0A" + Application.INPUT_SUPPORT.aid.hex()) == ["6A82"]
